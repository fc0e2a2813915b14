"""Logging setup and the protocol debug log.

``setup_logging(level, enable_protocol_debug, log_file)`` configures the ``ocppkit`` loggers; each
argument left as None is read from the environment (``OCPP_LOG_LEVEL``, ``OCPP_PROTOCOL_DEBUG``,
``OCPP_LOG_FILE``). With protocol debug on, every frame is logged on the ``ocppkit.protocol_debug``
logger with a tag: ``[SERVER-SEND]``/``[CHARGER-SEND]`` (the raw frame written, with the station
id), ``[OCPP-RAW-RECV]`` (the raw frame read, with the station id), ``[SERVER-RECV]``/
``[CHARGER-RECV]`` (what it was), then ``[OCPP-CALL-SEND]`` + ``[OCPP-PAYLOAD-SEND]``,
``[OCPP-CALLRESULT-SEND]`` + ``[OCPP-RESPONSE-SEND]``, ``[OCPP-CALLERROR-SEND]`` +
``[OCPP-ERROR-SEND]`` and their ``-RECV`` counterparts, payloads pretty-printed.

With protocol debug off the hot path pays one ``isEnabledFor`` check per frame and nothing else.
"""

from __future__ import annotations

import logging
import os
from typing import Any, TextIO

import orjson

LOG_FORMAT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
PROTOCOL_LOGGER_NAME = "ocppkit.protocol_debug"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")

protocol_log = logging.getLogger(PROTOCOL_LOGGER_NAME)


class LiveLine:
    """A status line kept at the bottom of a terminal, below the log: a log line written to the
    same terminal first clears it and then draws it again (``ConsoleHandler``)."""

    __slots__ = ("stream", "text")

    def __init__(self) -> None:
        self.stream: TextIO | None = None
        self.text: str | None = None

    def show(self, stream: TextIO, text: str) -> None:
        """Draw (or redraw) ``text`` as the live line on ``stream``."""
        self.stream, self.text = stream, text
        stream.write(f"{_CLEAR_LINE}{text}")
        stream.flush()

    def end(self) -> None:
        """Leave the last live line on the terminal; log lines go below it from now on."""
        if self.stream is not None and self.text is not None:
            self.stream.write("\n")
            self.stream.flush()
        self.stream = self.text = None


live_line = LiveLine()  # the process's one live line (the fleet's summary)
_CLEAR_LINE = "\r\x1b[2K"  # carriage return, erase the line


class ConsoleHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The console's log handler: keeps ``live_line`` below the log lines on a terminal."""

    def emit(self, record: logging.LogRecord) -> None:
        live = live_line.text if live_line.stream is self.stream else None
        if live is None:
            super().emit(record)
            return
        self.stream.write(_CLEAR_LINE)
        super().emit(record)
        self.stream.write(live)
        self.flush()


def _env_bool(name: str) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ValueError(f"{name}={os.environ[name]!r}: expected true or false")


def _level(value: str | int) -> int:
    if isinstance(value, int):
        return value
    name = value.strip().upper()
    if name not in _LEVELS:
        raise ValueError(f"log level {value!r}: expected one of {', '.join(_LEVELS)}")
    return int(getattr(logging, name))


def setup_logging(
    level: str | int | None = None,
    enable_protocol_debug: bool | None = None,
    log_file: str | None = None,
) -> None:
    """Configure ocppkit's logging (console, and a file when asked).

    Args:
        level: log level of the ``ocppkit`` loggers; default ``OCPP_LOG_LEVEL`` or INFO.
        enable_protocol_debug: log every OCPP frame; default ``OCPP_PROTOCOL_DEBUG`` or False.
        log_file: also write the log to this file; default ``OCPP_LOG_FILE`` or none.

    Raises:
        ValueError: a level or an environment variable that cannot be understood.
    """
    # Everything that can be wrong is checked before the current configuration is touched.
    numeric_level = _level(os.environ.get("OCPP_LOG_LEVEL", "INFO") if level is None else level)
    if enable_protocol_debug is None:
        enable_protocol_debug = _env_bool("OCPP_PROTOCOL_DEBUG")
    if log_file is None:
        log_file = os.environ.get("OCPP_LOG_FILE") or None
    base = logging.getLogger("ocppkit")
    for handler in list(base.handlers):
        base.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [ConsoleHandler()]
    if log_file:
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(formatter)
        base.addHandler(handler)
    base.setLevel(numeric_level)
    base.propagate = False
    protocol_log.setLevel(logging.DEBUG if enable_protocol_debug else logging.WARNING)


def _pretty(payload: Any) -> str:
    try:
        return orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode()
    except TypeError:
        return repr(payload)


class FrameLogger:
    """Writes the protocol debug lines of one connection. ``side`` is SERVER or CHARGER."""

    __slots__ = ("identity", "side")

    def __init__(self, identity: str, side: str) -> None:
        self.identity = identity
        self.side = side

    @staticmethod
    def enabled() -> bool:
        return protocol_log.isEnabledFor(logging.DEBUG)

    def raw_sent(self, text: str) -> None:
        protocol_log.debug("[%s-SEND] [%s] %s", self.side, self.identity, text)

    def raw_received(self, text: str | bytes) -> None:
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        protocol_log.debug("[OCPP-RAW-RECV] [%s] %s", self.identity, text)

    def call(self, direction: str, action: str, message_id: str, payload: Any) -> None:
        if direction == "RECV":
            protocol_log.debug("[%s-RECV] [%s] CALL %s", self.side, self.identity, action)
        protocol_log.debug("[OCPP-CALL-%s] Action: %s, ID: %s", direction, action, message_id)
        protocol_log.debug("[OCPP-PAYLOAD-%s] %s", direction, _pretty(payload))

    def result(self, direction: str, action: str | None, message_id: str, payload: Any) -> None:
        if direction == "RECV":
            protocol_log.debug("[%s-RECV] [%s] CALLRESULT %s", self.side, self.identity, action)
        protocol_log.debug("[OCPP-CALLRESULT-%s] Action: %s, ID: %s", direction, action, message_id)
        protocol_log.debug("[OCPP-RESPONSE-%s] %s", direction, _pretty(payload))

    def error(
        self, direction: str, message_id: str, code: str, description: str, details: Any
    ) -> None:
        if direction == "RECV":
            protocol_log.debug("[%s-RECV] [%s] CALLERROR %s", self.side, self.identity, code)
        protocol_log.debug(
            "[OCPP-CALLERROR-%s] ID: %s, Code: %s, Description: %s",
            direction,
            message_id,
            code,
            description,
        )
        protocol_log.debug("[OCPP-ERROR-%s] %s", direction, _pretty(details))
