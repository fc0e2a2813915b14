"""Shared pieces of the CSMS integration tests: a CSMS on 127.0.0.1 with an ephemeral port, and a
raw station speaking OCPP-J with plain ``websockets`` (no ocppkit code on the station side).

Imported by the other ``test_csms_*`` modules; it holds no tests itself.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from wire import FrameRecorder

from ocppkit.csms import OCPPServer

WAIT = 5.0  # seconds any single wait in these tests may take
T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class RawStation:
    """A station built from a bare websocket: sends frames, reads frames, nothing more."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self._ids = itertools.count(1)

    @classmethod
    async def connect(
        cls, port: int, station_id: str = "CP001", subprotocols: tuple[str, ...] = ("ocpp2.0.1",)
    ) -> RawStation:
        async with asyncio.timeout(WAIT):
            ws = await connect(
                f"ws://127.0.0.1:{port}/{station_id}",
                subprotocols=list(subprotocols),  # type: ignore[arg-type]
                compression=None,
            )
        return cls(ws)

    async def send_raw(self, text: str) -> list[Any]:
        """Send any text and return the next frame the CSMS sends."""
        await self.ws.send(text)
        return await self.recv()

    async def recv(self) -> list[Any]:
        async with asyncio.timeout(WAIT):
            return json.loads(await self.ws.recv())

    async def call(self, action: str, payload: dict[str, Any]) -> list[Any]:
        """Send a CALL and return the CSMS's reply frame (CALLRESULT or CALLERROR)."""
        message_id = f"m{next(self._ids)}"
        reply = await self.send_raw(json.dumps([2, message_id, action, payload]))
        assert reply[1] == message_id, reply
        return reply

    async def result(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a CALL that must be answered with a CALLRESULT; return its payload."""
        reply = await self.call(action, payload)
        assert reply[0] == 3, f"{action} got {reply!r}"
        return reply[2]

    async def answer_next_call(self, payload: dict[str, Any]) -> list[Any]:
        """Wait for the CSMS's next CALL, answer it with ``payload``, return the CALL."""
        call = await self.recv()
        assert call[0] == 2, call
        await self.ws.send(json.dumps([3, call[1], payload]))
        return call

    async def close(self) -> None:
        async with asyncio.timeout(WAIT):
            await self.ws.close()


def boot_payload(reason: str = "PowerUp") -> dict[str, Any]:
    return {
        "chargingStation": {
            "vendorName": "Acme",
            "model": "Fast-1",
            "serialNumber": "SN-42",
            "firmwareVersion": "1.2.3",
        },
        "reason": reason,
    }


def energy(value: float, unit: str = "Wh", context: str = "Sample.Periodic") -> dict[str, Any]:
    return {
        "value": value,
        "measurand": "Energy.Active.Import.Register",
        "context": context,
        "unitOfMeasure": {"unit": unit},
    }


def power(value: float, unit: str = "W") -> dict[str, Any]:
    return {"value": value, "measurand": "Power.Active.Import", "unitOfMeasure": {"unit": unit}}


def transaction_event(
    event_type: str,
    seq_no: int,
    tx_id: str = "TX-1",
    samples: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "eventType": event_type,
        "timestamp": "2025-01-02T03:04:05Z",
        "triggerReason": {"Started": "Authorized", "Updated": "MeterValuePeriodic"}.get(
            event_type, "StopAuthorized"
        ),
        "seqNo": seq_no,
        "transactionInfo": {"transactionId": tx_id},
        **extra,
    }
    if samples:
        payload["meterValue"] = [{"timestamp": "2025-01-02T03:04:05Z", "sampledValue": samples}]
    return payload


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def recorder() -> FrameRecorder:
    return FrameRecorder()


@pytest.fixture
async def csms(clock: FixedClock, recorder: FrameRecorder) -> AsyncIterator[OCPPServer]:
    """A started CSMS whose frames (all stations) go to ``recorder``."""
    server = OCPPServer(
        "127.0.0.1",
        0,
        heartbeat_interval=60,
        authorized_tokens=["TOKEN-OK", "DEADBEEF"],
        call_timeout=2.0,
        clock=clock,
    )
    server.add_frame_observer(lambda _station, direction, text: recorder(direction, text))
    async with asyncio.timeout(WAIT):
        await server.start()
    yield server
    async with asyncio.timeout(WAIT):
        await server.stop()


@pytest.fixture
async def station(csms: OCPPServer) -> AsyncIterator[RawStation]:
    """A connected raw station ``CP001``."""
    raw = await RawStation.connect(csms.port)
    yield raw
    await raw.close()
