"""Block H: ReserveNow (H01), CancelReservation (H02) and expiry on the station's clock."""

from __future__ import annotations

from datetime import timedelta

from ocppkit.protocol.models import (
    CancelReservationRequest,
    IdTokenType,
    ReserveNowRequest,
)
from ocppkit.simulator.blocks.reservation import Reservations
from ocppkit.simulator.device.model import RESERVATION_ENABLED
from ocppkit.simulator.evse import Status
from ocppkit.simulator.transactions import wire_time

from .support import Station, make_station

TOKEN = IdTokenType(id_token="AA11", type="ISO14443")


def reserve(station: Station, reservation_id: int, seconds: float, evse_id: int | None = 1):
    expiry = wire_time(station.ctx.now_utc() + timedelta(seconds=seconds))
    return ReserveNowRequest(
        id=reservation_id, expiry_date_time=expiry, id_token=TOKEN, evse_id=evse_id
    )


def enabled() -> tuple[Station, Reservations]:
    station = make_station(evses=2)
    station.ctx.device_model.set_value(RESERVATION_ENABLED, "true")
    return station, Reservations(station.ctx)


async def test_h01_reserved_until_the_expiry_then_available_and_expired() -> None:
    station, block = enabled()
    answer = await block.on_reserve_now(reserve(station, 5, 600))
    assert answer.status == "Accepted" and station.ctx.evses[1].status == Status.Reserved
    await station.clock.advance(599)
    assert station.ctx.evses[1].status == Status.Reserved
    await station.clock.advance(2)
    assert station.ctx.evses[1].status == Status.Available
    statuses = [p["connectorStatus"] for p in station.link.sent("StatusNotification")]
    assert statuses == ["Reserved", "Available"]
    (update,) = station.link.sent("ReservationStatusUpdate")
    assert update == {"reservationId": 5, "reservationUpdateStatus": "Expired"}


async def test_h02_cancel_ends_the_reservation_without_notification() -> None:
    station, block = enabled()
    await block.on_reserve_now(reserve(station, 6, 600, evse_id=None))  # H01: any EVSE
    assert block.find(6) is station.ctx.evses[1]
    cancelled = await block.on_cancel_reservation(CancelReservationRequest(reservation_id=6))
    assert cancelled.status == "Accepted"
    unknown = await block.on_cancel_reservation(CancelReservationRequest(reservation_id=6))
    assert unknown.status == "Rejected"
    await station.clock.advance(700)  # the expiry timer went with it
    assert not station.link.sent("ReservationStatusUpdate")
    assert station.ctx.evses[1].status == Status.Available


async def test_h01_refusals() -> None:
    station, block = enabled()
    assert (await block.on_reserve_now(reserve(station, 1, -1))).status == "Rejected"  # past
    assert (await block.on_reserve_now(reserve(station, 1, 60, evse_id=9))).status == "Rejected"
    station.ctx.evses[2].faulted = True
    station.ctx.evses[2].settle()
    assert (await block.on_reserve_now(reserve(station, 1, 60, evse_id=2))).status == "Faulted"
    await block.on_reserve_now(reserve(station, 2, 60))
    assert (await block.on_reserve_now(reserve(station, 3, 60, evse_id=1))).status == "Occupied"
    station.ctx.device_model.set_value(RESERVATION_ENABLED, "false")
    assert (await block.on_reserve_now(reserve(station, 4, 60))).status == "Rejected"


async def test_h01_a_transaction_uses_it_up_and_a_fault_removes_it() -> None:
    station, block = enabled()
    await block.on_reserve_now(reserve(station, 1, 600))
    await block.on_reserve_now(reserve(station, 2, 600, evse_id=2))
    block.consume(station.ctx.evses[1])
    await block.remove(station.ctx.evses[2])
    assert block.find(1) is None and block.find(2) is None
    updates = station.link.sent("ReservationStatusUpdate")
    assert updates == [{"reservationId": 2, "reservationUpdateStatus": "Removed"}]
    await station.clock.advance(700)
    assert len(station.link.sent("ReservationStatusUpdate")) == 1
