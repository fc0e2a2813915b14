"""Serving the REST API with uvicorn inside the caller's event loop (the CSMS's loop)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator

import uvicorn
from fastapi import FastAPI


class _InLoopServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # The process owner (ocppkit's runner) handles SIGINT/SIGTERM and stops us.
        yield


class ApiServer:
    """uvicorn serving ``app`` on ``host:port`` as a task of the running loop.

    ``port=0`` binds an ephemeral port; ``port`` holds the bound one after ``start()``.
    """

    def __init__(self, app: FastAPI, host: str = "0.0.0.0", port: int = 8080) -> None:
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
        self._socket: socket.socket | None = None
        self.host = host
        self.port = port

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
                    raise OSError(f"the REST API on {self.host}:{self.port} stopped at start")
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
        operator = getattr(self._app.state, "operator", None)
        if operator is not None:
            operator.closing.set()  # live event streams end
        self._server.should_exit = True
        with contextlib.suppress(Exception):
            await self._task
        self._task = None
