"""WriteBehind: group commit, coalescing, flush on close, failures."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from ocppkit.storage import (
    ConnectorStatusRecord,
    ConnectorStatusRepository,
    Database,
    DatabaseWorker,
    StationRecord,
    StationRepository,
    StorageError,
    TransactionEventRecord,
    TransactionRecord,
    TransactionRepository,
    WriteBehind,
)

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.fixture
async def writer(db: Database) -> AsyncIterator[WriteBehind]:
    """A started queue writing to ``db``'s file from a worker thread."""
    worker = DatabaseWorker(db.url.render_as_string())
    await worker.start()
    queue = WriteBehind(worker)
    queue.start()
    yield queue
    await queue.close()
    await worker.close()


async def test_concurrent_writers_share_commits(db: Database, writer: WriteBehind) -> None:

    async def station(n: int) -> None:
        for step in range(5):
            writer.put_station(StationRecord(f"CP{n}", vendor=f"v{step}", first_seen=T0))
            await writer.committed()

    async with asyncio.timeout(10):
        await asyncio.gather(*(station(n) for n in range(50)))
        await writer.close()
    assert writer.commits < 50 * 5 / 2  # many stations per commit
    async with db.session() as session:
        stations = await StationRepository(session).all()
    assert len(stations) == 50 and {s.vendor for s in stations} == {"v4"}


async def test_snapshots_coalesce_and_children_follow_parents(
    db: Database, writer: WriteBehind
) -> None:
    # Queued without waiting: the transaction's rows are written after the station's.
    writer.add_status(ConnectorStatusRecord("CP", 1, 1, "Available", T0, T0))
    writer.put_transaction(TransactionRecord("r1", "CP", "TX", T0, 0))
    writer.add_event(TransactionEventRecord("r1", "CP", "TX", 0, "Started", "Authorized", T0,
                                            False, {}, T0))
    writer.put_transaction(TransactionRecord("r1", "CP", "TX", T0, 1, meter_last_wh=5.0))
    writer.put_station(StationRecord("CP", first_seen=T0))
    writer.touch_station("CP", T0)
    async with asyncio.timeout(10):
        await writer.committed()
        await writer.close()
    async with db.session() as session:
        stored = await TransactionRepository(session).get("r1")
        history = await ConnectorStatusRepository(session).history("CP")
    assert stored is not None and (stored.seq_no, stored.meter_last_wh) == (1, 5.0)
    assert [h.status for h in history] == ["Available"]


async def test_close_writes_what_is_queued_and_then_refuses(
    db: Database, writer: WriteBehind
) -> None:
    writer.put_station(StationRecord("CP-LATE", first_seen=T0))  # nobody awaits it
    async with asyncio.timeout(10):
        await writer.close()
    async with db.session() as session:
        assert await StationRepository(session).get("CP-LATE") is not None
    with pytest.raises(StorageError, match="not running"):
        writer.put_station(StationRecord("CP-AFTER"))


async def test_a_failed_commit_fails_its_waiters_and_the_writer_goes_on(
    writer: WriteBehind,
) -> None:
    # A transaction of a station that does not exist breaks the foreign key.
    writer.put_transaction(TransactionRecord("r1", "NO-SUCH-STATION", "TX", T0, 0))
    async with asyncio.timeout(10):
        with pytest.raises(StorageError, match="commit failed"):
            await writer.committed()
        writer.put_station(StationRecord("CP", first_seen=T0))
        await writer.committed()
        await writer.close()
    assert writer.commits == 1
