"""A large fleet in a CSMS's registry without sockets, for the fleet view's tests (REST and
browser): stations that booted once and are offline now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ocppkit.csms import OCPPServer
from ocppkit.csms.registry import BootInfo, ConnectorStatus, Transaction

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def fill_registry(server: OCPPServer, count: int) -> None:
    """``count`` stations FLEET_00000...: firmware "1.0" when the number is a multiple of 3,
    else "2.0"; every tenth one Faulted (else Available); every hundredth one charging at its
    number in W; last seen a second apart from ``T0``."""
    registry = server.chargers
    for n in range(count):
        charger = registry.ensure(f"FLEET_{n:05d}")
        charger.last_seen = T0 + timedelta(seconds=n)
        version = "2.0" if n % 3 else "1.0"
        charger.boot = BootInfo("Acme", "Box", None, version, "PowerUp", T0)
        status = "Faulted" if n % 10 == 0 else "Available"
        charger.connectors[(1, 1)] = ConnectorStatus(status, T0, T0)
        if n % 100 == 0:
            tx = Transaction(f"T{n}", charger.charger_id, T0, 0, evse_id=1)
            tx.charging_state, tx.power_w = "Charging", float(n)
            registry.open_transaction(charger, tx)
