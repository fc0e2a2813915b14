"""Retention (issue 12 point 4): on SQLite and PostgreSQL, rows older than each kind's days are
deleted in small batches, newer rows and current state (stations, transactions) stay, and the
policy comes from --retention-days and the per-kind flags or TOML keys."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from test_csms_persistence import EVSE_1, csms, status, stored
from test_csms_persistence import url as url  # the SQLite / PostgreSQL fixture
from test_csms_support import FixedClock, RawStation, energy
from test_csms_support import transaction_event as event

from ocppkit import cli
from ocppkit.csms.persistence import DatabaseStore
from ocppkit.storage.retention import RetentionPolicy
from ocppkit.storage.tables import (
    ConnectorStatusRow,
    MeterValueRow,
    StationMessageRow,
    StationRow,
    TransactionEventRow,
    TransactionRow,
)

SECURITY_EVENT = {"type": "FirmwareUpdated", "timestamp": "2025-01-02T03:04:05Z"}
LATER = "2025-02-11T03:04:05Z"  # 40 days after T0


async def counts(url: str) -> dict[str, Any]:
    async with stored(url) as session:
        found: dict[str, Any] = {}
        for row in (
            TransactionEventRow,
            ConnectorStatusRow,
            MeterValueRow,
            StationMessageRow,
            StationRow,
            TransactionRow,
        ):
            found[row.__tablename__] = await session.scalar(select(func.count()).select_from(row))
        seqs = await session.scalars(select(TransactionEventRow.seq_no).order_by("seq_no"))
        found["seq_nos"] = list(seqs)
    return found


async def test_old_rows_are_pruned_in_batches_and_the_rest_stays(url: str) -> None:
    clock = FixedClock()
    policy = RetentionPolicy(frames=30, events=30, meter_values=30)
    async with csms(url, clock, retention=policy) as server:
        station = await RawStation.connect(server.port)
        await station.result("TransactionEvent", event("Started", 0, **EVSE_1))
        for seq in (1, 2, 3):
            await station.result("TransactionEvent", event("Updated", seq, samples=[energy(seq)]))
        await station.result("StatusNotification", status(1, 1, "Occupied"))
        await station.result("SecurityEventNotification", SECURITY_EVENT)
        clock.now += timedelta(days=40)
        recent = [{"timestamp": LATER, "sampledValue": [energy(9000)]}]
        await station.result("TransactionEvent", event("Updated", 4, meterValue=recent))
        await station.result("StatusNotification", status(1, 1, "Available"))
        await station.result("SecurityEventNotification", {**SECURITY_EVENT, "timestamp": LATER})
        await station.close()
        store = server._store
        assert isinstance(store, DatabaseStore)
        await store._writer.committed()
        before = await counts(url)
        deleted = await store.prune(batch=2, pause=0)  # several batches for the events
        assert await store.prune(batch=2, pause=0) == 0  # nothing left to do
    after = await counts(url)
    assert before["seq_nos"] == [0, 1, 2, 3, 4]
    assert after["seq_nos"] == [4]
    assert (after["connector_status_history"], after["meter_values"]) == (1, 1)
    assert after["station_messages"] == before["station_messages"] - 1
    assert (after["stations"], after["transactions"]) == (1, 1)  # state is never pruned
    assert deleted == sum(before[k] - after[k] for k in before if k != "seq_nos")


async def test_each_kind_has_its_own_days(url: str) -> None:
    clock = FixedClock()
    async with csms(url, clock, retention=RetentionPolicy(meter_values=30)) as server:
        station = await RawStation.connect(server.port)
        await station.result("TransactionEvent", event("Started", 0, samples=[energy(1)]))
        clock.now += timedelta(days=40)
        await station.result("StatusNotification", status(1, 1, "Available"))
        await station.close()
        store = server._store
        assert isinstance(store, DatabaseStore)
        await store._writer.committed()
        assert await store.prune() == 1  # the meter value only
    after = await counts(url)
    assert (after["meter_values"], after["seq_nos"]) == (0, [0])


async def test_without_a_policy_nothing_is_pruned(url: str) -> None:
    clock = FixedClock()
    async with csms(url, clock) as server:
        station = await RawStation.connect(server.port)
        await station.result("TransactionEvent", event("Started", 0, samples=[energy(1)]))
        await station.close()
        clock.now += timedelta(days=4_000)
        store = server._store
        assert isinstance(store, DatabaseStore)
        assert store._pruner is None
        assert await store.prune() == 0
    assert (await counts(url))["meter_values"] == 1


def test_the_policy_comes_from_the_flags_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "csms.toml"
    path.write_text("retention_days = 90\nretention_frames_days = 7\n", encoding="utf-8")
    args = cli.build_parser().parse_args(
        ["server", "--config", str(path), "--retention-meter-values-days", "365"]
    )
    assert cli._server_options(args).retention == RetentionPolicy(
        frames=7, events=90, meter_values=365
    )
    bad = cli.build_parser().parse_args(["server", "--retention-days", "0"])
    with pytest.raises(ValueError, match="retention_days"):
        cli._server_options(bad)
