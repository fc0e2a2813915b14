"""The floor: a bare `websockets` server that parses each CALL with orjson and answers it with a
minimal reply valid against the official OCPP 2.0.1 response schema (no state, no validation).

    python bench/servers/floor.py --port 9000 [--host 127.0.0.1]

Transport settings as ocppkit's CSMS: subprotocol ocpp2.0.1, no compression, no pings.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt

import orjson
from websockets.asyncio.server import ServerConnection, serve


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


ACCEPTED = {"idTokenInfo": {"status": "Accepted"}}
REPLIES = {
    "BootNotification": lambda: {"currentTime": _now(), "interval": 300, "status": "Accepted"},
    "Heartbeat": lambda: {"currentTime": _now()},
    "StatusNotification": dict,
    "Authorize": lambda: ACCEPTED,
    "TransactionEvent": dict,
    "MeterValues": dict,
}


async def handler(ws: ServerConnection) -> None:
    async for text in ws:
        message = orjson.loads(text)
        if message[0] != 2:
            continue  # a station's reply: this server sends no CALL
        reply = REPLIES.get(message[2])
        if reply is None:
            frame = [4, message[1], "NotImplemented", f"no {message[2]}", {}]
        else:
            frame = [3, message[1], reply()]
        await ws.send(orjson.dumps(frame), text=True)


async def main(host: str, port: int) -> None:
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
