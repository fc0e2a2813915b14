"""`ocppkit server` / `all`: the CSMS's options from the command line and a --config TOML file,
as an operator sets them, reach the running CSMS; a bad file or flag says what was wrong."""

from __future__ import annotations

import asyncio
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from test_csms_support import WAIT, RawStation, boot_payload

from ocppkit import cli, run
from ocppkit.config import ConfigError

ROOT = Path(__file__).resolve().parents[2]

FULL = """
host = "127.0.0.1"
port = 9100
api_port = 9101
heartbeat_interval = 60
database_url = "sqlite+aiosqlite:///from-file.db"
boot_policy = "known-only"
known_stations = ["CP1", "CP2"]
lenient_stations = ["OLD-1"]
request_base_report = true
one_transaction_per_token = true
offline_grace = "off"
call_timeout = 12.5
ev_max_power = 11000
"""


def options(*argv: str) -> run.ServerOptions:
    args = cli.build_parser().parse_args(["server", *argv])
    return cli._server_options(args)


def write(tmp_path: Path, text: str, name: str = "csms.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_without_a_file_the_defaults_are_the_documented_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OCPPKIT_DATABASE_URL", raising=False)
    assert options() == run.ServerOptions(database_url="sqlite+aiosqlite:///ocppkit.db")


def test_every_key_of_the_file_is_used(tmp_path: Path) -> None:
    assert options("--config", write(tmp_path, FULL)) == run.ServerOptions(
        host="127.0.0.1",
        port=9100,
        api_host="127.0.0.1",
        api_port=9101,
        heartbeat_interval=60,
        database_url="sqlite+aiosqlite:///from-file.db",
        boot_policy="known-only",
        known_stations=("CP1", "CP2"),
        lenient_stations=("OLD-1",),
        request_base_report=True,
        allow_concurrent_tx=False,
        offline_grace=None,
        call_timeout=12.5,
        ev_max_power_w=11000.0,
    )


def test_the_command_line_wins_over_the_file(tmp_path: Path) -> None:
    got = options(
        "--config",
        write(tmp_path, FULL),
        "--port",
        "0",
        "--known-station",
        "CP9",
        "--boot-policy",
        "auto-register",
        "--offline-grace",
        "45",
        "--database-url",
        "sqlite+aiosqlite:///flag.db",
    )
    assert (got.port, got.known_stations, got.boot_policy, got.offline_grace, got.database_url) == (
        0,
        ("CP9",),
        "auto-register",
        45.0,
        "sqlite+aiosqlite:///flag.db",
    )
    assert (got.api_port, got.call_timeout) == (9101, 12.5)  # the rest from the file


def test_the_file_wins_over_the_environment_for_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OCPPKIT_DATABASE_URL", "sqlite+aiosqlite:///from-env.db")
    assert options().database_url == "sqlite+aiosqlite:///from-env.db"
    config = write(tmp_path, 'database_url = "sqlite+aiosqlite:///from-file.db"')
    assert options("--config", config).database_url == "sqlite+aiosqlite:///from-file.db"


@pytest.mark.parametrize(
    "text, message",
    [
        ("prot = 9000", "prot: unknown key; the keys here are host, port, api_port, "),
        (
            'boot_policy = "maybe"',
            'boot_policy: "maybe" is not allowed; '
            'expected one of "accept", "known-only", "auto-register"',
        ),
        ("port = 70000", "port: 70000 is not allowed; expected a whole number from 0 to 65535"),
        (
            'offline_grace = "never"',
            'offline_grace: "never" is not allowed; expected a number above 0 or "off"',
        ),
        (
            "offline_grace = -1",
            'offline_grace: -1 is not allowed; expected a number above 0 or "off"',
        ),
        (
            'known_stations = "CP1"',
            'known_stations: "CP1" is not allowed; expected a list of text',
        ),
        ("ev_max_power = 0", "ev_max_power: 0 is not allowed; expected a number above 0"),
        ("port = = 1", "not valid TOML"),
    ],
)
def test_a_bad_file_names_the_key_and_the_rule(tmp_path: Path, text: str, message: str) -> None:
    config = write(tmp_path, text)
    with pytest.raises(ConfigError, match="^" + config) as caught:
        options("--config", config)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--config", "{dir}/missing.toml"], "missing.toml: cannot read"),
        (["--config", "{dir}/csms.yaml"], "YAML configurations are not supported"),
        (["--config", "{dir}/csms.toml"], 'csms.toml: boot_policy: "closed" is not allowed; '),
        (["--offline-grace", "never"], "'never' is not a number of seconds"),
        (["--ev-max-power", "-5"], "-5.0 must be more than 0 W"),
        (["--boot-policy", "open"], "invalid choice: 'open'"),
    ],
)
def test_the_command_exits_2_and_says_what_was_wrong(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "csms.yaml").write_text("port: 1\n", encoding="utf-8")
    (tmp_path / "csms.toml").write_text('boot_policy = "closed"\n', encoding="utf-8")
    argv = [a.replace("{dir}", str(tmp_path)) for a in args]
    for command in ("server", "all"):
        result = subprocess.run(
            [sys.executable, "-m", "ocppkit.cli", command, *argv],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 2, result.stderr
        assert message in result.stderr, result.stderr


async def test_the_options_reach_the_running_csms(tmp_path: Path) -> None:
    config = write(tmp_path, FULL)
    given = options("--config", config, "--port", "0", "--api-port", "0")
    given = dataclasses.replace(given, database_url=None)  # in memory
    async with asyncio.timeout(WAIT), run.csms_with_api(given) as (server, _api):
        known = await RawStation.connect(server.port, "CP1")
        stranger = await RawStation.connect(server.port, "CP7")
        try:
            accepted = await known.result("BootNotification", boot_payload())
            rejected = await stranger.result("BootNotification", boot_payload())
            base_report = await known.answer_next_call({"status": "Accepted"})  # B07
        finally:
            await known.close()
            await stranger.close()
        assert (accepted["status"], rejected["status"]) == ("Accepted", "Rejected")  # B03
        assert base_report[2] == "GetBaseReport"
        assert server.is_lenient("OLD-1") and not server.is_lenient("CP1")
        assert server.offline_grace is None and server.call_timeout == 12.5
        assert server.ev_max_power_w == 11000  # K15: a cap on the default TxProfiles
        assert not server.tokens.allow_concurrent_tx


def test_memory_bounds_come_from_the_flags_and_the_file(tmp_path: Path) -> None:
    text = "message_log_size = 50\nmessage_log_bytes = 1000000\nhistory_total = 5000\n"
    got = options("--config", write(tmp_path, text), "--history-total", "700")
    assert (got.message_log_size, got.message_log_bytes, got.history_total) == (
        50,
        1_000_000,
        700,
    )
    with pytest.raises(ConfigError, match="history_total"):
        options("--config", write(tmp_path, "history_total = 0\n", "bad.toml"))


def test_the_ocpp_versions_come_from_the_flag_or_the_file(tmp_path: Path) -> None:
    assert options().ocpp_versions == ("1.6", "2.0.1")
    assert options("--ocpp-versions", "2.0.1, 1.6").ocpp_versions == ("2.0.1", "1.6")
    config = write(tmp_path, 'ocpp_versions = ["1.6"]\n')
    assert options("--config", config).ocpp_versions == ("1.6",)
    assert options("--config", config, "--ocpp-versions", "2.0.1").ocpp_versions == ("2.0.1",)


@pytest.mark.parametrize("text", ['ocpp_versions = ["1.5"]', "ocpp_versions = []"])
def test_a_bad_ocpp_version_list_names_the_key(tmp_path: Path, text: str) -> None:
    config = write(tmp_path, text + "\n")
    with pytest.raises(ConfigError, match="ocpp_versions"):
        options("--config", config)
