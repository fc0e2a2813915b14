"""Block G, availability: ChangeAvailability of an EVSE (G03) or the whole station (G04).

The operational status is kept on the EVSE (``Evse.inoperative``), so it survives a reboot
(G03/G04: persistent); with a ``state_dir`` it is also written to
``<state_dir>/<charger_id>.availability.json`` and read back by the next run (``restore``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ChangeAvailabilityRequest,
    ChangeAvailabilityResponse,
    ChangeAvailabilityStatusEnumType,
    EVSEType,
    OperationalStatusEnumType,
    StatusInfoType,
)
from ocppkit.simulator.evse import CONNECTOR_ID, Evse

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
Answer = ChangeAvailabilityStatusEnumType


def _targets(station: ChargerSimulator, evse: EVSEType | None) -> list[Evse] | None:
    if evse is None or evse.id == 0:
        return list(station.evses.values())
    found = station.evses.get(evse.id)
    if found is None or evse.connector_id not in (None, CONNECTOR_ID):
        return None
    return [found]


def _path(station: ChargerSimulator) -> Path | None:
    state_dir = getattr(station, "state_dir", None)
    if state_dir is None:
        return None
    return Path(state_dir) / f"{station.charger_id}.availability.json"


def save(station: ChargerSimulator) -> None:
    """Write the EVSEs' operational status to the state directory, if there is one."""
    path = _path(station)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    inoperative = [e.evse_id for e in station.evses.values() if e.inoperative]
    path.write_text(json.dumps({"inoperative": inoperative}), encoding="utf-8")


def restore(station: ChargerSimulator) -> None:
    """Read back the operational status a previous run saved (before the first boot)."""
    path = _path(station)
    if path is None or not path.exists():
        return
    try:
        inoperative = set(json.loads(path.read_text(encoding="utf-8"))["inoperative"])
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("[%s] unreadable %s: %r", station.charger_id, path, exc)
        return
    for evse in station.evses.values():
        evse.inoperative = evse.evse_id in inoperative
        evse.settle()


async def _apply(station: ChargerSimulator, evse: Evse, operative: bool) -> bool:
    """Change one EVSE; returns whether the change waits for its transaction."""
    evse.inoperative = not operative
    if not operative and evse.reservation is not None:
        await station.reservations.remove(evse)  # the reservation cannot be honoured
    evse.settle()
    return evse.inoperative_when_idle


async def _announce(station: ChargerSimulator, evses: list[Evse]) -> None:
    for evse in evses:
        await station.engine.send_status(evse)


async def on_change_availability(
    station: ChargerSimulator, request: ChangeAvailabilityRequest
) -> ChangeAvailabilityResponse:
    """Accepted (and StatusNotification for each EVSE that changed), Scheduled when a running
    transaction delays it (G03), Rejected for an unknown EVSE or connector."""
    targets = _targets(station, request.evse)
    if targets is None:
        return ChangeAvailabilityResponse(
            status=Answer.Rejected, status_info=StatusInfoType(reason_code="UnknownEVSE")
        )
    operative = request.operational_status == OperationalStatusEnumType.Operative
    changed, scheduled = [], False
    for evse in targets:
        before = evse.status
        scheduled = await _apply(station, evse, operative) or scheduled
        if evse.status != before:
            changed.append(evse)
    save(station)
    if changed:
        station.spawn(_announce(station, changed), "availability status")
    return ChangeAvailabilityResponse(status=Answer.Scheduled if scheduled else Answer.Accepted)


HANDLERS = {"ChangeAvailability": on_change_availability}
