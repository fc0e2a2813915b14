"""What ocppkit's two HTTP APIs share (the CSMS's REST API and a fleet's control API): the error
type and its JSON body, the error handlers, and uvicorn serving an app inside the caller's loop.

It needs FastAPI, pydantic and uvicorn only: a fleet process imports it without loading the CSMS
or its storage.

Every error is JSON ``{"detail": "<what was wrong>", "code": "<machine-readable code>"}``; a 422
adds ``errors: [{field, rule, message}]``; an unknown path is 404 ``not_found``, a wrong method
405 ``method_not_allowed``, a bug 500 ``internal_error``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Iterator, Sequence
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("ocppkit.api")

_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 400: "bad_request"}


class ApiError(Exception):
    """An error answered as ``{"detail", "code", ...extra}`` with an HTTP status."""

    def __init__(
        self, status: int, code: str, detail: str, extra: dict[str, Any] | None = None
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        return {"detail": self.detail, "code": self.code, **self.extra}


class ErrorBody(BaseModel):
    """Every error: what was wrong and a machine-readable code."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [{"detail": "charger 'CP_1' is not known", "code": "charger_not_found"}]
        },
    )
    detail: str
    code: str


class Violation(BaseModel):
    field: str = Field(description="dotted path of the offending field")
    rule: str = Field(description="the rule it breaks (pydantic error type)")
    message: str


class ValidationErrorBody(ErrorBody):
    """A request whose body or payload breaks its schema."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "detail": "ResetRequest: type: Input should be 'Immediate' or 'OnIdle'",
                    "code": "invalid_payload",
                    "errors": [
                        {
                            "field": "type",
                            "rule": "enum",
                            "message": "Input should be 'Immediate' or 'OnIdle'",
                        }
                    ],
                }
            ]
        },
    )
    errors: list[Violation] = Field(default_factory=list)


def error_response(status: int, code: str, detail: str, **extra: Any) -> JSONResponse:
    """The JSON error body with its status."""
    return JSONResponse({"detail": detail, "code": code, **extra}, status_code=status)


# A request body that is not JSON, told as one sentence instead of pydantic's errors: FastAPI
# reads a body sent without ``Content-Type: application/json`` as text and then reports "Input
# should be a valid dictionary", and a body that does not parse as JSON as an error in field "0".
_NOT_AN_OBJECT = {"model_attributes_type", "dict_type", "model_type"}


def _is_json(request: Request) -> bool:
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def body_problem(request: Request, errors: Sequence[Any]) -> str | None:
    """What is wrong with the whole body (one sentence), or None when the errors are about its
    fields."""
    for error in errors:
        loc = tuple(error.get("loc", ()))
        if not loc or loc[0] != "body":
            continue
        kind = error.get("type")
        if kind == "json_invalid":
            reason = (error.get("ctx") or {}).get("error") or error.get("msg", "")
            return f"body is not valid JSON ({reason})"
        if loc == ("body",) and kind == "missing":
            return "body missing: send a JSON object (Content-Type: application/json)"
        if loc == ("body",) and kind in _NOT_AN_OBJECT:
            if not _is_json(request):
                return "body must be JSON (Content-Type: application/json)"
            return f"body must be a JSON object, not {_json_kind(error.get('input'))}"
    return None


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "null" if value is None else type(value).__name__


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error of ``app`` with the JSON error body."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problem = body_problem(request, exc.errors())  # not JSON at all: one sentence
        if problem is not None:
            body = [{"field": "body", "rule": "json", "message": problem}]
            return error_response(422, "invalid_body", problem, errors=body)
        errors = [
            {
                "field": ".".join(str(p) for p in e["loc"] if p != "body") or "body",
                "rule": e["type"],
                "message": e["msg"],
            }
            for e in exc.errors()
        ]
        in_body = any(e["loc"] and e["loc"][0] == "body" for e in exc.errors())
        return error_response(
            422,
            "invalid_body" if in_body else "invalid_parameter",
            "; ".join(f"{e['field']}: {e['message']}" for e in errors),
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return JSONResponse(
            {"detail": str(exc.detail), "code": code},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "internal_error", f"internal error: {type(exc).__name__}")


class _InLoopServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # The process owner (ocppkit's runner) handles SIGINT/SIGTERM and stops us.
        yield


class ApiServer:
    """uvicorn serving ``app`` on ``host:port`` as a task of the running loop.

    ``port=0`` binds an ephemeral port; ``port`` holds the bound one after ``start()``. An
    ``asyncio.Event`` at ``app.state.closing`` is set by ``stop()``, so that endless responses
    (event streams) end.
    """

    def __init__(
        self,
        app: FastAPI,
        host: str = "0.0.0.0",
        port: int = 8080,
        sock: socket.socket | None = None,
    ) -> None:
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=5,  # a backstop: open event streams end on stop()
        )
        self._app = app
        self._server = _InLoopServer(config)
        self._task: asyncio.Task[None] | None = None
        self._socket = sock  # bound already (``bind``), or by ``start``
        self.host = host
        self.port = port if sock is None else sock.getsockname()[1]

    def bind(self) -> None:
        """Bind the address now (``start`` serves on it); ``port`` holds the bound one.

        Raises:
            OSError: the address cannot be bound (e.g. the port is in use).
        """
        if self._socket is None:
            self._socket = socket.create_server((self.host, self.port))
            self.port = self._socket.getsockname()[1]

    async def start(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Start serving; return once the socket listens.

        Raises:
            OSError: the address cannot be bound (e.g. the port is in use).
        """
        # Bound here, not by uvicorn: uvicorn answers a bind failure with sys.exit().
        self.bind()
        sock, self._socket = self._socket, None
        assert sock is not None
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        async with asyncio.timeout(timeout):
            while not self._server.started:
                if self._task.done():
                    self._task.result()
                    raise OSError(f"the HTTP API on {self.host}:{self.port} stopped at start")
                await asyncio.sleep(0.01)

    @property
    def app(self) -> FastAPI:
        return self._app

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    async def stop(self) -> None:
        """Stop serving and wait for uvicorn to finish."""
        if self._socket is not None:  # bound, never started
            self._socket.close()
            self._socket = None
        if self._task is None:
            return
        closing = getattr(self._app.state, "closing", None)
        if isinstance(closing, asyncio.Event):
            closing.set()
        self._server.should_exit = True
        with contextlib.suppress(Exception):
            await self._task
        self._task = None


__all__ = [
    "ApiError",
    "ApiServer",
    "ErrorBody",
    "ValidationErrorBody",
    "Violation",
    "error_response",
    "install_error_handlers",
]
