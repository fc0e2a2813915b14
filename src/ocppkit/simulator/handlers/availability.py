"""Block G, availability: ChangeAvailability of an EVSE (G03) or the whole station (G04)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ChangeAvailabilityRequest,
    ChangeAvailabilityResponse,
    ChangeAvailabilityStatusEnumType,
    EVSEType,
    OperationalStatusEnumType,
    StatusInfoType,
)
from ocppkit.simulator.evse import CONNECTOR_ID, Evse, EvseEvent, Status

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

Answer = ChangeAvailabilityStatusEnumType


def _targets(station: ChargerSimulator, evse: EVSEType | None) -> list[Evse] | None:
    if evse is None or evse.id == 0:
        return list(station.evses.values())
    found = station.evses.get(evse.id)
    if found is None or evse.connector_id not in (None, CONNECTOR_ID):
        return None
    return [found]


def _apply(evse: Evse, operative: bool) -> tuple[bool, bool]:
    """Change one EVSE; returns (its status changed, the change waits for its transaction)."""
    before = evse.status
    if operative:
        evse.inoperative_when_idle = False
        if evse.status == Status.Unavailable:
            evse.fire(EvseEvent.OPERATIVE)
    elif evse.busy:
        evse.inoperative_when_idle = True  # G03: Unavailable once the transaction ends
        return False, True
    else:
        evse.fire(EvseEvent.INOPERATIVE)
    return evse.status != before, False


async def _announce(station: ChargerSimulator, evses: list[Evse]) -> None:
    for evse in evses:
        await station.send_status(evse)


async def on_change_availability(
    station: ChargerSimulator, request: ChangeAvailabilityRequest
) -> ChangeAvailabilityResponse:
    """Accepted (and StatusNotification for each EVSE that changed), Scheduled when a running
    transaction delays it, Rejected for an unknown EVSE or connector."""
    targets = _targets(station, request.evse)
    if targets is None:
        return ChangeAvailabilityResponse(
            status=Answer.Rejected, status_info=StatusInfoType(reason_code="UnknownEVSE")
        )
    operative = request.operational_status == OperationalStatusEnumType.Operative
    changed, scheduled = [], False
    for evse in targets:
        did_change, waits = _apply(evse, operative)
        scheduled = scheduled or waits
        if did_change:
            changed.append(evse)
    if changed and station.connected:
        station.spawn(_announce(station, changed), "availability status")
    return ChangeAvailabilityResponse(status=Answer.Scheduled if scheduled else Answer.Accepted)


HANDLERS = {"ChangeAvailability": on_change_availability}
