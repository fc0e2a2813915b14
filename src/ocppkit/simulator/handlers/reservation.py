"""Block H, reservation: ReserveNow (H01) and CancelReservation (H02); expiry and
ReservationStatusUpdate (H03/H04) are ``reservations``' work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    CancelReservationRequest,
    CancelReservationResponse,
    CancelReservationStatusEnumType,
    ReserveNowRequest,
    ReserveNowResponse,
)

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator


async def on_reserve_now(
    station: ChargerSimulator, request: ReserveNowRequest
) -> ReserveNowResponse:
    """H01: Accepted and the EVSE Reserved; Occupied, Faulted or Unavailable as the EVSE is;
    Rejected for an unknown EVSE, an expiry in the past or reservations disabled."""
    return ReserveNowResponse(status=await station.reservations.reserve(request))


async def on_cancel_reservation(
    station: ChargerSimulator, request: CancelReservationRequest
) -> CancelReservationResponse:
    """H02: Accepted and the EVSE Available again; Rejected for an unknown reservation."""
    found = await station.reservations.cancel(request.reservation_id)
    status = (
        CancelReservationStatusEnumType.Accepted
        if found
        else (CancelReservationStatusEnumType.Rejected)
    )
    return CancelReservationResponse(status=status)


HANDLERS = {"ReserveNow": on_reserve_now, "CancelReservation": on_cancel_reservation}
