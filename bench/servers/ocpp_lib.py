"""A minimal CSMS on the `ocpp` library (2.1.0): a v201 ChargePoint per connection with @on
handlers for the actions the load generator's mixes send, answering valid replies. The library
validates each CALL and each reply against the official schemas (its default).

    python bench/servers/ocpp_lib.py --port 9000 [--host 127.0.0.1]

Transport settings as ocppkit's CSMS: subprotocol ocpp2.0.1, no compression, no pings.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging

from ocpp.routing import on
from ocpp.v201 import ChargePoint, call_result
from ocpp.v201.enums import Action
from websockets.asyncio.server import ServerConnection, serve


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Station(ChargePoint):
    @on(Action.boot_notification)
    async def on_boot(self, **_: object) -> call_result.BootNotification:
        return call_result.BootNotification(current_time=_now(), interval=300, status="Accepted")

    @on(Action.heartbeat)
    async def on_heartbeat(self, **_: object) -> call_result.Heartbeat:
        return call_result.Heartbeat(current_time=_now())

    @on(Action.status_notification)
    async def on_status(self, **_: object) -> call_result.StatusNotification:
        return call_result.StatusNotification()

    @on(Action.authorize)
    async def on_authorize(self, **_: object) -> call_result.Authorize:
        return call_result.Authorize(id_token_info={"status": "Accepted"})

    @on(Action.transaction_event)
    async def on_transaction_event(self, **_: object) -> call_result.TransactionEvent:
        return call_result.TransactionEvent()


async def handler(ws: ServerConnection) -> None:
    station_id = ws.request.path.strip("/") if ws.request else "unknown"
    try:
        await Station(station_id, ws).start()
    except Exception:  # the station went away
        return


async def main(host: str, port: int) -> None:
    logging.getLogger("ocpp").setLevel(logging.WARNING)  # it logs every frame at INFO
    async with serve(
        handler, host, port, subprotocols=["ocpp2.0.1"], compression=None, ping_interval=None
    ) as server:
        await server.serve_forever()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    a = p.parse_args()
    asyncio.run(main(a.host, a.port))
