"""The entry points as a user runs them: demo.py, demo_protocol_debug.py, run_all.py, ocppkit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], timeout: float = 60, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OCPP_")}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_demo_runs_the_six_steps_and_exits_0() -> None:
    result = run([str(ROOT / "demo.py"), "--port", "0", "--api-port", "0"], timeout=45)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in range(1, 7):
        assert f"[{step}/6]" in result.stdout
    for charger in ("charger_001", "charger_002", "charger_003"):
        assert charger in result.stdout
    assert "kWh delivered" in result.stdout
    assert "station answered: Accepted" in result.stdout


def test_demo_protocol_debug_writes_the_tagged_log(tmp_path: Path) -> None:
    result = run(
        [str(ROOT / "demo_protocol_debug.py"), "--port", "0", "--api-port", "0"],
        timeout=45,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    log = (tmp_path / "ocpp_protocol_debug.log").read_text(encoding="utf-8")
    for tag in (
        "[OCPP-CALL-SEND] Action: BootNotification",
        "[OCPP-PAYLOAD-SEND]",
        "[OCPP-CALLRESULT-SEND]",
        "[OCPP-CALL-RECV] Action: RequestStartTransaction",
        "[OCPP-RAW-RECV] [charger_001]",
        "[SERVER-SEND] [charger_001]",
        "[CHARGER-SEND] [charger_001]",
        "[SERVER-RECV]",
        "[CHARGER-RECV]",
    ):
        assert tag in log, tag
    assert " - ocppkit.protocol_debug - DEBUG - " in log


def test_run_all_all_runs_server_and_chargers_for_a_duration() -> None:
    result = run(
        [
            "run_all.py",
            "all",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--api-port",
            "0",
            "--count",
            "2",
            "--duration",
            "2",
        ],
        timeout=30,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 charger(s) connected" in result.stderr


def test_run_all_charger_against_run_all_server() -> None:
    server = subprocess.Popen(
        [
            sys.executable,
            "run_all.py",
            "server",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--api-port",
            "0",
            "--duration",
            "20",
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        seen: list[str] = []
        while len(seen) < 20 and "CSMS listening on ws://127.0.0.1:" not in "".join(seen[-1:]):
            seen.append(server.stderr.readline())  # bounded: among the log's first lines
        line = seen[-1]
        assert "CSMS listening on ws://127.0.0.1:" in line, "".join(seen)
        port = line.split("ws://127.0.0.1:")[1].split("/")[0]
        result = run(
            [
                "run_all.py",
                "charger",
                "--url",
                f"ws://127.0.0.1:{port}",
                "--count",
                "3",
                "--duration",
                "1",
            ],
            timeout=30,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "3 charger(s) connected" in result.stderr
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert server.returncode == 0


@pytest.mark.parametrize("command", ["server", "charger", "fleet", "demo", "all"])
def test_each_command_has_help(command: str) -> None:
    result = run(["-m", "ocppkit.cli", command, "--help"])
    assert result.returncode == 0
    assert "usage: ocppkit" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["server", "--port", "99999"], "99999 is not a port number"),
        (["server", "--port", "abc"], "'abc' is not a port number"),
        (["charger", "--url", "http://x"], "is not a ws:// or wss:// URL"),
        (["charger", "--count", "0"], "0 must be at least 1"),
        (["server", "--bogus"], "unrecognized arguments: --bogus"),
        (["launch"], "invalid choice: 'launch'"),
    ],
)
def test_bad_flags_say_what_was_wrong(args: list[str], message: str) -> None:
    result = run(["-m", "ocppkit.cli", *args])
    assert result.returncode == 2
    assert message in result.stderr


def test_bad_environment_variable_says_what_was_wrong() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OCPP_")}
    env["OCPP_PROTOCOL_DEBUG"] = "maybe"
    result = subprocess.run(
        [sys.executable, "-m", "ocppkit.cli", "demo", "--port", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "OCPP_PROTOCOL_DEBUG='maybe'" in result.stderr


def test_busy_port_is_a_clear_error() -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = run(
            [
                "run_all.py",
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--api-port",
                str(port),
                "--duration",
                "1",
            ],
            timeout=30,
        )
    assert result.returncode == 1
    assert "ocppkit:" in result.stderr and "in use" in result.stderr


def test_run_all_without_a_command_prints_the_commands() -> None:
    result = run(["run_all.py"])
    assert result.returncode == 2
    assert result.stderr.startswith("usage: python run_all.py [-h] COMMAND ...")
    for command in COMMANDS:
        assert f"    {command} " in result.stderr, command


COMMANDS = ("server", "charger", "fleet", "demo", "all")


def test_python_m_ocppkit_is_the_ocppkit_command() -> None:
    result = run(["-m", "ocppkit", "--help"])
    assert result.returncode == 0 and result.stdout.startswith("usage: ocppkit [-h] COMMAND")
    for command in COMMANDS:
        assert f"    {command} " in result.stdout, command
    assert run(["-m", "ocppkit", "charger", "--id", "bad id"]).returncode == 2


def test_run_all_and_its_help_agree_on_the_commands() -> None:
    import ast

    helped = run(["run_all.py", "--help"])
    assert helped.returncode == 0
    assert helped.stdout.startswith("usage: python run_all.py")
    shown = {c for c in COMMANDS if f"    {c} " in helped.stdout}
    assert shown == set(COMMANDS)
    doc = ast.get_docstring(ast.parse((ROOT / "run_all.py").read_text(encoding="utf-8")))
    assert doc is not None
    examples = {line.split()[2] for line in doc.splitlines() if line.startswith("python run_all")}
    assert examples == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_description(command: str) -> None:
    result = run(["-m", "ocppkit", command, "--help"])
    assert result.returncode == 0
    _usage, rest = result.stdout.split("\n\n", 1)
    description = rest.split("options:", 1)[0].strip()
    assert len(description) > 60, result.stdout
    assert "see above" not in result.stdout


@pytest.mark.parametrize(
    "script", [["run_all.py", "server"], ["demo.py"], ["demo_protocol_debug.py"]]
)
def test_the_scripts_say_how_to_install_what_is_missing(script: list[str]) -> None:
    """A Python without the dependencies (-S: no site-packages) gets a plain instruction."""
    result = run(["-S", *script], timeout=30)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "ModuleNotFoundError" not in result.stderr
    assert "lacks: websockets, pydantic" in result.stderr
    assert "make setup" in result.stderr and "-m pip install -r requirements.txt" in result.stderr


def test_requirements_txt_matches_pyproject() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert sorted(line for line in lines if line and not line.startswith("#")) == sorted(project)


@pytest.mark.parametrize("command", ["charger", "fleet"])
def test_station_commands_offer_state_dir(command: str) -> None:
    result = run(["-m", "ocppkit.cli", command, "--help"])
    assert result.returncode == 0 and "--state-dir DIR" in result.stdout


def test_all_runs_the_iso_15118_flow_from_the_command_line(tmp_path: Path) -> None:
    """K15 as an operator starts it: an ISO 15118 EV on a DC station, a CSMS capping EVs at
    20 kW; the frames show needs -> TxProfile -> the schedule the EV chose, capped."""
    result = run(
        [
            "-m",
            "ocppkit.cli",
            "all",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--api-port",
            "0",
            "--charge",
            "--iso15118",
            "--station-type",
            "DC",
            "--ev",
            "compact",
            "--ev-max-power",
            "20000",
            "--duration",
            "3",
            "--protocol-debug",
            "--database-url",
            f"sqlite+aiosqlite:///{tmp_path}/csms.db",
        ],
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    sent = [line for line in result.stderr.splitlines() if "[CHARGER-SEND]" in line]
    needs = [line for line in sent if '"NotifyEVChargingNeeds"' in line]
    chosen = [line for line in sent if '"NotifyEVChargingSchedule"' in line]
    assert needs and '"evMaxPower":50000' in needs[0]  # the compact car on DC
    assert chosen and '"chargingSchedulePeriod":[{"startPeriod":0,"limit":20000' in chosen[0]


def test_an_unknown_ev_model_is_a_usage_error() -> None:
    result = run(["-m", "ocppkit.cli", "charger", "--ev", "tesla"])
    assert result.returncode == 2
    assert "no EV model 'tesla'; choose from compact, sedan" in result.stderr
