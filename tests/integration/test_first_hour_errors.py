"""Errors as a newcomer meets them (issue 14, point 9): one plain sentence naming the key, the
value and what is allowed; REST bodies that are not JSON; a port in use or a bad --host named,
with nothing opened before the ports are bound; the protocol log's 404 names the flags."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from api_support import connected_station

from ocppkit import run

ROOT = Path(__file__).resolve().parents[2]


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("OCPP_", "OCPPKIT_"))}


def server(*args: str, cwd: Path = ROOT, timeout: float = 40) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocppkit", "server", *args],
        cwd=cwd,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_bad_union_value_in_the_config_file_is_one_plain_sentence(tmp_path: Path) -> None:
    config = tmp_path / "csms.toml"
    config.write_text('offline_grace = "never"\nport = "x"\n', encoding="utf-8")
    result = server("--config", str(config), timeout=30)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f'ocppkit: {config}: port: "x" is not allowed; expected a whole number from 0 to 65535; '
        'offline_grace: "never" is not allowed; expected a number above 0 or "off"'
    )


async def test_rest_bodies_that_are_not_json_say_so(tmp_path: Path) -> None:
    options = run.ServerOptions(
        "127.0.0.1", 0, "127.0.0.1", 0, database_url=f"sqlite+aiosqlite:///{tmp_path}/c.db"
    )
    async with run.csms_with_api(options) as (csms, api):
        station = await connected_station(csms, "CP1")  # a known station: the body is judged
        base = f"http://127.0.0.1:{api.port}"
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            url = "/chargers/CP1/start"
            plain = await client.post(url, content=b'{"id_token": "A"}')  # no Content-Type
            broken = await client.post(
                url, content=b"id_token=A", headers={"content-type": "application/json"}
            )
            array = await client.post(url, json=["A"])
            field = await client.post(url, json={"id_token": 5})
            log = await client.get("/logs/protocol")
        await station.disconnect()
    assert plain.status_code == 422
    assert plain.json()["detail"] == "body must be JSON (Content-Type: application/json)"
    assert broken.status_code == 422 and broken.json()["detail"].startswith(
        "body is not valid JSON ("
    )
    assert [e["field"] for e in broken.json()["errors"]] == ["body"]  # not field "0"
    assert array.json()["detail"] == "body must be a JSON object, not an array"
    assert field.json()["errors"][0]["field"] == "id_token"  # field errors still name the field
    assert log.status_code == 404 and "--protocol-debug --log-file <file>" in log.json()["detail"]


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("busy", ["--port", "--api-port"])
def test_a_port_in_use_is_named_and_nothing_is_opened_first(busy: str, tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        other = "--api-port" if busy == "--port" else "--port"
        result = server(
            "--host", "127.0.0.1", busy, str(port), other, "0", "--duration", "5", cwd=tmp_path
        )
    assert result.returncode == 1
    what = "CSMS" if busy == "--port" else "REST API"
    assert result.stderr.strip().splitlines()[-1] == (
        f"ocppkit: the {what} port {port} on 127.0.0.1 is in use (another ocppkit server?): "
        f"stop that one or choose another port with {busy} ({busy} 0: any free port)"
    )
    assert "database" not in result.stderr and "restored" not in result.stderr
    assert not (tmp_path / "ocppkit.db").exists()  # the default database was not even made


async def test_a_second_server_does_not_open_the_first_ones_database(tmp_path: Path) -> None:
    port, api_port = _free_port(), _free_port()
    args = ["--host", "127.0.0.1", "--port", str(port), "--api-port", str(api_port)]
    first = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ocppkit",
        "server",
        *args,
        "--duration",
        "30",
        cwd=tmp_path,
        env=env(),
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert first.stderr is not None
        async with asyncio.timeout(30):
            while b"REST API on" not in await first.stderr.readline():
                pass
        second = await asyncio.to_thread(server, *args, "--duration", "5", cwd=tmp_path)
    finally:
        first.terminate()
        await asyncio.wait_for(first.wait(), 20)
    assert second.returncode == 1
    assert f"the REST API port {api_port} on 127.0.0.1 is in use" in second.stderr  # bound first
    assert "ocppkit.storage" not in second.stderr and "restored" not in second.stderr


def test_a_bad_host_is_named() -> None:
    result = server("--host", "no-such-host.invalid", "--port", "0", "--api-port", "0", timeout=30)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ocppkit: --host 'no-such-host.invalid' is not an address or host")
    assert "0.0.0.0 (every interface), 127.0.0.1 (this machine only)" in last
