"""Block G: ChangeAvailability of an EVSE (G03) or the station (G04), kept between runs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from ocppkit.protocol.models import (
    ChangeAvailabilityRequest,
    EVSEType,
    IdTokenType,
    ReserveNowRequest,
)
from ocppkit.simulator.blocks.availability import Availability
from ocppkit.simulator.blocks.reservation import Reservations
from ocppkit.simulator.device.model import RESERVATION_ENABLED
from ocppkit.simulator.evse import Status
from ocppkit.simulator.transactions import wire_time

from .support import Station, make_station


def block(station: Station) -> Availability:
    return Availability(station.ctx, Reservations(station.ctx))


def change(status: str, evse_id: int | None = None, connector: int | None = None):
    evse = None if evse_id is None else EVSEType(id=evse_id, connector_id=connector)
    return ChangeAvailabilityRequest(operational_status=status, evse=evse)


async def test_g04_the_whole_station_inoperative_then_operative() -> None:
    station = make_station(evses=2)
    availability = block(station)
    answer = await availability.on_change_availability(change("Inoperative"))
    assert answer.status == "Accepted"
    await station.settle()
    assert [e.status for e in station.ctx.evses.values()] == [Status.Unavailable] * 2
    assert [p["connectorStatus"] for p in station.link.sent("StatusNotification")] == [
        "Unavailable",
        "Unavailable",
    ]
    await availability.on_change_availability(change("Operative", 2))
    assert station.ctx.evses[2].status == Status.Available


async def test_g03_unknown_evse_or_connector_is_rejected() -> None:
    availability = block(make_station())
    for request in (change("Inoperative", 3), change("Inoperative", 1, connector=2)):
        answer = await availability.on_change_availability(request)
        assert answer.status == "Rejected" and answer.status_info.reason_code == "UnknownEVSE"


async def test_g03_inoperative_during_a_transaction_is_scheduled() -> None:
    station = make_station()
    evse = station.ctx.evses[1]
    evse.starting = True  # a transaction is under way
    answer = await block(station).on_change_availability(change("Inoperative", 1))
    assert answer.status == "Scheduled" and evse.inoperative


async def test_h01_an_inoperative_evse_loses_its_reservation() -> None:
    station = make_station()
    station.ctx.device_model.set_value(RESERVATION_ENABLED, "true")
    reservations = Reservations(station.ctx)
    expiry = wire_time(station.ctx.now_utc() + timedelta(seconds=600))
    token = IdTokenType(id_token="AA11", type="ISO14443")
    await reservations.reserve(ReserveNowRequest(id=3, expiry_date_time=expiry, id_token=token))
    await Availability(station.ctx, reservations).on_change_availability(change("Inoperative"))
    update = station.link.sent("ReservationStatusUpdate")
    assert update == [{"reservationId": 3, "reservationUpdateStatus": "Removed"}]


async def test_g03_g04_the_operational_status_survives_a_restart(tmp_path: Path) -> None:
    station = make_station(evses=2, state_dir=tmp_path)
    await block(station).on_change_availability(change("Inoperative", 2))
    saved = tmp_path / "CP-UNIT.availability.json"
    assert saved.exists()
    again = make_station(evses=2, state_dir=tmp_path)
    block(again).restore()
    assert [e.status for e in again.ctx.evses.values()] == [Status.Available, Status.Unavailable]
    saved.write_text("{not json", encoding="utf-8")
    block(make_station(evses=2, state_dir=tmp_path)).restore()  # unreadable: logged, ignored
