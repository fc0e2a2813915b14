"""An OCPP 1.6 station's version and transactions survive a CSMS restart (SQLite)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import orjson
from websockets.asyncio.client import ClientConnection, connect

from ocppkit.csms import OCPPServer

WAIT = 5.0


async def _call(ws: ClientConnection, message_id: str, action: str, payload: Any) -> Any:
    await ws.send(orjson.dumps([2, message_id, action, payload]).decode())
    async with asyncio.timeout(WAIT):
        reply = orjson.loads(await ws.recv())
    assert reply[0] == 3, reply
    return reply[2]


async def test_a_16_station_and_its_transaction_are_restored(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'csms.db'}"
    server = OCPPServer("127.0.0.1", 0, database_url=url)
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        async with connect(
            f"ws://127.0.0.1:{server.port}/CP16-DB",
            subprotocols=["ocpp1.6"],  # type: ignore[list-item]
        ) as ws:
            boot = {"chargePointVendor": "V", "chargePointModel": "M"}
            await _call(ws, "1", "BootNotification", boot)
            start = {
                "connectorId": 2,
                "idTag": "TAG",
                "meterStart": 100,
                "timestamp": "2025-01-02T03:04:05Z",
            }
            started = await _call(ws, "2", "StartTransaction", start)
            tx_id = started["transactionId"]
            stop = {"meterStop": 2100, "timestamp": "2025-01-02T04:04:05Z", "transactionId": tx_id}
            await _call(ws, "3", "StopTransaction", stop)
    finally:
        async with asyncio.timeout(WAIT):
            await server.stop()

    again = OCPPServer("127.0.0.1", 0, database_url=url)
    async with asyncio.timeout(WAIT):
        await again.start()
    try:
        status = again.get_charger_status("CP16-DB")
        assert status is not None and status["ocpp_version"] == "ocpp1.6"
        tx = again.get_transaction(str(tx_id), "CP16-DB")
        assert tx is not None
        assert (tx["evse_id"], tx["meter_start_wh"], tx["meter_stop_wh"]) == (2, 100, 2100)
        assert tx["active"] is False and tx["stopped_reason"] == "Local"
    finally:
        async with asyncio.timeout(WAIT):
            await again.stop()
