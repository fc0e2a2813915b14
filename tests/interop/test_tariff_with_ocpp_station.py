"""Interop, block I: a station on the mobilityhouse ``ocpp`` library (which validates every frame
against the official schemas itself) gets its transaction, started through our REST API, priced
by our CSMS: CostUpdated while it runs (I02) and totalCost in the response to its Ended event
(I01, E), which ``GET /transactions/{id}`` shows too."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result
from websockets.asyncio.client import connect
from wire import FrameRecorder

from ocppkit.api import ApiServer, create_app
from ocppkit.csms import OCPPServer

WAIT = 5.0
NOW = "2025-01-02T03:04:05Z"
LATER = "2025-01-02T03:34:05Z"  # 30 minutes on
TARIFF = {
    "currency": "EUR",
    "energy_price_kwh": "0.40",
    "time_price_hour": "2.00",
    "session_fee": "1.00",
    "text": "0.40 EUR/kWh, 2 EUR/h, 1 EUR per session",
}


class CostStation(ChargePoint):  # type: ignore[misc]
    """Accepts remote starts and stops and keeps the costs it is sent."""

    def __init__(self, station_id: str, connection: Any) -> None:
        super().__init__(station_id, connection, response_timeout=WAIT)
        self.remote_start_ids: list[int] = []
        self.stops: list[str] = []
        self.costs: list[tuple[str, float]] = []
        self.started = asyncio.Event()
        self.stopped = asyncio.Event()
        self.cost_updated = asyncio.Event()

    @on("RequestStartTransaction")
    async def on_start(self, remote_start_id: int, **_: Any) -> call_result.RequestStartTransaction:
        self.remote_start_ids.append(remote_start_id)
        self.started.set()
        return call_result.RequestStartTransaction(status="Accepted")

    @on("RequestStopTransaction")
    async def on_stop(self, transaction_id: str, **_: Any) -> call_result.RequestStopTransaction:
        self.stops.append(transaction_id)
        self.stopped.set()
        return call_result.RequestStopTransaction(status="Accepted")

    @on("CostUpdated")
    async def on_cost_updated(
        self, total_cost: float, transaction_id: str, **_: Any
    ) -> call_result.CostUpdated:
        self.costs.append((transaction_id, total_cost))
        self.cost_updated.set()
        return call_result.CostUpdated()


def _energy(kwh: float, context: str, at: str = NOW) -> list[dict[str, Any]]:
    value = {
        "value": kwh,
        "measurand": "Energy.Active.Import.Register",
        "context": context,
        "unit_of_measure": {"unit": "kWh"},
    }
    return [{"timestamp": at, "sampled_value": [value]}]


@pytest.fixture
async def stack() -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient, FrameRecorder]]:
    server = OCPPServer("127.0.0.1", 0, call_timeout=WAIT, cost_update_interval=0.1)
    recorder = FrameRecorder()
    server.add_frame_observer(lambda _station, direction, text: recorder(direction, text))
    app = create_app(server)
    await server.start()
    api = ApiServer(app, "127.0.0.1", 0)
    await api.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api.port}", timeout=10) as client:
            yield server, client, recorder
    finally:
        await api.stop()
        await server.stop()


async def test_ocpp_library_station_is_told_its_running_and_final_cost(stack) -> None:
    server, client, recorder = stack
    assert (await client.put("/tariffs/standard", json=TARIFF)).status_code == 201
    async with asyncio.timeout(WAIT):
        ws = await connect(f"ws://127.0.0.1:{server.port}/LIB-COST", subprotocols=["ocpp2.0.1"])  # type: ignore[list-item]
    station = CostStation("LIB-COST", ws)
    reader = asyncio.create_task(station.start())
    try:
        async with asyncio.timeout(WAIT * 2):
            await station.call(
                call.BootNotification(
                    charging_station={"vendor_name": "Mobility", "model": "LibCP"},
                    reason="PowerUp",
                )
            )
            authorized = await station.call(
                call.Authorize(id_token={"id_token": "DRIVER1", "type": "Central"})
            )
            start = await client.post(
                "/chargers/LIB-COST/start", json={"evse_id": 1, "id_token": "DRIVER1"}
            )
            assert start.status_code == 200 and start.json()["status"] == "Accepted"
            await station.started.wait()
            started = await station.call(
                call.TransactionEvent(
                    event_type="Started",
                    timestamp=NOW,
                    trigger_reason="RemoteStart",
                    seq_no=0,
                    transaction_info={
                        "transaction_id": "LIB-TX-C",
                        "remote_start_id": station.remote_start_ids[0],
                        "charging_state": "Charging",
                    },
                    id_token={"id_token": "DRIVER1", "type": "Central"},
                    evse={"id": 1, "connector_id": 1},
                    meter_value=_energy(10.0, "Transaction.Begin"),
                )
            )
            await station.cost_updated.wait()  # I02: the running cost
            stop = await client.post("/chargers/LIB-COST/stop", json={})
            assert stop.status_code == 200
            await station.stopped.wait()
            ended = await station.call(
                call.TransactionEvent(
                    event_type="Ended",
                    timestamp=LATER,
                    trigger_reason="RemoteStop",
                    seq_no=1,
                    transaction_info={
                        "transaction_id": "LIB-TX-C",
                        "stopped_reason": "Remote",
                        "charging_state": "EVConnected",
                    },
                    meter_value=_energy(22.5, "Transaction.End", LATER),
                )
            )
            view = (await client.get("/transactions/LIB-TX-C")).json()
    finally:
        reader.cancel()
        await asyncio.gather(reader, return_exceptions=True)
        await ws.close()
    assert authorized.id_token_info["personal_message"]["content"] == TARIFF["text"]  # I01
    assert started.updated_personal_message == {"format": "UTF8", "content": TARIFF["text"]}
    assert station.costs and station.costs[0][0] == "LIB-TX-C"
    # the session fee and a few seconds at 2 EUR/h: the station's clock (a year behind the
    # CSMS's) runs from its Started event
    assert 1.0 <= station.costs[0][1] <= 1.05
    # 1.00 + 12.5 kWh * 0.40 + 0.5 h * 2.00 = 7.00 (the station's times: start to Ended)
    assert ended.total_cost == 7.0
    assert view["cost"] == {"total": 7.0, "currency": "EUR", "tariff_id": "standard", "final": True}
    recorder.assert_all_valid()
