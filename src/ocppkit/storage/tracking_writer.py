"""``TrackingWriter``: the writes of the CSMS's tracking tables (commands, station messages,
station objects), with group commit.

Each ``write`` copies its records at once (the caller keeps changing them: a command is answered,
then makes progress), joins the batch being filled and waits for the commit holding it. One batch
is committed at a time, by whichever writer reaches the lock first; the changes that pile up
meanwhile share the next commit, so a burst of notifications from many stations costs a few
commits, not one each. Batches commit in order and commands are coalesced by id, the newest copy
winning, so the stored row is always the latest state.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from ocppkit.storage.database import Database
from ocppkit.storage.errors import StorageError
from ocppkit.storage.records import CommandRecord, StationMessageRecord, StationObjectRecord
from ocppkit.storage.repositories import ObjectKey, TrackingRepository
from ocppkit.storage.worker import DatabaseWorker


@dataclass(slots=True, eq=False)
class _Batch:
    done: asyncio.Future[None]
    commands: dict[int, CommandRecord] = field(default_factory=dict)
    messages: list[StationMessageRecord] = field(default_factory=list)
    objects: dict[ObjectKey, StationObjectRecord | None] = field(default_factory=dict)


class TrackingWriter:
    """Group-committed writes to the tracking tables through ``worker``."""

    def __init__(self, worker: DatabaseWorker) -> None:
        self._worker = worker
        self._pending: _Batch | None = None
        self._lock = asyncio.Lock()
        self.commits = 0

    async def write(
        self,
        commands: Iterable[CommandRecord] = (),
        messages: Iterable[StationMessageRecord] = (),
        objects: Iterable[StationObjectRecord] = (),
        removed: Iterable[ObjectKey] = (),
    ) -> None:
        """Store these changes; returns once they are committed.

        Raises:
            StorageError (or the driver's error): the commit failed.
        """
        batch = self._pending
        if batch is None:
            batch = self._pending = _Batch(asyncio.get_running_loop().create_future())
        for command in commands:
            batch.commands[command.id] = dataclasses.replace(command)
        batch.messages.extend(dataclasses.replace(message) for message in messages)
        for obj in objects:
            batch.objects[(obj.station_id, obj.kind, obj.key)] = dataclasses.replace(obj)
        for key in removed:
            batch.objects[key] = None
        async with self._lock:
            if self._pending is batch:
                self._pending = None
                await self._commit(batch)
        batch.done.result()

    async def _commit(self, batch: _Batch) -> None:
        try:
            await self._worker.run(lambda db: _write(db, batch))
        except BaseException as exc:
            failure = exc if isinstance(exc, Exception) else StorageError("the write was cancelled")
            batch.done.set_exception(failure)
            batch.done.exception()  # retrieved here: every waiter re-raises it itself
            if failure is not exc:
                raise
        else:
            self.commits += 1
            batch.done.set_result(None)


async def _write(db: Database, batch: _Batch) -> None:
    objects = [obj for obj in batch.objects.values() if obj is not None]
    removed = [key for key, obj in batch.objects.items() if obj is None]
    async with db.session() as session:
        await TrackingRepository(session).write(
            batch.commands.values(), batch.messages, objects, removed
        )
        await session.commit()


__all__ = ["TrackingWriter"]
