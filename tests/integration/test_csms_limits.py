"""Limits that hold under hostile input: an oversized frame closes only its own link (1009), a
flood is read no faster than the message rate, CALLs beyond the pending bound get a CALLERROR,
connections beyond the maximum get 503, a silent socket is dropped after the handshake timeout,
and each hit is counted for /metrics."""

from __future__ import annotations

import asyncio

import orjson
import pytest
from security_support import WAIT, csms
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from ocppkit.csms import OCPPServer
from ocppkit.security.limits import Limits

BOOT = {"chargingStation": {"model": "M", "vendorName": "V"}, "reason": "PowerUp"}


async def station(server: OCPPServer, station_id: str) -> ClientConnection:
    return await connect(
        f"ws://127.0.0.1:{server.port}/{station_id}",
        subprotocols=["ocpp2.0.1"],  # type: ignore[list-item]
        max_size=None,
    )


async def call(ws: ClientConnection, message_id: str, action: str, payload: object) -> list:  # type: ignore[type-arg]
    await ws.send(orjson.dumps([2, message_id, action, payload]).decode())
    async with asyncio.timeout(WAIT):
        return orjson.loads(await ws.recv())  # type: ignore[no-any-return]


async def test_an_oversized_frame_closes_only_that_link_with_1009() -> None:
    async with csms(limits=Limits(max_frame_bytes=4096, auth_failure_max_delay=0)) as server:
        good, bad = await station(server, "CP-GOOD"), await station(server, "CP-BAD")
        await bad.send('[2,"1","DataTransfer",{"vendorId":"' + "x" * 5000 + '"}]')
        with pytest.raises(ConnectionClosed) as info:
            async with asyncio.timeout(WAIT):
                await bad.recv()
        assert info.value.rcvd is not None and info.value.rcvd.code == 1009
        assert (await call(good, "1", "BootNotification", BOOT))[0] == 3
        async with asyncio.timeout(WAIT):
            while server.security_counters.limits_hit.get("max_frame_bytes") != 1:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        await good.close()


async def test_a_flood_is_read_at_the_message_rate() -> None:
    limits = Limits(message_rate=20.0, message_burst=5, auth_failure_max_delay=0)
    async with csms(limits=limits) as server:
        ws = await station(server, "CP-FLOOD")
        await call(ws, "b", "BootNotification", BOOT)
        loop = asyncio.get_running_loop()
        started = loop.time()
        for n in range(25):
            await ws.send(orjson.dumps([2, f"h{n}", "Heartbeat", {}]).decode())
        async with asyncio.timeout(WAIT):
            for _ in range(25):
                await ws.recv()
        # 4 tokens left after the boot, then 20 a second: about one second for 25
        assert loop.time() - started > 0.8
        assert server.security_counters.limits_hit["message_rate"] >= 15
        await ws.close()


async def test_calls_beyond_the_pending_bound_get_a_callerror() -> None:
    limits = Limits(max_pending_calls=2, message_rate=None, auth_failure_max_delay=0)
    async with csms(limits=limits) as server:
        release = asyncio.Event()

        async def slow(*_: object) -> str:
            await release.wait()
            return "Accepted"

        server.register_data_transfer("slow", slow)
        ws = await station(server, "CP-PEND")
        await call(ws, "b", "BootNotification", BOOT)
        for n in range(3):
            frame = [2, f"d{n}", "DataTransfer", {"vendorId": "slow"}]
            await ws.send(orjson.dumps(frame).decode())
        async with asyncio.timeout(WAIT):
            refused = orjson.loads(await ws.recv())
        assert refused[:3] == [4, "d2", "RpcFrameworkError"]
        release.set()
        async with asyncio.timeout(WAIT):
            answered = {orjson.loads(await ws.recv())[1] for _ in range(2)}
        assert answered == {"d0", "d1"}
        assert server.security_counters.limits_hit["max_pending_calls"] == 1
        await ws.close()


async def test_connections_beyond_the_maximum_get_503() -> None:
    async with csms(limits=Limits(max_connections=2, auth_failure_max_delay=0)) as server:
        first, second = await station(server, "CP-1"), await station(server, "CP-2")
        with pytest.raises(InvalidStatus) as info:
            await station(server, "CP-3")
        assert info.value.response.status_code == 503
        await first.close()
        async with asyncio.timeout(WAIT):
            while server._gate.open_links > 1:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        third = await station(server, "CP-3")  # room again
        await third.close()
        await second.close()
        assert server.security_counters.limits_hit["max_connections"] == 1


async def test_a_silent_socket_is_dropped_after_the_handshake_timeout() -> None:
    async with csms(limits=Limits(handshake_timeout=0.3, auth_failure_max_delay=0)) as server:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        async with asyncio.timeout(WAIT):
            assert await reader.read() == b""  # closed by the CSMS, no request ever sent
        writer.close()
