"""Interop: an OCPP 1.6J charge point written with the mobilityhouse ``ocpp`` library (which
validates every frame against the official 1.6 schemas itself) against our CSMS on the port that
also takes 2.0.1 stations, over real sockets; plus the version negotiation of the handshake."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest
from integration.api_support import api_stack
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v201 import ChargePoint as ChargePoint201
from ocpp.v201 import call as call201
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus

from ocppkit.csms import OCPPServer

WAIT = 5.0
NOW = "2025-01-02T03:04:05Z"
LATER = "2025-01-02T03:34:05Z"


class Station16(ChargePoint):  # type: ignore[misc]
    """A 1.6 charge point that accepts Reset and answers GetConfiguration."""

    def __init__(self, station_id: str, connection: Any) -> None:
        super().__init__(station_id, connection, response_timeout=WAIT)
        self.resets: list[str] = []

    @on("Reset")
    async def on_reset(self, type: str, **kwargs: Any) -> call_result.Reset:
        self.resets.append(type)
        return call_result.Reset(status="Accepted")


async def open_link(port: int, station_id: str, offers: list[str]) -> ClientConnection:
    async with asyncio.timeout(WAIT):
        return await connect(
            f"ws://127.0.0.1:{port}/{station_id}",
            subprotocols=offers,  # type: ignore[arg-type]
        )


@pytest.fixture
async def stack() -> AsyncIterator[tuple[OCPPServer, Any]]:
    async with api_stack(authorized_tokens=["TAG-16", "04A1B2C3"], call_timeout=WAIT) as pair:
        yield pair


async def _run(station: Any) -> asyncio.Task[Any]:
    return asyncio.create_task(station.start())


async def _stop(task: asyncio.Task[Any], ws: ClientConnection) -> None:
    task.cancel()
    async with asyncio.timeout(WAIT):
        await asyncio.gather(task, return_exceptions=True)
        await ws.close()


async def test_ocpp16_charge_point_runs_a_transaction_beside_a_201_one(
    stack: tuple[OCPPServer, Any],
) -> None:
    server, client = stack
    ws = await open_link(server.port, "CP16-1", ["ocpp1.6"])
    assert ws.subprotocol == "ocpp1.6"
    station = Station16("CP16-1", ws)
    reader = await _run(station)
    try:
        async with asyncio.timeout(WAIT):
            boot = await station.call(
                call.BootNotification(charge_point_vendor="Mobility", charge_point_model="LibCP16")
            )
            beat = await station.call(call.Heartbeat())
            await station.call(
                call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing")
            )
            known = await station.call(call.Authorize(id_tag="TAG-16"))
            unknown = await station.call(call.Authorize(id_tag="NOBODY"))
            started = await station.call(
                call.StartTransaction(
                    connector_id=1, id_tag="TAG-16", meter_start=1000, timestamp=NOW
                )
            )
            tx_id = started.transaction_id
            await station.call(
                call.MeterValues(
                    connector_id=1,
                    transaction_id=tx_id,
                    meter_value=[
                        {
                            "timestamp": NOW,
                            "sampledValue": [
                                {"value": "4.5", "unit": "kWh"},  # default measurand: energy
                                {"value": "7400", "measurand": "Power.Active.Import"},
                            ],
                        }
                    ],
                )
            )
            mid = server.get_transaction(str(tx_id), "CP16-1")
            stopped = await station.call(
                call.StopTransaction(
                    meter_stop=9000,
                    timestamp=LATER,
                    transaction_id=tx_id,
                    reason="EVDisconnected",
                    id_tag="TAG-16",
                    transaction_data=[{"timestamp": LATER, "sampledValue": [{"value": "9000"}]}],
                )
            )
            transfer = await station.call(call.DataTransfer(vendor_id="com.example"))
            firmware = await station.call(call.FirmwareStatusNotification(status="Idle"))
    finally:
        await _stop(reader, ws)

    assert boot.status == "Accepted" and boot.interval == 30
    assert beat.current_time
    assert known.id_tag_info["status"] == "Accepted"
    assert unknown.id_tag_info["status"] == "Invalid"
    assert isinstance(tx_id, int) and started.id_tag_info["status"] == "Accepted"
    assert mid is not None and mid["meter_start_wh"] == 1000 and mid["meter_last_wh"] == 4500
    assert mid["power_w"] == 7400
    assert stopped.id_tag_info["status"] == "Accepted"
    assert transfer.status == "UnknownVendorId"
    assert firmware is not None

    # a 2.0.1 station on the same port, with its own transaction
    ws201 = await open_link(server.port, "CP201-1", ["ocpp2.0.1"])
    assert ws201.subprotocol == "ocpp2.0.1"
    station201 = ChargePoint201("CP201-1", ws201, response_timeout=WAIT)
    reader201 = await _run(station201)
    try:
        async with asyncio.timeout(WAIT):
            await station201.call(
                call201.BootNotification(
                    charging_station={"vendor_name": "V", "model": "M"}, reason="PowerUp"
                )
            )
            await station201.call(
                call201.TransactionEvent(
                    event_type="Started",
                    timestamp=NOW,
                    trigger_reason="Authorized",
                    seq_no=0,
                    transaction_info={"transaction_id": "tx-201"},
                    id_token={"id_token": "04A1B2C3", "type": "ISO14443"},
                    evse={"id": 1, "connector_id": 1},
                )
            )
    finally:
        await _stop(reader201, ws201)

    listed = (await client.get("/transactions")).json()
    by_id = {(t["charger_id"], t["transaction_id"]): t for t in listed}
    ended = by_id[("CP16-1", str(tx_id))]
    assert ended["active"] is False and ended["stopped_reason"] == "EVDisconnected"
    assert ended["meter_stop_wh"] == 9000 and ended["energy_kwh"] == 8.0
    assert ended["id_token"] == "TAG-16"
    assert ("CP201-1", "tx-201") in by_id
    detail = (await client.get("/chargers/CP16-1")).json()
    assert detail["ocpp_version"] == "ocpp1.6"
    assert detail["boot"]["vendor"] == "Mobility"
    assert detail["firmware_status"] == "Idle"
    assert (await client.get("/chargers/CP201-1")).json()["ocpp_version"] == "ocpp2.0.1"


async def test_ocpp16_transaction_ids_are_unique_across_stations(
    stack: tuple[OCPPServer, Any],
) -> None:
    server, _ = stack
    ids = []
    for n in (1, 2):
        ws = await open_link(server.port, f"CP16-U{n}", ["ocpp1.6"])
        station = Station16(f"CP16-U{n}", ws)
        reader = await _run(station)
        try:
            async with asyncio.timeout(WAIT):
                for _ in range(2):
                    started = await station.call(
                        call.StartTransaction(
                            connector_id=1, id_tag="TAG-16", meter_start=0, timestamp=NOW
                        )
                    )
                    ids.append(started.transaction_id)
                    await station.call(
                        call.StopTransaction(
                            meter_stop=10, timestamp=LATER, transaction_id=started.transaction_id
                        )
                    )
        finally:
            await _stop(reader, ws)
    assert len(set(ids)) == 4


async def test_commands_to_a_16_station_are_validated_against_16(
    stack: tuple[OCPPServer, Any],
) -> None:
    server, client = stack
    ws = await open_link(server.port, "CP16-CMD", ["ocpp1.6"])
    station = Station16("CP16-CMD", ws)
    reader = await _run(station)
    try:
        async with asyncio.timeout(WAIT):
            await station.call(
                call.BootNotification(charge_point_vendor="V", charge_point_model="M")
            )
            good = await client.post("/chargers/CP16-CMD/commands/Reset", json={"type": "Soft"})
            # 2.0.1's Reset is {"type": "Immediate"}: not a 1.6 ResetType
            bad = await client.post("/chargers/CP16-CMD/commands/Reset", json={"type": "Immediate"})
            # RequestStartTransaction is 2.0.1 only
            other = await client.post(
                "/chargers/CP16-CMD/commands/RequestStartTransaction",
                json={"idToken": {"idToken": "x", "type": "Central"}, "remoteStartId": 1},
            )
    finally:
        await _stop(reader, ws)
    assert good.status_code == 200, good.text
    assert good.json()["response"] == {"status": "Accepted"}
    assert station.resets == ["Soft"]
    assert bad.status_code == 422, bad.text
    assert other.status_code == 404, other.text


async def _raw_call(ws: ClientConnection, frame: str) -> list[Any]:
    await ws.send(frame)
    async with asyncio.timeout(WAIT):
        reply: list[Any] = orjson.loads(await ws.recv())
    return reply


async def test_bad_input_on_a_16_link_gets_16_error_names(stack: tuple[OCPPServer, Any]) -> None:
    server, _ = stack
    ws = await open_link(server.port, "CP16-BAD", ["ocpp1.6"])
    try:
        boot = await _raw_call(
            ws,
            '[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]',
        )
        assert boot[0] == 3 and boot[2]["status"] == "Accepted"
        # a payload that is not an object: FormationViolation (the 1.6J spelling)
        formation = await _raw_call(ws, '[2,"m1","Heartbeat","oops"]')
        # a required field missing
        occurrence = await _raw_call(ws, '[2,"m2","StartTransaction",{"connectorId":1}]')
        # a 2.0.1 action on a 1.6 link
        unknown = await _raw_call(ws, '[2,"m3","TransactionEvent",{}]')
        # a value of the wrong type
        typed = await _raw_call(
            ws,
            '[2,"m4","StatusNotification",{"connectorId":"one","errorCode":"NoError",'
            '"status":"Available"}]',
        )
    finally:
        await ws.close()
    assert formation[:3] == [4, "m1", "FormationViolation"]
    assert occurrence[:3] == [4, "m2", "OccurenceConstraintViolation"]
    assert unknown[:3] == [4, "m3", "NotImplemented"]
    assert typed[:3] == [4, "m4", "TypeConstraintViolation"]


async def test_station_order_of_preference_wins(stack: tuple[OCPPServer, Any]) -> None:
    server, client = stack
    prefers_16 = await open_link(server.port, "PREF-16", ["ocpp1.6", "ocpp2.0.1"])
    prefers_201 = await open_link(server.port, "PREF-201", ["ocpp2.0.1", "ocpp1.6"])
    try:
        assert prefers_16.subprotocol == "ocpp1.6"
        assert prefers_201.subprotocol == "ocpp2.0.1"
        hb = await _raw_call(prefers_16, '[2,"h1","Heartbeat",{}]')
        assert hb[0] == 3
    finally:
        await prefers_16.close()
        await prefers_201.close()
    stations = {s["charger_id"]: s for s in (await client.get("/chargers")).json()}
    assert stations["PREF-16"]["ocpp_version"] == "ocpp1.6"
    assert stations["PREF-201"]["ocpp_version"] == "ocpp2.0.1"


async def test_no_common_version_is_refused_at_the_handshake() -> None:
    server = OCPPServer("127.0.0.1", 0, ocpp_versions=["2.0.1"])
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        with pytest.raises(InvalidStatus) as refused:
            await open_link(server.port, "OLD-CP", ["ocpp1.6", "ocpp1.5"])
        response = refused.value.response
        assert response.status_code == 400
        assert b"ocpp2.0.1" in response.body and b"offered: ocpp1.6, ocpp1.5" in response.body
        ok = await open_link(server.port, "NEW-CP", ["ocpp1.6", "ocpp2.0.1"])
        assert ok.subprotocol == "ocpp2.0.1"
        await ok.close()
    finally:
        async with asyncio.timeout(WAIT):
            await server.stop()


def test_unknown_or_unrouted_versions_fail_at_construction() -> None:
    with pytest.raises(ValueError, match=r"unknown OCPP version '1\.5'"):
        OCPPServer("127.0.0.1", 0, ocpp_versions=["1.5"])
    with pytest.raises(ValueError, match="at least one"):
        OCPPServer("127.0.0.1", 0, ocpp_versions=[])
    assert OCPPServer(ocpp_versions=["ocpp1.6", "1.6"]).ocpp_versions == ("ocpp1.6",)
    with pytest.raises(ValueError, match=r"OCPP 2\.1 stations are not routed"):
        OCPPServer("127.0.0.1", 0, ocpp_versions=["2.1"])
