"""The REST API (FastAPI), served in the same process and event loop as the CSMS.

Endpoints (the seed's): ``GET /health``, ``GET /chargers``, ``GET /chargers/{id}``,
``POST /chargers/{id}/start``, ``POST /chargers/{id}/stop``. OpenAPI at ``/docs``.

Every error is JSON ``{"detail": "<what was wrong>", "code": "<machine-readable code>"}``:
404 unknown charger, 409 not connected (or nothing to stop), 422 bad body, 502 the station
answered with a CALLERROR, 504 no answer from the station in time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from ocppkit.protocol.errors import (
    CallTimeoutError,
    NotConnectedError,
    OCPPError,
    OCPPKitError,
)
from ocppkit.protocol.validation import to_wire_dict

if TYPE_CHECKING:
    from ocppkit.csms import OCPPServer


class ApiError(Exception):
    """An error answered as ``{"detail", "code"}`` with an HTTP status."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


class StartRequest(BaseModel):
    """Body of ``POST /chargers/{id}/start``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"evse_id": 1, "connector_id": 1}]},
    )
    evse_id: int = Field(1, ge=1, description="EVSE to start on")
    connector_id: int | None = Field(
        1, ge=1, description="Accepted for the seed's API; RequestStartTransaction itself carries "
        "no connectorId (the OCPP 2.0.1 schema forbids it), the station picks the connector."
    )
    id_token: str | None = Field(
        None, min_length=1, max_length=36, description="id token to start with (default: the "
        "server's demo token)"
    )


class StopRequest(BaseModel):
    """Body of ``POST /chargers/{id}/stop``."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"transaction_id": "b6a0c6f4"}, {}]}
    )
    transaction_id: str | None = Field(
        None, min_length=1, max_length=36, description="transaction to stop (default: the active one)"
    )


class ErrorBody(BaseModel):
    detail: str
    code: str


_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "unknown charger"},
    409: {"model": ErrorBody, "description": "charger not connected, or nothing to stop"},
    422: {"model": ErrorBody, "description": "invalid request body"},
    502: {"model": ErrorBody, "description": "the station answered with a CALLERROR"},
    504: {"model": ErrorBody, "description": "no answer from the station in time"},
}


def _charger_or_404(server: OCPPServer, charger_id: str) -> dict[str, Any]:
    status = server.get_charger_status(charger_id)
    if status is None:
        raise ApiError(404, "charger_not_found", f"charger {charger_id!r} is not known")
    return status


def _require_connected(server: OCPPServer, charger_id: str) -> None:
    if _charger_or_404(server, charger_id).get("connection") != "connected":
        raise ApiError(409, "charger_not_connected", f"charger {charger_id!r} is not connected")


async def _command(charger_id: str, coro: Any) -> dict[str, Any]:
    """Await a command towards a station and map its failures to HTTP errors."""
    try:
        response = await coro
    except NotConnectedError as exc:
        raise ApiError(409, "charger_not_connected", str(exc)) from exc
    except CallTimeoutError as exc:
        raise ApiError(504, "station_timeout", str(exc)) from exc
    except OCPPError as exc:
        raise ApiError(
            502, "station_call_error", f"{charger_id} answered {exc.code}: {exc.description}"
        ) from exc
    except OCPPKitError as exc:
        raise ApiError(409, "command_refused", str(exc)) from exc
    result: dict[str, Any] = to_wire_dict(response)
    return result


def create_app(server: OCPPServer) -> FastAPI:
    """The REST API over a running ``OCPPServer`` (it holds no state of its own)."""
    app = FastAPI(
        title="ocppkit CSMS API",
        version="0.1.0",
        description="Operate an OCPP 2.0.1 central system: list charging stations, read their "
        "state, start and stop transactions remotely.",
    )
    _install_error_handlers(app)

    @app.get("/health", summary="Liveness and the number of connected stations")
    async def health() -> dict[str, Any]:
        chargers = server.list_chargers()
        connected = sum(1 for c in chargers if c.get("connection") == "connected")
        return {"status": "ok", "chargers_connected": connected, "chargers_known": len(chargers)}

    @app.get("/chargers", summary="Every known charging station with its state")
    async def list_chargers() -> list[dict[str, Any]]:
        return server.list_chargers()

    @app.get("/chargers/{charger_id}", responses=_ERRORS, summary="One station's state")
    async def get_charger(charger_id: str) -> dict[str, Any]:
        return _charger_or_404(server, charger_id)

    @app.post("/chargers/{charger_id}/start", responses=_ERRORS,
              summary="RequestStartTransaction towards the station")
    async def start(
        charger_id: str, body: Annotated[StartRequest | None, Body()] = None
    ) -> dict[str, Any]:
        body = body or StartRequest()
        _require_connected(server, charger_id)
        kwargs: dict[str, Any] = {"evse_id": body.evse_id}
        if body.id_token:
            kwargs["id_token"] = body.id_token
        answer = await _command(charger_id, server.request_start_transaction(charger_id, **kwargs))
        return {"charger_id": charger_id, "evse_id": body.evse_id, **answer}

    @app.post("/chargers/{charger_id}/stop", responses=_ERRORS,
              summary="RequestStopTransaction towards the station")
    async def stop(
        charger_id: str, body: Annotated[StopRequest | None, Body()] = None
    ) -> dict[str, Any]:
        body = body or StopRequest()
        _require_connected(server, charger_id)
        coro = server.request_stop_transaction(charger_id, transaction_id=body.transaction_id)
        answer = await _command(charger_id, coro)
        return {"charger_id": charger_id, "transaction_id": body.transaction_id, **answer}

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail, "code": exc.code}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def bad_body(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'] if p != 'body') or 'body'}: {e['msg']}"
            for e in exc.errors()
        ]
        return JSONResponse(
            {"detail": "; ".join(problems), "code": "invalid_body"}, status_code=422
        )
