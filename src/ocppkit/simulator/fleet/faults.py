"""Faults injected into a running station, for real (what the CSMS sees is what happens).

    connector     the EVSE's connector goes Faulted and back when cleared (the simulator's
                  ``set_fault``: StatusNotification, a running transaction SuspendedEVSE);
    meter_freeze  the EVSE's energy register stops advancing and its power reads 0 while active;
    network_drop  the websocket is cut without a close frame: the station reconnects with its
                  back-off (one-shot: ``active=False`` does nothing);
    csms_reset    the station reboots as if it had received Reset Immediate (one-shot).

The meter freeze and the network drop act on the station's parts (its EVSEs, engine and link):
the simulator has no call for them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ocppkit.protocol.models import BootReasonEnumType
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Evse
from ocppkit.simulator.meter import MeterModel
from ocppkit.simulator.station import ChargerSimulator


class FaultKind(StrEnum):
    """The faults a fleet can inject."""

    connector = "connector"
    meter_freeze = "meter_freeze"
    network_drop = "network_drop"
    csms_reset = "csms_reset"


ONE_SHOT = frozenset({FaultKind.network_drop, FaultKind.csms_reset})


class FrozenMeter:
    """A meter whose register does not advance: every operating-point update is applied as
    'not charging', so power reads 0 and the integral stays put; everything else is the real
    meter's. Swapped in for the EVSE's meter while a meter_freeze is active."""

    __slots__ = ("real",)

    def __init__(self, real: MeterModel) -> None:
        self.real = real

    def update(self, now: float, charging: bool = False, *args: Any, **kwargs: Any) -> None:
        self.real.update(now, charging=False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _evse(sim: ChargerSimulator, evse_id: int) -> Evse:
    evse = sim.evses.get(evse_id)
    if evse is None:
        raise SimulatorError(f"{sim.charger_id} has no EVSE {evse_id}")
    return evse


async def set_connector_fault(sim: ChargerSimulator, evse_id: int, active: bool) -> None:
    """Put the connector of ``evse_id`` in (or out of) Faulted and tell the CSMS (G01).

    Raises:
        SimulatorError: unknown EVSE.
    """
    await sim.set_fault(evse_id, active)


def set_meter_freeze(sim: ChargerSimulator, evse_id: int, active: bool) -> None:
    """Freeze (or thaw) the energy register of ``evse_id``.

    Raises:
        SimulatorError: unknown EVSE.
    """
    evse = _evse(sim, evse_id)
    frozen = isinstance(evse.meter, FrozenMeter)
    if active == frozen:
        return
    now = sim.clock()
    if active:
        evse.meter.update(now, charging=False)  # integrate up to now, then draw nothing
        evse.meter = FrozenMeter(evse.meter)  # type: ignore[assignment]
        return
    evse.meter = evse.meter.real  # type: ignore[attr-defined]
    sim.engine.apply_limits(now)  # back to the operating point the profiles allow


def drop_network(sim: ChargerSimulator) -> None:
    """Cut the station's websocket abruptly (no close frame); the station reconnects.

    Raises:
        SimulatorError: the station has no open websocket.
    """
    sim.link.drop()


def csms_reset(sim: ChargerSimulator) -> None:
    """Reboot the station as on Reset Immediate (B11): transactions end, BootNotification
    RemoteReset follows."""
    sim.spawn(sim.reboot(BootReasonEnumType.RemoteReset), "fleet reset")


async def apply_fault(sim: ChargerSimulator, kind: FaultKind, evse_id: int, active: bool) -> None:
    """Inject (``active``) or clear a fault of ``kind`` on ``sim``.

    Raises:
        SimulatorError: the fault cannot apply in the station's present state.
    """
    if kind is FaultKind.connector:
        await set_connector_fault(sim, evse_id, active)
    elif kind is FaultKind.meter_freeze:
        set_meter_freeze(sim, evse_id, active)
    elif active and kind is FaultKind.network_drop:
        drop_network(sim)
    elif active and kind is FaultKind.csms_reset:
        csms_reset(sim)
