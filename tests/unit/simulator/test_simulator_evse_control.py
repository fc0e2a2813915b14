"""``EvseControl``: the EV, the driver and the hardware at an EVSE (C01, E01-E06, E03's
EVConnectionTimeOut on the station's clock, G01, H01)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from unit.simulator.blocks.support import TOKEN, Core, make_core

from ocppkit.protocol.models import IdTokenType, ReserveNowRequest
from ocppkit.simulator.blocks.authorization import Authorization
from ocppkit.simulator.blocks.local_auth_list import LocalAuthList
from ocppkit.simulator.device.model import (
    EV_CONNECTION_TIMEOUT,
    RESERVATION_ENABLED,
    TX_START_POINT,
    TX_STOP_POINT,
)
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.evse import Status
from ocppkit.simulator.evse_control import EvseControl
from ocppkit.simulator.transactions import wire_time

OTHER = IdTokenType(id_token="ZZ99", type="ISO14443")


def control(core: Core) -> EvseControl:
    ctx = core.station.ctx
    return EvseControl(ctx, core.engine, Authorization(ctx, LocalAuthList(ctx)), core.reservations)


def events(core: Core) -> list[dict[str, object]]:
    return core.station.link.sent("TransactionEvent")


async def test_e01_e06_token_then_plug_in_starts_and_unplugging_ends_it() -> None:
    core = make_core()
    at = control(core)
    assert await at.present_token(TOKEN, 1)  # C01: Authorize, Accepted
    assert core.station.ctx.evses[1].status == Status.Occupied and not events(core)
    await at.plug_in(1)
    (started,) = events(core)
    assert started["triggerReason"] == "CablePluggedIn" and started["idToken"]["idToken"] == "AA11"  # type: ignore[index]
    with pytest.raises(SimulatorError):
        await at.plug_in(1)
    await at.unplug(1)
    ended = events(core)[-1]
    assert ended["triggerReason"] == "EVCommunicationLost"
    assert ended["transactionInfo"]["stoppedReason"] == "EVDisconnected"  # type: ignore[index]
    assert core.station.ctx.evses[1].status == Status.Available


async def test_e03_an_authorization_lapses_after_ev_connection_timeout() -> None:
    core = make_core()
    core.station.ctx.device_model.set_value(EV_CONNECTION_TIMEOUT, "90")
    at = control(core)
    await at.present_token(TOKEN, 1)
    await core.station.clock.advance(89)
    assert core.station.ctx.evses[1].authorization is not None
    await core.station.clock.advance(2)
    assert core.station.ctx.evses[1].authorization is None
    assert core.station.ctx.evses[1].status == Status.Available
    statuses = [p["connectorStatus"] for p in core.station.link.sent("StatusNotification")]
    assert statuses == ["Occupied", "Available"]


async def test_e02_ev_connected_start_point_then_the_driver_is_identified() -> None:
    core = make_core()
    core.station.ctx.device_model.set_value(TX_START_POINT, "EVConnected")
    core.station.ctx.device_model.set_value(TX_STOP_POINT, "EVConnected")
    at = control(core)
    await at.plug_in(1)
    (started,) = events(core)
    assert "idToken" not in started
    assert await at.present_token(TOKEN, 1)
    identified = events(core)[-1]
    assert (
        identified["triggerReason"] == "Authorized" and identified["idToken"]["idToken"] == "AA11"
    )  # type: ignore[index]
    assert not await at.present_token(OTHER, 1)  # C01: only the driver stops it


async def test_h01_a_fault_removes_the_reservation_and_suspends_the_transaction() -> None:
    core = make_core()
    ctx = core.station.ctx
    ctx.device_model.set_value(RESERVATION_ENABLED, "true")
    at = control(core)
    expiry = wire_time(ctx.now_utc() + timedelta(seconds=600))
    await core.reservations.reserve(
        ReserveNowRequest(id=1, expiry_date_time=expiry, id_token=TOKEN)
    )
    assert not await at.present_token(OTHER, 1)  # H01: reserved for another token
    await at.set_fault(1, True)
    assert ctx.evses[1].status == Status.Faulted and ctx.evses[1].reservation is None
    update = core.station.link.sent("ReservationStatusUpdate")
    assert update == [{"reservationId": 1, "reservationUpdateStatus": "Removed"}]
    await at.set_fault(1, False)
    assert ctx.evses[1].status == Status.Available
    with pytest.raises(SimulatorError):
        await at.unplug(1)
