"""``DatabaseWorker``: a database's work on a thread with its own event loop.

Every statement against the database costs a round trip (asyncpg's socket, aiosqlite's thread),
and on the CSMS's loop each round trip waits its turn behind every station's frames: under load a
commit of five statements took five loop turns. Run on a loop of its own, the same async engine
answers at once, and the CSMS's loop pays one hop per batch (``run``). Nothing blocks either loop.

One piece of work runs at a time (``_gate``): a session's write transaction awaits its driver
between statements, and a blocking write run meanwhile on the same thread (``call``,
``submit``) would wait on SQLite's lock for a COMMIT that only this thread can send: "database
is locked" after the busy timeout. Gated, the blocking write runs before or after, never inside.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from ocppkit.storage.database import Database
from ocppkit.storage.errors import StorageError

T = TypeVar("T")
Work = Callable[[Database], Coroutine[Any, Any, T]]
Done = Callable[[T | None, BaseException | None], None]


class DatabaseWorker:
    """The ``Database`` at ``url``, used only from the worker's own thread and loop.

    Args:
        url: a database URL (see ``Database``).

    Raises:
        DatabaseUrlError: from the constructor, for a URL that cannot be used.
    """

    def __init__(self, url: str) -> None:
        self.db = Database(url)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Future[None] | None = None
        self._gate: asyncio.Lock | None = None

    @property
    def display_url(self) -> str:
        return self.db.display_url

    async def start(self) -> None:
        """Start the thread and connect the database there.

        Raises:
            DatabaseUrlError, DatabaseUnavailableError: as ``Database.connect``.
        """
        if self._thread is not None:
            raise RuntimeError("the database worker is already started")
        caller = asyncio.get_running_loop()
        ready, self._stopped = caller.create_future(), caller.create_future()
        self._thread = threading.Thread(
            target=self._main, args=(caller, ready), name="ocppkit-database", daemon=True
        )
        self._thread.start()
        await ready
        try:
            await self.run(Database.connect)
        except BaseException:
            await self._stop_thread()
            raise

    def _main(self, caller: asyncio.AbstractEventLoop, ready: asyncio.Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._gate = asyncio.Lock()
        caller.call_soon_threadsafe(ready.set_result, None)
        try:
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            stopped = self._stopped
            if stopped is not None and not caller.is_closed():
                caller.call_soon_threadsafe(_resolve, stopped)

    async def run(self, work: Work[T]) -> T:
        """Run ``await work(db)`` on the worker's loop and return its result (or raise its error).

        Raises:
            StorageError: the worker is not running.
        """
        loop = self._loop
        if loop is None or self._thread is None:
            raise StorageError(f"database {self.display_url} is not open")
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self._gated(work), loop))

    async def _gated(self, work: Work[T]) -> T:
        assert self._gate is not None
        async with self._gate:
            return await work(self.db)

    async def _gated_call(self, work: Callable[[Database], T]) -> T:
        assert self._gate is not None
        async with self._gate:
            return work(self.db)

    async def call(self, work: Callable[[Database], T]) -> T:
        """Run the plain function ``work(db)`` on the worker's thread (it may block: nothing else
        waits on that thread) and return its result (or raise its error).

        Raises:
            StorageError: the worker is not running.
        """
        loop = self._loop
        if loop is None or self._thread is None:
            raise StorageError(f"database {self.display_url} is not open")
        future = asyncio.run_coroutine_threadsafe(self._gated_call(work), loop)
        return await asyncio.wrap_future(future)

    def submit(self, work: Callable[[Database], T], done: Done[T]) -> None:
        """Run the plain function ``work(db)`` on the worker's thread, then ``done(result, None)``
        or ``done(None, error)`` on that thread too: ``done`` must be thread-safe (it hands the
        outcome to its own loop with ``call_soon_threadsafe``). Unlike ``call``, the caller's loop
        pays no hop of its own for the answer: the write queue resolves its waiters in one.

        Raises:
            StorageError: the worker is not running.
        """
        loop = self._loop
        if loop is None or self._thread is None:
            raise StorageError(f"database {self.display_url} is not open")
        self._finish(asyncio.run_coroutine_threadsafe(self._gated_call(work), loop), done)

    def submit_async(self, work: Work[T], done: Done[T]) -> None:
        """As ``submit``, for ``await work(db)`` run on the worker's loop.

        Raises:
            StorageError: the worker is not running.
        """
        loop = self._loop
        if loop is None or self._thread is None:
            raise StorageError(f"database {self.display_url} is not open")
        self._finish(asyncio.run_coroutine_threadsafe(self._gated(work), loop), done)

    @staticmethod
    def _finish(future: concurrent.futures.Future[T], done: Done[T]) -> None:
        def finished(future: concurrent.futures.Future[T]) -> None:
            # Runs on the worker's thread, which completed the future.
            if future.cancelled():
                done(None, concurrent.futures.CancelledError())
            elif (error := future.exception()) is not None:
                done(None, error)
            else:
                done(future.result(), None)

        future.add_done_callback(finished)

    async def close(self) -> None:
        """Close the database, then end the thread."""
        if self._thread is None:
            return
        try:
            await self.run(Database.close)
        finally:
            await self._stop_thread()

    async def _stop_thread(self) -> None:
        loop, thread, stopped = self._loop, self._thread, self._stopped
        if loop is not None and thread is not None and stopped is not None:
            loop.call_soon_threadsafe(loop.stop)
            await stopped
            thread.join()  # the thread has left its loop: this returns at once
        self._loop = self._thread = self._stopped = None


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


__all__ = ["DatabaseWorker"]
