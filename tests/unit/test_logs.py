"""Logging setup (setup_logging and its environment variables) and the protocol debug log lines
written for a CALL / CALLRESULT / CALLERROR exchange over a Connection."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ocppkit.logs
from ocppkit.logs import LOG_FORMAT, PROTOCOL_LOGGER_NAME, FrameLogger, setup_logging
from ocppkit.protocol.errors import NotImplementedOCPPError, SecurityError
from ocppkit.protocol.models import CS_TO_CSMS, CSMS_TO_CS, OcppModel
from ocppkit.transport import Connection


def _load_fake_ws() -> Any:
    # The in-memory websocket pair of the transport tests (a sibling folder, not on sys.path).
    path = Path(__file__).parent / "transport" / "fake_ws.py"
    spec = importlib.util.spec_from_file_location("transport_fake_ws", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fake_pair = _load_fake_ws().fake_pair
ENV = ("OCPP_LOG_LEVEL", "OCPP_PROTOCOL_DEBUG", "OCPP_LOG_FILE")
NOW = "2024-05-01T12:00:00Z"
BOOT = {"reason": "PowerUp", "chargingStation": {"model": "M1", "vendorName": "V"}}
LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - (?P<name>[\w.]+) - (?P<level>[A-Z]+) - (?P<msg>.*)$"
)

base = logging.getLogger("ocppkit")
protocol = logging.getLogger(PROTOCOL_LOGGER_NAME)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No OCPP_* variable from the outside; close the handlers setup_logging opens."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    before = list(base.handlers)
    yield
    for handler in base.handlers:
        if handler not in before:
            handler.close()


def records(path: Path) -> list[dict[str, str]]:
    """The log file as records; continuation lines (pretty JSON) are joined to their record."""
    out: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line)
        if match:
            out.append(match.groupdict())
        else:
            assert out, f"continuation line before any record: {line!r}"
            out[-1]["msg"] += "\n" + line
    return out


def messages(path: Path, tag: str) -> list[str]:
    return [r["msg"] for r in records(path) if r["msg"].startswith(tag + " ")]


# --- setup_logging ---


def test_explicit_arguments(tmp_path: Path) -> None:
    log_file = tmp_path / "ocpp.log"
    setup_logging("DEBUG", enable_protocol_debug=True, log_file=str(log_file))
    assert base.level == logging.DEBUG
    assert protocol.isEnabledFor(logging.DEBUG)
    assert base.propagate is False
    kinds = sorted(type(h).__name__ for h in base.handlers)
    assert kinds == ["ConsoleHandler", "FileHandler"]
    assert all(h.formatter is not None and h.formatter._fmt == LOG_FORMAT for h in base.handlers)


def test_line_format(tmp_path: Path) -> None:
    log_file = tmp_path / "ocpp.log"
    setup_logging("INFO", log_file=str(log_file))
    logging.getLogger("ocppkit.csms").info("station %s online", "CS001")
    (record,) = records(log_file)
    assert record == {"name": "ocppkit.csms", "level": "INFO", "msg": "station CS001 online"}


def test_defaults_without_environment() -> None:
    setup_logging()
    assert base.level == logging.INFO
    assert not protocol.isEnabledFor(logging.DEBUG)
    assert [type(h).__name__ for h in base.handlers] == ["ConsoleHandler"]


def test_environment_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    log_file = tmp_path / "env.log"
    monkeypatch.setenv("OCPP_LOG_LEVEL", "warning")
    monkeypatch.setenv("OCPP_PROTOCOL_DEBUG", "true")
    monkeypatch.setenv("OCPP_LOG_FILE", str(log_file))
    setup_logging()
    assert base.level == logging.WARNING
    assert protocol.isEnabledFor(logging.DEBUG)
    protocol.debug("[OCPP-CALL-SEND] Action: Heartbeat, ID: 1")
    assert messages(log_file, "[OCPP-CALL-SEND]") == ["[OCPP-CALL-SEND] Action: Heartbeat, ID: 1"]


@pytest.mark.parametrize("value", ["1", "yes", "ON", " True "])
def test_protocol_debug_true_spellings(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("OCPP_PROTOCOL_DEBUG", value)
    setup_logging()
    assert protocol.isEnabledFor(logging.DEBUG)


@pytest.mark.parametrize("value", ["0", "no", "off", "false", ""])
def test_protocol_debug_false_spellings(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("OCPP_PROTOCOL_DEBUG", value)
    setup_logging()
    assert not protocol.isEnabledFor(logging.DEBUG)


def test_arguments_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCPP_LOG_LEVEL", "ERROR")
    monkeypatch.setenv("OCPP_PROTOCOL_DEBUG", "true")
    setup_logging("DEBUG", enable_protocol_debug=False)
    assert base.level == logging.DEBUG
    assert not protocol.isEnabledFor(logging.DEBUG)


def test_bad_log_level_in_the_environment_is_a_clear_value_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OCPP_LOG_LEVEL", "LOUD")
    with pytest.raises(ValueError, match=r"'LOUD'.*DEBUG"):
        setup_logging()


def test_bad_log_level_argument_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="'verbose'"):
        setup_logging("verbose")


def test_bad_protocol_debug_value_is_a_clear_value_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCPP_PROTOCOL_DEBUG", "maybe")
    with pytest.raises(ValueError, match=r"OCPP_PROTOCOL_DEBUG='maybe'.*true or false"):
        setup_logging()


def test_a_bad_value_leaves_the_current_configuration_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup_logging("WARNING")
    handlers = list(base.handlers)
    monkeypatch.setenv("OCPP_LOG_LEVEL", "LOUD")
    with pytest.raises(ValueError):
        setup_logging()
    assert base.handlers == handlers and base.level == logging.WARNING


def test_setting_up_twice_replaces_the_handlers(tmp_path: Path) -> None:
    setup_logging(log_file=str(tmp_path / "a.log"))
    first = list(base.handlers)
    setup_logging()
    assert len(base.handlers) == 1
    assert not set(first) & set(base.handlers)


# --- the protocol debug lines of an exchange over a Connection ---


async def _exchange(tmp_path: Path) -> None:
    """Station: BootNotification (CALL -> CALLRESULT). CSMS: ClearCache, which the station
    refuses with a CALLERROR. Both Connections log into the same configured loggers."""

    async def csms_handler(action: str, request: OcppModel) -> dict[str, Any]:
        if action != "BootNotification":
            raise NotImplementedOCPPError(action)
        return {"currentTime": NOW, "interval": 300, "status": "Accepted"}

    async def station_handler(action: str, request: OcppModel) -> dict[str, Any]:
        raise SecurityError("not now", {"reason": "busy"})

    csms_ws, station_ws = fake_pair()
    csms = Connection(csms_ws, "CS001", "SERVER", CS_TO_CSMS, csms_handler)
    station = Connection(station_ws, "CS001", "CHARGER", CSMS_TO_CS, station_handler)
    async with asyncio.timeout(5), asyncio.TaskGroup() as group:
        group.create_task(csms.run())
        group.create_task(station.run())
        await station.call("BootNotification", BOOT)
        with pytest.raises(SecurityError):
            await csms.call("ClearCache", {})
        await station.close()


def _pretty_json(message: str, tag: str) -> Any:
    body = message.removeprefix(tag + " ")
    assert "\n" in body, f"{tag} is not pretty-printed: {body!r}"
    return json.loads(body)


async def test_exchange_writes_every_tag(tmp_path: Path) -> None:
    log_file = tmp_path / "debug.log"
    setup_logging("INFO", enable_protocol_debug=True, log_file=str(log_file))
    await _exchange(tmp_path)

    assert all(r["name"] == PROTOCOL_LOGGER_NAME for r in records(log_file) if "[OCPP-" in r["msg"])
    (call_send,) = messages(log_file, "[OCPP-CALL-SEND]")[:1]
    boot_id = re.fullmatch(r"\[OCPP-CALL-SEND\] Action: BootNotification, ID: (\S+)", call_send)
    assert boot_id is not None
    assert f"[OCPP-CALL-RECV] Action: BootNotification, ID: {boot_id[1]}" in messages(
        log_file, "[OCPP-CALL-RECV]"
    )
    (payload_send,) = messages(log_file, "[OCPP-PAYLOAD-SEND]")[:1]
    assert _pretty_json(payload_send, "[OCPP-PAYLOAD-SEND]") == BOOT
    (payload_recv,) = messages(log_file, "[OCPP-PAYLOAD-RECV]")[:1]
    assert _pretty_json(payload_recv, "[OCPP-PAYLOAD-RECV]") == BOOT

    assert messages(log_file, "[OCPP-CALLRESULT-SEND]") == [
        f"[OCPP-CALLRESULT-SEND] Action: BootNotification, ID: {boot_id[1]}"
    ]
    assert messages(log_file, "[OCPP-CALLRESULT-RECV]") == [
        f"[OCPP-CALLRESULT-RECV] Action: BootNotification, ID: {boot_id[1]}"
    ]
    response = {"currentTime": NOW, "interval": 300, "status": "Accepted"}
    for tag in ("[OCPP-RESPONSE-SEND]", "[OCPP-RESPONSE-RECV]"):
        (message,) = messages(log_file, tag)
        assert _pretty_json(message, tag) == response

    for tag in ("[OCPP-CALLERROR-SEND]", "[OCPP-CALLERROR-RECV]"):
        (message,) = messages(log_file, tag)
        assert re.fullmatch(
            re.escape(tag) + r" ID: \S+, Code: SecurityError, Description: not now", message
        )
    (error_send,) = messages(log_file, "[OCPP-ERROR-SEND]")
    assert _pretty_json(error_send, "[OCPP-ERROR-SEND]") == {"reason": "busy"}
    (error_recv,) = messages(log_file, "[OCPP-ERROR-RECV]")
    assert _pretty_json(error_recv, "[OCPP-ERROR-RECV]") == {"reason": "busy"}


async def test_raw_lines_carry_the_station_id(tmp_path: Path) -> None:
    log_file = tmp_path / "raw.log"
    setup_logging("INFO", enable_protocol_debug=True, log_file=str(log_file))
    await _exchange(tmp_path)

    charger_send = messages(log_file, "[CHARGER-SEND]")
    server_send = messages(log_file, "[SERVER-SEND]")
    raw_recv = messages(log_file, "[OCPP-RAW-RECV]")
    # station: CALL BootNotification + CALLERROR; CSMS: CALLRESULT + CALL ClearCache
    assert [json.loads(m.split("] ", 2)[2])[0] for m in charger_send] == [2, 4]
    assert [json.loads(m.split("] ", 2)[2])[0] for m in server_send] == [3, 2]
    assert len(raw_recv) == 4
    for message in charger_send + server_send + raw_recv:
        assert message.split(" ", 2)[1] == "[CS001]"
    assert messages(log_file, "[SERVER-RECV]") == [
        "[SERVER-RECV] [CS001] CALL BootNotification",
        "[SERVER-RECV] [CS001] CALLERROR SecurityError",
    ]
    assert messages(log_file, "[CHARGER-RECV]") == [
        "[CHARGER-RECV] [CS001] CALLRESULT BootNotification",
        "[CHARGER-RECV] [CS001] CALL ClearCache",
    ]


async def test_debug_off_writes_no_protocol_lines_and_pretty_prints_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pretty_printing(payload: Any) -> str:
        raise AssertionError("pretty-printed with protocol debug off")

    monkeypatch.setattr(ocppkit.logs, "_pretty", no_pretty_printing)
    log_file = tmp_path / "quiet.log"
    setup_logging("DEBUG", enable_protocol_debug=False, log_file=str(log_file))
    await _exchange(tmp_path)  # a raise in _pretty would end the link: the calls would fail
    assert not [r for r in records(log_file) if r["name"] == PROTOCOL_LOGGER_NAME]


async def test_pretty_printing_would_be_noticed_with_debug_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control for the test above: with debug on, the patched _pretty is reached."""
    reached: list[Any] = []
    monkeypatch.setattr(ocppkit.logs, "_pretty", lambda payload: reached.append(payload) or "")
    setup_logging("INFO", enable_protocol_debug=True, log_file=str(tmp_path / "on.log"))
    await _exchange(tmp_path)
    assert BOOT in reached


def test_pretty_falls_back_to_repr_for_what_json_cannot_hold() -> None:
    assert ocppkit.logs._pretty({"a": [1]}) == '{\n  "a": [\n    1\n  ]\n}'
    assert ocppkit.logs._pretty({1j}) == "{1j}"


def test_raw_received_bytes_are_decoded(tmp_path: Path) -> None:
    log_file = tmp_path / "bytes.log"
    setup_logging("INFO", enable_protocol_debug=True, log_file=str(log_file))
    FrameLogger("CS002", "SERVER").raw_received(b'[2,"1","Heartbeat",{}]')
    (message,) = messages(log_file, "[OCPP-RAW-RECV]")
    assert message == '[OCPP-RAW-RECV] [CS002] [2,"1","Heartbeat",{}]'


def test_a_log_line_clears_the_live_line_and_draws_it_again() -> None:
    import io

    from ocppkit.logs import ConsoleHandler, live_line

    screen = io.StringIO()
    handler = ConsoleHandler(screen)
    handler.setFormatter(logging.Formatter("%(message)s"))
    record = logging.LogRecord("ocppkit.x", logging.INFO, __file__, 1, "hello", None, None)
    try:
        live_line.show(screen, "online 3/3")
        handler.emit(record)
        live_line.end()
        handler.emit(record)  # no live line: the record alone
    finally:
        live_line.end()
    assert screen.getvalue() == (
        "\r\x1b[2Konline 3/3" + "\r\x1b[2Khello\n" + "online 3/3" + "\n" + "hello\n"
    )
