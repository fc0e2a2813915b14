"""Repositories on SQLite: upserts, history, queries, duplicate events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ocppkit.storage import (
    ConnectorStatusRecord,
    ConnectorStatusRepository,
    Database,
    IdTokenRecord,
    IdTokenRepository,
    MeterValueRecord,
    MeterValueRepository,
    StationRecord,
    StationRepository,
    TransactionEventRecord,
    TransactionRecord,
    TransactionRepository,
)

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


async def test_station_upsert_keeps_first_seen_and_replaces_the_rest(db: Database) -> None:
    async with db.session() as session:
        repo = StationRepository(session)
        await repo.upsert_many(
            [StationRecord("CP1", vendor="Acme", first_seen=at(0), last_seen=at(0), online=True)]
        )
        await repo.upsert_many(
            [
                StationRecord(
                    "CP1",
                    vendor="Other",
                    model="M",
                    first_seen=at(50),
                    last_seen=at(50),
                    online=True,
                )
            ]
        )
        await repo.set_last_seen({"CP1": at(60), "UNKNOWN": at(60)})
        await session.commit()
        stored = await repo.get("CP1")
        assert stored == StationRecord(
            "CP1", vendor="Other", model="M", first_seen=at(0), last_seen=at(60), online=True
        )
        await repo.mark_all_offline()
        await session.commit()
        assert [s.online for s in await repo.all()] == [False]
        assert await repo.get("UNKNOWN") is None


async def _station(db: Database, station_id: str = "CP1") -> None:
    async with db.session() as session:
        await StationRepository(session).upsert_many([StationRecord(station_id)])
        await session.commit()


async def test_status_history_in_order_and_the_latest_per_connector(db: Database) -> None:
    await _station(db)
    changes = [(1, 1, "Available"), (1, 1, "Occupied"), (2, 1, "Faulted"), (1, 1, "Available")]
    async with db.session() as session:
        repo = ConnectorStatusRepository(session)
        await repo.add_many(
            [
                ConnectorStatusRecord("CP1", evse, conn, status, at(i), at(i))
                for i, (evse, conn, status) in enumerate(changes)
            ]
        )
        await session.commit()
        history = await repo.history("CP1", evse_id=1, connector_id=1)
        latest = await repo.latest()
    assert [h.status for h in history] == ["Available", "Occupied", "Available"]
    assert {(s.evse_id, s.status) for s in latest} == {(1, "Available"), (2, "Faulted")}


async def test_accepted_tokens_leave_out_expired_and_blocked_ones(db: Database) -> None:
    async with db.session() as session:
        repo = IdTokenRepository(session)
        await repo.put(IdTokenRecord("OK", "ISO14443", group_id_token="G1"))
        await repo.put(IdTokenRecord("OLD", "ISO14443", expires_at=at(-1)))
        await repo.put(IdTokenRecord("LATER", "Central", expires_at=at(3600)))
        await repo.put(IdTokenRecord("BAD", "Central", status="Blocked"))
        await repo.put(IdTokenRecord("BAD", "Central", status="Accepted"))  # replaced
        await session.commit()
        accepted = await repo.accepted(T0)
        assert [t.id_token for t in accepted] == ["BAD", "LATER", "OK"]
        assert await repo.get("OK", "ISO14443") == IdTokenRecord(
            "OK", "ISO14443", group_id_token="G1"
        )


def _event(seq_no: int, ref: str = "r1", event_type: str = "Updated") -> TransactionEventRecord:
    payload = {"eventType": event_type, "seqNo": seq_no, "meterValue": [{"sampledValue": []}]}
    return TransactionEventRecord(
        ref,
        "CP1",
        "TX-1",
        seq_no,
        event_type,
        "MeterValuePeriodic",
        at(seq_no),
        False,
        payload,
        at(seq_no),
    )


async def test_transactions_events_and_their_queries(db: Database) -> None:
    await _station(db)
    first = TransactionRecord(
        "r0",
        "CP1",
        "TX-1",
        at(0),
        3,
        ended_at=at(10),
        meter_start_wh=0,
        meter_stop_wh=500,
        stopped_reason="Local",
    )
    again = TransactionRecord("r1", "CP1", "TX-1", at(20), 0, evse_id=1, meter_start_wh=1000)
    async with db.session() as session:
        repo = TransactionRepository(session)
        await repo.upsert_many([first, again])
        await repo.add_events([_event(0, event_type="Started"), _event(1), _event(1)])
        await repo.add_events([_event(1), _event(2)])  # a resend in a later statement
        again.seq_no, again.meter_last_wh = 2, 1500.0
        await repo.upsert_many([again])
        await session.commit()
        assert await repo.get("r1") == again
        assert [t.id for t in await repo.find("CP1", "TX-1")] == ["r0", "r1"]
        assert [t.id for t in await repo.active()] == ["r1"]
        assert [t.id for t in await repo.recent_ended(5)] == ["r0"]
        events = await repo.events("r1")
    assert [e.seq_no for e in events] == [0, 1, 2]
    assert events[1].payload == _event(1).payload


async def test_meter_values_by_transaction_and_by_station(db: Database) -> None:
    await _station(db)
    async with db.session() as session:
        await TransactionRepository(session).upsert_many(
            [TransactionRecord("r1", "CP1", "T", at(0), 0)]
        )
        await MeterValueRepository(session).add_many(
            [
                MeterValueRecord(
                    "CP1",
                    1,
                    "r1",
                    at(1),
                    "Energy.Active.Import.Register",
                    1.5,
                    unit="kWh",
                    context="Transaction.Begin",
                    location="Outlet",
                ),
                MeterValueRecord("CP1", 1, "r1", at(1), "Voltage", 230.1, phase="L1-N", unit="V"),
                MeterValueRecord(
                    "CP1", 0, None, at(2), "Power.Active.Import", 7.2, unit="W", multiplier=3
                ),
            ]
        )
        await session.commit()
        repo = MeterValueRepository(session)
        by_tx = await repo.for_transaction("r1")
        main_meter = await repo.for_station("CP1", evse_id=0)
    assert [(m.measurand, m.phase, m.unit, m.context) for m in by_tx] == [
        ("Energy.Active.Import.Register", None, "kWh", "Transaction.Begin"),
        ("Voltage", "L1-N", "V", None),
    ]
    assert [(m.value, m.multiplier, m.transaction_ref) for m in main_meter] == [(7.2, 3, None)]
