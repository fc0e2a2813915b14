"""Block H, reservation: ReserveNow (H01), CancelReservation (H02), expiry and
ReservationStatusUpdate (H01/H04).

A reservation holds one EVSE (Reserved) for one idToken (or its group) until its
``expiryDateTime``: then it ends (Available) with ReservationStatusUpdate Expired (H01), on a
timer of the station's scheduler. A transaction of the reserved token uses it up (its
TransactionEvent Started carries the reservationId); CancelReservation ends it without
notification (H02); a fault or an Inoperative EVSE removes it with ReservationStatusUpdate
Removed. ReservationCtrlr.Enabled false rejects all.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from ocppkit.protocol.models import (
    CancelReservationRequest,
    CancelReservationResponse,
    CancelReservationStatusEnumType,
    ReservationStatusUpdateRequest,
    ReservationUpdateStatusEnumType,
    ReserveNowRequest,
    ReserveNowResponse,
    ReserveNowStatusEnumType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.evse import Evse, Reservation, Status
from ocppkit.simulator.scheduler import Timer
from ocppkit.simulator.smart_charging.schedule import parse_time

log = logging.getLogger("ocppkit.simulator")
Answer = ReserveNowStatusEnumType
Update = ReservationUpdateStatusEnumType
# H01: what a ReserveNow for an EVSE in this status is answered
_REFUSALS = {
    Status.Faulted: Answer.Faulted,
    Status.Unavailable: Answer.Unavailable,
    Status.Occupied: Answer.Occupied,
    Status.Reserved: Answer.Occupied,
}


class Reservations:
    """The reservations of one station and their expiry timers."""

    __slots__ = ("_ctx", "_timers")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self._timers: dict[int, Timer] = {}  # reservation id -> expiry

    def routes(self) -> Mapping[str, Handler]:
        return {"ReserveNow": self.on_reserve_now, "CancelReservation": self.on_cancel_reservation}

    async def on_reserve_now(self, request: ReserveNowRequest) -> ReserveNowResponse:
        """H01: Accepted and the EVSE Reserved; Occupied, Faulted or Unavailable as the EVSE is;
        Rejected for an unknown EVSE, an expiry in the past or reservations disabled."""
        return ReserveNowResponse(status=await self.reserve(request))

    async def on_cancel_reservation(
        self, request: CancelReservationRequest
    ) -> CancelReservationResponse:
        """H02: Accepted and the EVSE Available again; Rejected for an unknown reservation."""
        found = await self.cancel(request.reservation_id)
        status = (
            CancelReservationStatusEnumType.Accepted
            if found
            else CancelReservationStatusEnumType.Rejected
        )
        return CancelReservationResponse(status=status)

    def find(self, reservation_id: int) -> Evse | None:
        """The EVSE that holds reservation ``reservation_id``."""
        for evse in self._ctx.evses.values():
            if evse.reservation is not None and evse.reservation.reservation_id == reservation_id:
                return evse
        return None

    def _pick(self, evse_id: int | None) -> Evse | ReserveNowStatusEnumType:
        evses = self._ctx.evses
        if evse_id is not None:
            evse = evses.get(evse_id)
            if evse is None:
                return Answer.Rejected
            candidates = [evse]
        else:  # H01: any EVSE of the station will do
            candidates = list(evses.values())
        for evse in candidates:
            if evse.status == Status.Available and not evse.busy:
                return evse
        statuses = {e.status for e in candidates}
        for status in (Status.Occupied, Status.Reserved, Status.Unavailable, Status.Faulted):
            if status in statuses:
                return _REFUSALS[status]
        return Answer.Occupied  # Available but a transaction is being started

    async def reserve(self, request: ReserveNowRequest) -> ReserveNowStatusEnumType:
        """H01: hold an EVSE for ``request.id_token`` until its expiry."""
        ctx = self._ctx
        if not ctx.device_model.reservation_enabled:
            return Answer.Rejected
        expiry = parse_time(request.expiry_date_time)
        seconds = (expiry - ctx.now_utc()).total_seconds() if expiry is not None else 0.0
        if seconds <= 0:
            return Answer.Rejected
        previous = self.find(request.id)
        if previous is not None:  # H01: the same id replaces the reservation
            self._drop(previous)
        picked = self._pick(request.evse_id)
        if previous is not None and previous is not picked:
            ctx.spawn(ctx.announce_change(previous, Status.Reserved), "reservation moved")
        if not isinstance(picked, Evse):
            return picked
        before = picked.status
        picked.reservation = Reservation(
            request.id, request.id_token, request.group_id_token, ctx.clock() + seconds
        )
        picked.settle()
        self._timers[request.id] = ctx.scheduler.call_later(
            seconds, lambda: self._expire_due(picked, request.id)
        )
        ctx.spawn(ctx.announce_change(picked, before), "reserved status")
        return Answer.Accepted

    async def cancel(self, reservation_id: int) -> bool:
        """H02: end reservation ``reservation_id``; False when there is none."""
        evse = self.find(reservation_id)
        if evse is None:
            return False
        before = evse.status
        self._drop(evse)
        self._ctx.spawn(self._ctx.announce_change(evse, before), "reservation cancelled")
        return True

    def consume(self, evse: Evse) -> None:
        """The reserved token started a transaction: the reservation is used up (H01)."""
        self._drop(evse)

    async def remove(self, evse: Evse) -> None:
        """The EVSE can no longer honour its reservation (fault, Inoperative): Removed."""
        reservation = evse.reservation
        if reservation is None:
            return
        self._drop(evse)
        await self._notify(reservation.reservation_id, Update.Removed)

    def _drop(self, evse: Evse) -> None:
        reservation = evse.reservation
        if reservation is None:
            return
        evse.reservation = None
        timer = self._timers.pop(reservation.reservation_id, None)
        if timer is not None:
            timer.cancel()
        evse.settle()

    def _expire_due(self, evse: Evse, reservation_id: int) -> None:
        self._timers.pop(reservation_id, None)
        self._ctx.spawn(self._expire(evse, reservation_id), f"reservation {reservation_id}")

    async def _expire(self, evse: Evse, reservation_id: int) -> None:
        """H01: the expiry came before the reserved token: Available, and Expired."""
        reservation = evse.reservation
        if reservation is None or reservation.reservation_id != reservation_id:
            return
        before = evse.status
        self._drop(evse)
        await self._ctx.announce_change(evse, before)
        await self._notify(reservation_id, Update.Expired)

    async def _notify(self, reservation_id: int, status: ReservationUpdateStatusEnumType) -> None:
        ctx = self._ctx
        if not ctx.connected:
            return
        request = ReservationStatusUpdateRequest(
            reservation_id=reservation_id, reservation_update_status=status
        )
        await ctx.notify("ReservationStatusUpdate", request)
