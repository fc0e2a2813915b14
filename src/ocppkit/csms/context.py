"""What every functional block is given: one context object (the shape of EVerest's
functional blocks), holding the registry, the clock, the token policy, the event hook, the store,
the boot policy, the command sender and the operator's plug-ins (DataTransfer handlers, the EV
charging needs policy, the certificate signer).

Nothing here is module-global; an ``OCPPServer`` builds one context and hands it to its blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ocppkit.csms.clock import Clock, format_time
from ocppkit.csms.extensions import DataTransferHandlers, EvChargingNeedsPolicy
from ocppkit.csms.registry import ChargerRegistry
from ocppkit.csms.store import Store
from ocppkit.csms.tariffs import TariffBook
from ocppkit.csms.tokens import TokenStore
from ocppkit.protocol.models import OcppModel
from ocppkit.security.ca import CertificateSigner

log = logging.getLogger("ocppkit.csms")

Listener = Callable[[str, str, dict[str, Any]], None]
"""``listener(kind, charger_id, data)``; see ``EventHub``."""


class EventHub:
    """Fans CSMS events out to listeners.

    Kinds: ``connected``, ``disconnected``, ``booted``, ``status``, ``transaction``,
    ``meter_values``, ``command``, ``notification``. Listeners run synchronously on the event
    loop and must not block; one that wants to do async work should put the event on an
    ``asyncio.Queue``. A listener that raises
    is logged and does not disturb the CSMS or the other listeners.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def add(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, kind: str, station_id: str, data: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            try:
                listener(kind, station_id, data)
            except Exception:
                log.exception("event listener %r failed on %s for %s", listener, kind, station_id)


BOOT_POLICIES = ("accept", "known-only", "auto-register")
REGISTRATION_STATUSES = ("Accepted", "Pending", "Rejected")


class BootPolicy:
    """Which BootNotificationResponse status a station gets (B01-B03).

    Args:
        policy: "accept" (every station Accepted; a station that has not booted may still send
            other messages, the seed's behaviour), "auto-register" (every station Accepted at
            boot and remembered as registered), or "known-only" (stations in ``known`` or
            registered before, e.g. kept in the database, Accepted; others Rejected).
        known: station ids registered by configuration.

    A status set per station (``override``) wins over the policy, for that station's next
    BootNotification. Under "known-only" and "auto-register" a station's CALLs other than
    BootNotification get a SecurityError until it is Accepted (B02.FR.09, B03.FR.08).

    Raises:
        ValueError: from the constructor, for an unknown policy.
    """

    def __init__(self, policy: str = "accept", known: Iterable[str] = ()) -> None:
        if policy not in BOOT_POLICIES:
            raise ValueError(f"boot policy must be one of {BOOT_POLICIES}, not {policy!r}")
        self.policy = policy
        self.known = set(known)
        self.overrides: dict[str, str] = {}

    def override(self, station_id: str, status: str | None) -> None:
        """Answer ``status`` to the station's next boots (None: back to the policy).

        Raises:
            ValueError: ``status`` is not Accepted, Pending or Rejected.
        """
        if status is None:
            self.overrides.pop(station_id, None)
            return
        if status not in REGISTRATION_STATUSES:
            raise ValueError(f"registration status must be one of {REGISTRATION_STATUSES}")
        self.overrides[station_id] = status

    def status_for(self, station_id: str, registered: bool) -> str:
        """The status for a boot of a station that was (or was not) Accepted before."""
        override = self.overrides.get(station_id)
        if override is not None:
            return override
        if self.policy == "known-only" and not (registered or station_id in self.known):
            return "Rejected"  # B03
        return "Accepted"

    def admits(self, registration_status: str | None) -> bool:
        """Whether a station with this status may send CALLs other than BootNotification."""
        if registration_status is None:
            return self.policy == "accept"
        return registration_status == "Accepted"


@dataclass(slots=True)
class CsmsContext:
    """The shared state every block works on; ``store`` persists changes (see ``Store``)."""

    registry: ChargerRegistry
    clock: Clock
    tokens: TokenStore
    events: EventHub
    heartbeat_interval: int
    store: Store = field(default_factory=Store)
    boot: BootPolicy = field(default_factory=BootPolicy)
    request_base_report: bool = False
    spawn: Callable[[Coroutine[Any, Any, Any]], None] | None = None
    """Runs a coroutine as a task the server owns (e.g. a command sent after a CALLRESULT)."""
    data_transfer: DataTransferHandlers = field(default_factory=DataTransferHandlers)
    ev_charging_needs_policy: EvChargingNeedsPolicy | None = None
    """None: the TxProfile derived from the limits the CSMS knows (K15, ``SmartCharging``)."""
    ev_max_power_w: float | None = None
    """The operator's cap on every EV's TxProfile (W), whatever the policy."""
    station_objects: Callable[[str, str | None], list[dict[str, Any]]] | None = None
    """What a station holds, by kind (the tracker's ``objects``)."""
    send: Callable[[str, str, OcppModel | dict[str, Any]], Awaitable[OcppModel]] | None = None
    """Sends a CSMS->CS command, tracked (the server's ``call``)."""
    signer: CertificateSigner | None = None
    """Signs the stations' CSRs (SignCertificate); None: they are Rejected."""
    tariffs: TariffBook = field(default_factory=TariffBook)
    """The tariffs that price transactions (block I)."""
    cost_update_interval: float | None = None
    """Seconds between the CostUpdated of a running transaction (I02); None: none sent."""

    def now(self) -> datetime:
        return self.clock()

    def now_text(self) -> str:
        """The current time as OCPP wire text (UTC, ``Z``)."""
        return format_time(self.clock())
