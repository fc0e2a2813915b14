"""`ocppkit charger` as a newcomer meets it (issue 14, points 1-3, 6, 7): a bad station id is
refused at once, a refused handshake says why in one line, --duration holds while offline, the
command tells what happens, and the stations say believable things about themselves. Each CLI
test runs the real command in a subprocess with a bounded timeout."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

from ocppkit.csms import OCPPServer
from ocppkit.protocol.identity import (
    identity_path_segment,
    identity_problem,
    is_valid_identity,
    station_url,
)
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.device.catalog import station_identity

ROOT = Path(__file__).resolve().parents[2]


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("OCPP_", "OCPPKIT_"))}


def cli(*args: str, timeout: float = 40) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocppkit", *args],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


async def cli_async(*args: str, timeout: float = 40) -> tuple[int, str, str]:  # noqa: ASYNC109
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ocppkit",
        *args,
        cwd=ROOT,
        env=env(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


@asynccontextmanager
async def csms() -> AsyncIterator[OCPPServer]:
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=60)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def refusing(status: int, reason: str) -> AsyncIterator[int]:
    """A websocket server that refuses every handshake with ``status`` and ``reason``."""

    def refuse(connection: ServerConnection, _request: Request) -> Response:
        return connection.respond(status, reason + "\n")

    async def never(_ws: ServerConnection) -> None:
        raise AssertionError("no handshake is accepted")

    async with serve(never, "127.0.0.1", 0, process_request=refuse) as server:
        yield server.sockets[0].getsockname()[1]


# --- 1. the station id ---


@pytest.mark.parametrize(
    "identity, ok",
    [
        ("CP-1", True),
        ("a*-_=:+|@.Z9", True),
        ("x" * 48, True),
        ("x" * 49, False),
        ("", False),
        ("bad id", False),
        ("x/y", False),
        ("pct%41", False),
        ("é", False),
    ],
)
def test_the_identity_rule(identity: str, ok: bool) -> None:
    assert is_valid_identity(identity) is ok
    assert (identity_problem(identity) is None) is ok


def test_the_identity_is_percent_encoded_in_the_url() -> None:
    assert identity_path_segment("x/y") == "x%2Fy"
    assert identity_path_segment("pct%41") == "pct%2541"
    assert station_url("ws://h:1/ocpp/", "CP:1@a") == "ws://h:1/ocpp/CP:1@a"
    assert ChargerSimulator("a b", "ws://h:1").url == "ws://h:1/a%20b"


@pytest.mark.parametrize(
    "args, shown",
    [
        (["--id", "bad id"], "'bad id' holds ' '"),
        (["--id", "x/y"], "'x/y' holds '/'"),
        (["--id", "x" * 49], "is 49 characters long"),
        (["--id", "x" * 46, "--count", "2"], "(--id is a prefix with --count)"),
    ],
)
def test_a_bad_station_id_is_refused_at_once_with_status_2(args: list[str], shown: str) -> None:
    began = time.monotonic()
    result = cli("charger", "--url", "ws://127.0.0.1:9", *args, timeout=30)
    assert result.returncode == 2, result.stderr
    assert shown in result.stderr and "letters, digits and *-_=:+|@." in result.stderr
    assert "Traceback" not in result.stderr and "InvalidMessage" not in result.stderr
    assert time.monotonic() - began < 25  # no retrying (the interpreter's start-up aside)


async def test_ids_with_url_characters_register_as_themselves() -> None:
    """A library user's odd id is percent-encoded, so the CSMS sees it, not another id."""
    async with csms() as server:
        url = f"ws://127.0.0.1:{server.port}"
        sim = ChargerSimulator("pct%41", url)
        async with asyncio.timeout(10):
            with pytest.raises(Exception, match="refused the connection"):
                await sim.connect(timeout=3)  # the CSMS refuses "pct%41" (not "pctA")
        assert server.list_chargers() == []


# --- 2. a refused handshake ---


@pytest.mark.parametrize(
    "status, reason, hint",
    [
        (401, "wrong password for station charger_001", "check the password (--password"),
        (404, "unknown station charger_001", "does not know this station id"),
        (400, "this CSMS requires the WebSocket subprotocol ocpp2.0.1", "subprotocol ocpp2.0.1"),
    ],
)
async def test_a_refused_handshake_says_why_in_one_line(
    status: int, reason: str, hint: str
) -> None:
    async with refusing(status, reason) as port:
        code, _out, err = await cli_async(
            "charger", "--url", f"ws://127.0.0.1:{port}", "--duration", "2", timeout=40
        )
    assert code == 1
    last = err.strip().splitlines()[-1]
    assert last.startswith("ocppkit: charger_001 did not get online in the 2 s run: ")
    assert f"refused the connection (HTTP {status}" in last and reason in last and hint in last
    assert "InvalidStatus" not in err and "Response(" not in err


# --- 3. --duration while not connected ---


def test_duration_holds_while_nothing_listens() -> None:
    began = time.monotonic()
    result = cli("charger", "--url", "ws://127.0.0.1:1", "--duration", "3", timeout=40)
    took = time.monotonic() - began
    assert result.returncode == 1
    assert "did not get online in the 3 s run: nothing listens on 127.0.0.1:1" in result.stderr
    assert took < 20, took  # 3 s and the interpreter's start-up, not the 30 s connect timeout


# --- 6. what the charger command tells ---


async def test_the_charger_tells_boot_transaction_status_and_shutdown() -> None:
    async with csms() as server:
        code, _out, err = await cli_async(
            "charger",
            "--url",
            f"ws://127.0.0.1:{server.port}",
            "--charge",
            "--sample-interval",
            "1",
            "--duration",
            "4",
            timeout=40,
        )
    assert code == 0, err
    lines = err.splitlines()

    def one(needle: str) -> str:
        found = [line for line in lines if needle in line]
        assert found, f"{needle!r} not in:\n{err}"
        return found[0]

    assert "(heartbeat every 60 s)" in one("[charger_001] booted: Accepted by ws://127.0.0.1:")
    one("[charger_001] EVSE 1: transaction ")
    assert "started" in one("[charger_001] EVSE 1: transaction ")
    status = one("[charger_001] EVSE 1: charging at ")
    assert " kW, " in status and " kWh so far, SoC " in status
    ended = one(" ended: ")
    assert ended.endswith(" kWh") and float(ended.rsplit(" ", 2)[-2]) > 0
    one("1 charger(s) shut down")


# --- 7. believable identities ---


async def test_stations_boot_with_identities_that_follow_their_type() -> None:
    async with csms() as server:
        code, _out, err = await cli_async(
            "charger",
            "--url",
            f"ws://127.0.0.1:{server.port}",
            "--id",
            "DC-7",
            "--station-type",
            "DC",
            "--duration",
            "2",
            timeout=40,
        )
        assert code == 0, err
        boot = server.get_charger_status("DC-7")
    assert boot is not None
    record = boot["boot"]
    assert record["vendor"] == "Northwind Charging Systems"
    assert record["model"] == "Northwind Rapid 150"
    assert record["serial_number"].startswith("NWR150-") and record["firmware_version"]


@pytest.mark.parametrize("kind", ["AC1", "AC3", "DC"])
def test_identities_fit_the_boot_notification(kind: str) -> None:
    made = station_identity(kind, "charger_001")
    assert len(made.model) <= 20 and len(made.vendor) <= 50
    assert len(made.serial_number) <= 25 and len(made.firmware_version) <= 50
    assert made.serial_number != station_identity(kind, "charger_002").serial_number
    assert "EVBox" not in made.vendor + made.model


async def test_the_charger_tells_when_the_link_drops_and_comes_back() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    first = OCPPServer("127.0.0.1", port, heartbeat_interval=60)
    await first.start()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ocppkit",
        "charger",
        "--url",
        f"ws://127.0.0.1:{port}",
        "--duration",
        "25",
        cwd=ROOT,
        env=env(),
        stderr=asyncio.subprocess.PIPE,
    )
    seen: list[str] = []

    async def until(needle: str) -> None:
        assert process.stderr is not None
        async with asyncio.timeout(20):
            while not any(needle in line for line in seen):
                line = (await process.stderr.readline()).decode()
                assert line, "".join(seen)
                seen.append(line)

    second = None
    try:
        await until("booted: Accepted")
        await first.stop()
        await until("offline: the link to ")
        second = OCPPServer("127.0.0.1", port, heartbeat_interval=60)
        await second.start()
        await until("back online at ")
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 20)
        if second is not None:
            await second.stop()
    assert any("reconnecting in" in line for line in seen), "".join(seen)
