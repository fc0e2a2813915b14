"""The READMEs as a newcomer follows them (issue 14, point 10): the Python examples run as
shown, the REST start example works against `all --charge`, and what they promise about running
things (the venv's Python, every command, where each server listens) is said in both."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
READMES = ["README.md", "README.ko.md"]


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def blocks(name: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text(name), flags=re.S)


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("OCPP_", "OCPPKIT_"))}


@pytest.mark.parametrize("name", READMES)
def test_every_python_example_compiles_as_a_script(name: str) -> None:
    found = blocks(name, "python")
    assert len(found) >= 3
    for code in found:
        compile(code, name, "exec")  # a top-level await is a SyntaxError here


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("name", READMES)
@pytest.mark.parametrize("index", [0, 1])
def test_the_csms_examples_run_as_shown(name: str, index: int, tmp_path: Path) -> None:
    runnable = [code for code in blocks(name, "python") if "asyncio.run(main())" in code]
    assert len(runnable) == 2
    port = str(_free_port())  # the example's 9000 may be taken on this machine
    script = tmp_path / "example.py"
    script.write_text(runnable[index].replace("9000", port), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def _start_example() -> tuple[list[str], str, dict[str, object]]:
    shell = blocks("README.md", "sh")
    example = next(code for code in shell if "/start" in code and "ocppkit all" in code)
    lines = example.splitlines()
    command = shlex.split(next(line for line in lines if "ocppkit all" in line))
    curl = shlex.split(next(line for line in lines if "/start" in line))
    url = next(word for word in curl if word.startswith("http://"))
    body = curl[curl.index("-d") + 1]
    return command[1:], url.split("8080", 1)[1], json.loads(body)


async def test_the_rest_start_example_works_against_all_charge(tmp_path: Path) -> None:
    args, path, body = _start_example()
    assert args[:2] == ["all", "--count"] and "--charge" in args
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ocppkit",
        *args,
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--api-port",
        "0",
        "--duration",
        "30",
        cwd=tmp_path,
        env=env(),
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stderr is not None
        api_port = None
        async with asyncio.timeout(30):
            while True:
                line = (await process.stderr.readline()).decode()
                assert line, "the server ended early"
                if "REST API on http://127.0.0.1:" in line:
                    api_port = int(line.split("REST API on http://127.0.0.1:")[1].split()[0])
                if "charger(s) connected" in line:
                    break
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api_port}", timeout=15) as c:
            answer = await c.post(path, json=body)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 20)
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "Accepted"


@pytest.mark.parametrize("name", READMES)
def test_running_it_uses_the_venv_and_lists_every_command(name: str) -> None:
    readme = text(name)
    rows = [line for line in readme.splitlines() if line.startswith("| `") and ".py" in line]
    assert rows and all(row.startswith("| `.venv/bin/python ") for row in rows)
    for command in ("server", "charger", "all", "fleet"):
        assert f"`.venv/bin/python run_all.py {command}" in readme, command
    assert ". .venv/bin/activate" in readme
    for where in (
        "ws://0.0.0.0:9000/",
        "http://127.0.0.1:8080",
        "--api-host",
        "--control-port",
    ):
        assert where in readme, where


def test_the_readmes_say_the_30_s_exclude_the_set_up_and_keep_the_durability_note() -> None:
    assert "not part of the demo's 30 s" in text("README.md")
    assert "데모의 30초에 들어가지 않습니다" in text("README.ko.md")
    for name in READMES:
        assert "synchronous=FULL" in text(name) and "PostgreSQL" in text(name)
