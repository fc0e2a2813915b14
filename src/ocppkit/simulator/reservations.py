"""Reservations (block H): ReserveNow, CancelReservation, expiry and ReservationStatusUpdate.

A reservation holds one EVSE (Reserved) for one idToken (or its group) until its
``expiryDateTime``: then it ends (Available) with ReservationStatusUpdate Expired (H01). A
transaction of the reserved token uses it up (its TransactionEvent Started carries the
reservationId); CancelReservation ends it without notification (H02); a fault or an Inoperative
EVSE removes it with ReservationStatusUpdate Removed. ReservationCtrlr.Enabled false rejects all.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ReservationStatusUpdateRequest,
    ReservationUpdateStatusEnumType,
    ReserveNowRequest,
    ReserveNowStatusEnumType,
)
from ocppkit.simulator.evse import Evse, Reservation, Status
from ocppkit.simulator.smart_charging.schedule import parse_time

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

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

    __slots__ = ("_station", "_timers")

    def __init__(self, station: ChargerSimulator) -> None:
        self._station = station
        self._timers: dict[int, asyncio.Task[None]] = {}  # reservation id -> expiry

    def find(self, reservation_id: int) -> Evse | None:
        """The EVSE that holds reservation ``reservation_id``."""
        for evse in self._station.evses.values():
            if evse.reservation is not None and evse.reservation.reservation_id == reservation_id:
                return evse
        return None

    def _pick(self, evse_id: int | None) -> Evse | ReserveNowStatusEnumType:
        evses = self._station.evses
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
        station = self._station
        if not station.device_model.reservation_enabled:
            return Answer.Rejected
        expiry = parse_time(request.expiry_date_time)
        seconds = (expiry - station.now_utc()).total_seconds() if expiry is not None else 0.0
        if seconds <= 0:
            return Answer.Rejected
        previous = self.find(request.id)
        if previous is not None:  # H01: the same id replaces the reservation
            self._drop(previous)
        picked = self._pick(request.evse_id)
        if previous is not None and previous is not picked:
            station.spawn(self._announce(previous, Status.Reserved), "reservation moved")
        if not isinstance(picked, Evse):
            return picked
        before = picked.status
        picked.reservation = Reservation(
            request.id, request.id_token, request.group_id_token, station.clock() + seconds
        )
        picked.settle()
        self._timers[request.id] = station.spawn(
            self._expire(picked, request.id, seconds), f"reservation {request.id}"
        )
        station.spawn(self._announce(picked, before), "reserved status")
        return Answer.Accepted

    async def cancel(self, reservation_id: int) -> bool:
        """H02: end reservation ``reservation_id``; False when there is none."""
        evse = self.find(reservation_id)
        if evse is None:
            return False
        before = evse.status
        self._drop(evse)
        self._station.spawn(self._announce(evse, before), "reservation cancelled")
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
        if timer is not None and timer is not asyncio.current_task():
            timer.cancel()
        evse.settle()

    async def _expire(self, evse: Evse, reservation_id: int, seconds: float) -> None:
        await asyncio.sleep(seconds)
        reservation = evse.reservation
        if reservation is None or reservation.reservation_id != reservation_id:
            return
        before = evse.status
        self._timers.pop(reservation_id, None)
        self._drop(evse)
        await self._announce(evse, before)
        await self._notify(reservation_id, Update.Expired)

    async def _announce(self, evse: Evse, before: Status) -> None:
        if evse.status != before:
            await self._station.engine.send_status(evse)

    async def _notify(self, reservation_id: int, status: ReservationUpdateStatusEnumType) -> None:
        station = self._station
        if not station.connected:
            return
        request = ReservationStatusUpdateRequest(
            reservation_id=reservation_id, reservation_update_status=status
        )
        await station.notify("ReservationStatusUpdate", request)
