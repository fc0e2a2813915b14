"""The REST API (FastAPI), served in the same process and event loop as the CSMS.

``create_app(server)`` builds it over a running (or about to run) ``OCPPServer``; the routes
live in ``ocppkit.api.routes`` (chargers, commands, tracking, transactions, tokens, events,
metrics, fleet), the request/response models in ``ocppkit.api.schemas`` and
``ocppkit.csms.views``. OpenAPI at ``/openapi.json``, docs at ``/docs``.

Every error is JSON ``{"detail": "<what was wrong>", "code": "<machine-readable code>"}`` (422s
add ``errors: [{field, rule, message}]``; ``ocppkit.http`` answers them): 404 unknown
charger/transaction/token/action/path, 409 not connected (or nothing to stop), 422 bad
body/parameters/payload, 502 the station answered with a CALLERROR, 504 no answer from the
station in time, 500 a bug.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from ocppkit.api.auth import authorize
from ocppkit.api.dashboard import mount_dashboard
from ocppkit.api.deps import Operator
from ocppkit.api.routes import (
    chargers,
    commands,
    events,
    fleet,
    metrics,
    security,
    sites,
    tariffs,
    tokens,
    tracking,
    transactions,
)
from ocppkit.api.schemas import ErrorBody, StartRequest, StopRequest
from ocppkit.csms.message_log import MessageLog
from ocppkit.csms.queries import CsmsQueries
from ocppkit.http import ApiError, install_error_handlers
from ocppkit.security.limits import BucketsByKey

if TYPE_CHECKING:
    from ocppkit.csms import OCPPServer


def create_app(
    server: OCPPServer,
    *,
    message_log_size: int = 200,
    message_log_bytes: int = 32 << 20,
    protocol_log_file: str | Path | None = None,
    heartbeat_interval: float = 15.0,
    require_api_key: bool = False,
    rate_limit: bool | None = None,
) -> FastAPI:
    """The REST API over ``server`` (it holds no state of its own).

    Build it before the stations connect: the message log sees the links opened from then on.

    Args:
        message_log_size: frames kept per station for ``GET /chargers/{id}/messages``.
        message_log_bytes: what all stations' frames may hold together (the oldest go first).
        protocol_log_file: the file offered at ``GET /logs/protocol``; default the file the
            protocol debug log is written to, if any.
        heartbeat_interval: seconds between keep-alive comments on ``GET /events``.
        require_api_key: every request needs ``Authorization: Bearer <key>`` with a role
            (``ocppkit.api.auth``); ``ocppkit server`` sets it beyond loopback.
        rate_limit: limit each client address to ``server.limits.api_rate`` requests a second
            (429 beyond); None: when keys are required (an API on loopback without keys trusts
            its local clients fully).
    """
    app = FastAPI(
        title="ocppkit CSMS API",
        version="0.2.0",
        description="Operate an OCPP 2.0.1 central system: stations, their EVSEs and device "
        "models, every CSMS->CS command and its progress, the notifications stations send "
        "(security and monitoring events, ...), what stations hold (charging profiles, ...), "
        "transactions, id tokens, live events (SSE), the protocol message log and Prometheus "
        "metrics.",
        dependencies=[Depends(authorize)],  # API keys and the REST rate limit, in one place
    )
    app.state.require_api_key = require_api_key
    limits = server.limits
    limited = require_api_key if rate_limit is None else rate_limit
    app.state.rate_limits = (
        BucketsByKey(limits.api_rate, limits.api_burst)
        if limited and limits.api_rate is not None
        else None
    )
    operator = Operator(
        server,
        CsmsQueries(server),
        MessageLog.attach(server, message_log_size, message_log_bytes),
        None if protocol_log_file is None else Path(protocol_log_file),
        heartbeat_interval,
    )
    app.state.operator = operator
    app.state.closing = operator.closing  # set by ApiServer.stop: live event streams end
    install_error_handlers(app)  # the JSON error body (ocppkit.http)
    _challenge_on_401(app)
    for module in (
        chargers,
        commands,
        tracking,
        transactions,
        tokens,
        tariffs,
        events,
        metrics,
        fleet,
        security,
        sites,
    ):
        app.include_router(module.router)
    mount_dashboard(app)  # the web dashboard at / and /static (ocppkit.api.dashboard)
    return app


def _challenge_on_401(app: FastAPI) -> None:
    """ApiError as ``install_error_handlers`` answers it, plus ``WWW-Authenticate: Bearer`` on a
    401 (a missing or unknown API key, ``ocppkit.api.auth``)."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)


__all__ = ["ApiError", "ErrorBody", "StartRequest", "StopRequest", "create_app"]
