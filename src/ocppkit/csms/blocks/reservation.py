"""H Reservation: ReservationStatusUpdate (H03/H04), and what ReserveNow (H01) and
CancelReservation (H02) change.

A reservation is kept as a ``reservation`` object keyed by its id: Requested once ReserveNow is
sent, then the station's answer (Accepted, Occupied, Rejected, ...), Cancelled after an Accepted
CancelReservation, Expired or Removed as the station reports.
"""

from __future__ import annotations

import logging

from ocppkit.csms.blocks import Block, Notice, StationObjects, changes, handles, on_answer, on_sent
from ocppkit.csms.registry import Charger
from ocppkit.protocol.models import (
    CancelReservationRequest,
    CancelReservationResponse,
    OcppModel,
    ReservationStatusUpdateRequest,
    ReservationStatusUpdateResponse,
    ReserveNowRequest,
    ReserveNowResponse,
)

log = logging.getLogger("ocppkit.csms")

KIND = "reservation"


class ReservationId(OcppModel):
    """The payload of a reservation the CSMS did not see requested: its id only."""

    id: int


class Reservation(Block):
    """Follows the reservations the CSMS makes."""

    object_kinds = (KIND,)

    @handles(
        "ReservationStatusUpdate",
        notice=Notice(
            reports_on=("ReserveNow",),
            request_key="reservation_id",
            status_key="reservation_update_status",
        ),
    )
    async def on_reservation_status_update(
        self, charger: Charger, request: ReservationStatusUpdateRequest
    ) -> ReservationStatusUpdateResponse:
        """H03/H04: a reservation expired or was removed."""
        log.info(
            "[%s] reservation %d: %s",
            charger.charger_id,
            request.reservation_id,
            request.reservation_update_status,
        )
        return ReservationStatusUpdateResponse()

    @changes("ReservationStatusUpdate")
    def reservation_updated(
        self, objects: StationObjects, request: ReservationStatusUpdateRequest
    ) -> None:
        """H03/H04: the reservation is Expired or Removed."""
        _set_status(objects, request.reservation_id, str(request.reservation_update_status))

    @on_sent("ReserveNow", request_id=lambda request: request.id)
    def reservation_requested(self, objects: StationObjects, request: ReserveNowRequest) -> None:
        """H01: known from now on, as Requested."""
        objects.put(KIND, str(request.id), request, "Requested", request.evse_id)

    @on_answer("ReserveNow")
    def reservation_answered(
        self, objects: StationObjects, request: ReserveNowRequest, response: ReserveNowResponse
    ) -> None:
        """H01: the reservation's status is the station's answer (Accepted, Occupied, ...)."""
        objects.put(KIND, str(request.id), request, str(response.status), request.evse_id)

    @on_answer("CancelReservation", request_id=lambda request: request.reservation_id)
    def reservation_cancelled(
        self,
        objects: StationObjects,
        request: CancelReservationRequest,
        response: CancelReservationResponse,
    ) -> None:
        """H02: an Accepted cancellation ends the reservation."""
        if response.status == "Accepted":
            _set_status(objects, request.reservation_id, "Cancelled")


def _set_status(objects: StationObjects, reservation_id: int, status: str) -> None:
    objects.set_status(KIND, str(reservation_id), status, lambda: ReservationId(id=reservation_id))
