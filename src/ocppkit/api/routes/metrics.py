"""Prometheus metrics (``GET /metrics``, text exposition format 0.0.4, hand-rolled) and the
protocol debug log download (``GET /logs/protocol``).

The counters are kept by the message log and the CSMS queries as plain dict increments per
frame/event; all formatting happens here, at scrape time.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse

from ocppkit.api.deps import ApiError, Operator, OperatorDep
from ocppkit.api.schemas import error_responses
from ocppkit.csms.message_log import LATENCY_BUCKETS
from ocppkit.logs import PROTOCOL_LOGGER_NAME
from ocppkit.security.limits import SecurityCounters

router = APIRouter(tags=["observability"])
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_EXAMPLE = "# TYPE ocppkit_stations_connected gauge\nocppkit_stations_connected 3\n"


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _header(lines: list[str], name: str, kind: str, help_text: str) -> None:
    lines.append(f"# HELP {name} {help_text}")
    lines.append(f"# TYPE {name} {kind}")


def render_metrics(operator: Operator) -> str:
    """The exposition text of every ocppkit metric."""
    server, messages = operator.server, operator.messages
    lines: list[str] = []
    connected = sum(1 for c in server.chargers.chargers.values() if c.connected)
    _header(lines, "ocppkit_stations_connected", "gauge", "Stations with an open link.")
    lines.append(f"ocppkit_stations_connected {connected}")
    _header(lines, "ocppkit_frames_total", "counter", "OCPP frames by direction and action.")
    for (direction, action), count in sorted(messages.frames_total.items()):
        lines.append(
            f'ocppkit_frames_total{{direction="{direction}",action="{_label(action)}"}} {count}'
        )
    _header(lines, "ocppkit_callerrors_total", "counter", "CALLERROR frames by error code.")
    for code, count in sorted(messages.callerrors_total.items()):
        lines.append(f'ocppkit_callerrors_total{{code="{_label(code)}"}} {count}')
    _header(
        lines,
        "ocppkit_reply_latency_seconds",
        "histogram",
        "Seconds between a CALL and its CALLRESULT/CALLERROR, by action.",
    )
    for action, hist in sorted(messages.latency.items()):
        label = _label(action)
        cumulative = 0
        for bound, count in zip((*LATENCY_BUCKETS, "+Inf"), hist.counts, strict=True):
            cumulative += count
            lines.append(
                f'ocppkit_reply_latency_seconds_bucket{{action="{label}",le="{bound}"}}'
                f" {cumulative}"
            )
        lines.append(f'ocppkit_reply_latency_seconds_sum{{action="{label}"}} {hist.total}')
        lines.append(f'ocppkit_reply_latency_seconds_count{{action="{label}"}} {hist.count}')
    _header(lines, "ocppkit_transactions_active", "gauge", "Transactions running now.")
    lines.append(f"ocppkit_transactions_active {operator.queries.transactions_active()}")
    _header(
        lines,
        "ocppkit_energy_delivered_wh_total",
        "counter",
        "Energy delivered in transactions since start, Wh.",
    )
    energy = operator.queries.history.energy_delivered_wh
    lines.append(f"ocppkit_energy_delivered_wh_total {energy}")
    _security_metrics(lines, server.security_counters)
    return "\n".join(lines) + "\n"


def _security_metrics(lines: list[str], counters: SecurityCounters) -> None:
    _header(
        lines,
        "ocppkit_security_refusals_total",
        "counter",
        "Station handshakes and API requests refused, by reason.",
    )
    for reason, count in sorted(counters.refusals.items()):
        lines.append(f'ocppkit_security_refusals_total{{reason="{_label(reason)}"}} {count}')
    _header(lines, "ocppkit_limits_hit_total", "counter", "Times each limit was hit.")
    for limit, count in sorted(counters.limits_hit.items()):
        lines.append(f'ocppkit_limits_hit_total{{limit="{_label(limit)}"}} {count}')


@router.get(
    "/metrics",
    response_class=PlainTextResponse,
    summary="Prometheus metrics (text exposition format)",
    responses={200: {"content": {CONTENT_TYPE: {"example": _EXAMPLE}}}},
)
async def metrics(operator: OperatorDep) -> PlainTextResponse:
    return PlainTextResponse(render_metrics(operator), media_type=CONTENT_TYPE)


def protocol_log_path(operator: Operator) -> Path | None:
    """The configured protocol debug log file: the API's setting, else the file handler of the
    ``ocppkit`` loggers while protocol debug logging is on."""
    if operator.protocol_log_file is not None:
        return operator.protocol_log_file
    protocol = logging.getLogger(PROTOCOL_LOGGER_NAME)
    if not protocol.isEnabledFor(logging.DEBUG):
        return None
    for logger in (protocol, logging.getLogger("ocppkit")):
        for handler in logger.handlers:
            if isinstance(handler, logging.FileHandler):
                return Path(handler.baseFilename)
    return None


@router.get(
    "/logs/protocol",
    response_class=FileResponse,
    responses={
        **error_responses(404),
        200: {"content": {"text/plain": {}}, "description": "the protocol debug log file"},
    },
    summary="Download the protocol debug log",
    description="404 `protocol_log_not_configured` unless protocol debug logging writes to a "
    "file (`--protocol-debug --log-file <file>`, `OCPP_PROTOCOL_DEBUG=true` with "
    "`OCPP_LOG_FILE`, or the API's protocol_log_file).",
)
async def protocol_log(operator: OperatorDep) -> FileResponse:
    path = protocol_log_path(operator)
    if path is None:
        raise ApiError(
            404,
            "protocol_log_not_configured",
            "no protocol debug log file is configured: start the server with "
            "--protocol-debug --log-file <file> (or OCPP_PROTOCOL_DEBUG=true and "
            "OCPP_LOG_FILE=<file>)",
        )
    if not path.is_file():
        raise ApiError(404, "protocol_log_missing", f"the protocol debug log {path} does not exist")
    return FileResponse(path, media_type="text/plain; charset=utf-8", filename=path.name)
