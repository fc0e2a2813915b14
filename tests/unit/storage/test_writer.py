"""WriteBehind: group commit, coalescing, flush on close, failures."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from ocppkit.storage import (
    CommandRecord,
    ConnectorStatusRecord,
    ConnectorStatusRepository,
    Database,
    DatabaseWorker,
    MeterValueRecord,
    MeterValueRepository,
    StationMessageRecord,
    StationObjectRecord,
    StationRecord,
    StationRepository,
    StorageError,
    TrackingRepository,
    TransactionEventRecord,
    TransactionRecord,
    TransactionRepository,
    WriteBehind,
    raw,
)
from ocppkit.storage.raw import SQLITE_CHUNK, sqlite_time
from ocppkit.storage.tables import MeterValueRow, StationRow, TransactionEventRow

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
    writer.add_event(
        TransactionEventRecord("r1", "CP", "TX", 0, "Started", "Authorized", T0, False, {}, T0)
    )
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


async def test_a_transaction_event_batch_reads_back_as_written(
    db: Database, writer: WriteBehind
) -> None:
    # More meter values than one multi-row INSERT takes; times in another zone come back UTC.
    plus_two = T0.astimezone(timezone(timedelta(hours=2)))
    writer.put_station(StationRecord("CP", first_seen=T0))
    values = [
        MeterValueRecord(
            "CP",
            1,
            "r1",
            plus_two + timedelta(seconds=n),
            "Power.Active.Import",
            float(n),
            phase="L1",
            unit="W",
            context="Sample.Periodic",
        )
        for n in range(SQLITE_CHUNK + 5)
    ]
    payload = {"eventType": "Started", "seqNo": 0, "meterValue": [{"sampledValue": []}]}
    event = TransactionEventRecord(
        "r1", "CP", "TX", 0, "Started", "Authorized", plus_two, True, payload, T0
    )
    writer.add_deferred(
        [TransactionRecord("r1", "CP", "TX", plus_two, 0, ended_at=None, meter_last_wh=1.5)],
        lambda: (event, values),
    )
    async with asyncio.timeout(10):
        await writer.committed()
        # A resent event (same transaction and seqNo) is skipped, not an error.
        writer.add_event(
            TransactionEventRecord(
                "r1", "CP", "TX", 0, "Started", "Authorized", T0, False, {"again": True}, T0
            )
        )
        await writer.committed()
        await writer.close()
    async with db.session() as session:
        stored = await TransactionRepository(session).get("r1")
        events = await TransactionRepository(session).events("r1")
        meter = await MeterValueRepository(session).for_transaction("r1")
        raw_time = (await session.execute(text("SELECT started_at FROM transactions"))).scalar()
    assert stored is not None and stored.started_at == T0 and stored.meter_last_wh == 1.5
    assert [(e.payload, e.offline, e.timestamp) for e in events] == [(payload, True, T0)]
    assert len(meter) == SQLITE_CHUNK + 5
    assert (meter[3].timestamp, meter[3].value, meter[3].phase, meter[3].context) == (
        T0 + timedelta(seconds=3),
        3.0,
        "L1",
        "Sample.Periodic",
    )
    assert raw_time == sqlite_time(T0) == "2025-01-02 03:04:05.000000"  # SQLAlchemy's own format


async def test_tracking_payloads_given_as_json_text_read_back_as_objects(
    db: Database, writer: WriteBehind
) -> None:
    """The tracker serialises once, to JSON text, which is written as is."""
    writer.put_station(StationRecord("CP", first_seen=T0))
    command = CommandRecord(1, "CP", "GetLog", 7, '{"requestId":7}', T0, "Accepted", '{"a":1}')
    writer.put_command(command)
    writer.add_station_message(StationMessageRecord(1, "CP", "X", '{"b":[1,2]}', T0, 7, 1))
    writer.put_station_object(StationObjectRecord("CP", "k", "1", '{"c":null}', T0, 1, "S"))
    async with asyncio.timeout(10):
        await writer.committed()
    async with db.session() as session:
        repository = TrackingRepository(session)
        commands = await repository.commands("CP")
        messages = await repository.messages("CP")
        objects = await repository.objects("CP")
    assert [(c.payload, c.response) for c in commands] == [({"requestId": 7}, {"a": 1})]
    assert [m.payload for m in messages] == [{"b": [1, 2]}]
    assert [o.payload for o in objects] == [{"c": None}]


async def test_deferred_rows_are_built_on_the_database_thread(
    db: Database, writer: WriteBehind
) -> None:
    built_on: list[threading.Thread] = []
    payload = '{"eventType":"Updated","seqNo":1}'  # JSON text is stored as is

    def rows() -> tuple[TransactionEventRecord, list[MeterValueRecord]]:
        built_on.append(threading.current_thread())
        event = TransactionEventRecord(
            "r1", "CP", "TX", 1, "Updated", "MeterValuePeriodic", T0, False, payload, T0
        )
        return event, [MeterValueRecord("CP", 1, "r1", T0, "Power.Active.Import", 7.0)]

    writer.put_station(StationRecord("CP", first_seen=T0))
    writer.add_deferred([TransactionRecord("r1", "CP", "TX", T0, 1, meter_last_wh=2.0)], rows)
    assert built_on == []  # nothing built when queued
    async with asyncio.timeout(10):
        await writer.committed()
        await writer.close()
    assert built_on and built_on[0] is not threading.current_thread()
    async with db.session() as session:
        stored = await TransactionRepository(session).get("r1")
        events = await TransactionRepository(session).events("r1")
        meter = await MeterValueRepository(session).for_transaction("r1")
    assert stored is not None and stored.meter_last_wh == 2.0
    assert [e.payload for e in events] == [{"eventType": "Updated", "seqNo": 1}]
    assert [(m.measurand, m.value) for m in meter] == [("Power.Active.Import", 7.0)]


def test_a_postgresql_batch_is_one_statement_with_a_document_per_table() -> None:
    statements = (
        raw.set_last_seen("postgresql", StationRow),
        raw.insert_ignoring("postgresql", TransactionEventRow, ("transaction_ref", "seq_no")),
        raw.insert("postgresql", MeterValueRow),
    )
    sql = raw._postgres_with(statements)
    assert sql.startswith("WITH w0 AS (UPDATE ") and sql.endswith(" SELECT 1")
    assert [sql.count(f"${n}::text::json") for n in (1, 2, 3, 4)] == [1, 1, 1, 0]
    event = statements[1].values(
        ["r1", "CP", "TX", 0, "Started", "Authorized", T0, False, '{"a":1}', T0]
    )
    assert raw._document([event]).startswith('[{"transaction_ref":"r1"')
    assert '"payload":{"a":1}' in raw._document([event])  # embedded, not a JSON string
    with pytest.raises(ValueError, match="naive"):
        statements[2].values(
            [
                "CP",
                1,
                "r1",
                datetime(2025, 1, 1),
                "Energy.Active.Import.Register",
                1.0,
                None,
                None,
                None,
                0,
                None,
            ]
        )


async def test_a_cancelled_waiter_leaves_the_others_waiting(writer: WriteBehind) -> None:
    writer.put_station(StationRecord("CP", first_seen=T0))
    first = asyncio.ensure_future(writer.committed())
    second = asyncio.ensure_future(writer.committed())
    await asyncio.sleep(0)
    first.cancel()
    async with asyncio.timeout(10):
        await second
    assert writer.commits == 1


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        sqlite_time(datetime(2025, 1, 1))


async def test_a_queued_commit_never_lands_inside_a_session_write(db: Database) -> None:
    """A session's write transaction awaits its driver between statements; the queue's blocking
    commit on the same thread must wait for it, not for SQLite's lock ("database is locked")."""
    worker = DatabaseWorker(db.url.render_as_string())
    await worker.start()
    queue = WriteBehind(worker)
    queue.start()
    in_session = asyncio.Event()
    caller = asyncio.get_running_loop()

    async def slow_session_write(database: Database) -> None:
        async with database.session() as session:
            await StationRepository(session).upsert_many([StationRecord("CP-S", first_seen=T0)])
            caller.call_soon_threadsafe(in_session.set)
            await asyncio.sleep(0.3)  # the transaction stays open, holding SQLite's lock
            await session.commit()

    try:
        async with asyncio.timeout(10):
            session_write = asyncio.ensure_future(worker.run(slow_session_write))
            await in_session.wait()
            queue.put_station(StationRecord("CP-Q", first_seen=T0))
            await queue.committed()
            await session_write
    finally:
        await queue.close()
        await worker.close()
    async with db.session() as session:
        stations = await StationRepository(session).all()
    assert {s.id for s in stations} == {"CP-S", "CP-Q"}
