"""The CSMS on a real database, SQLite and PostgreSQL alike: schema from empty, restart in the
middle of a transaction, status history, meter values, duplicate events, flush on stop; and the
command line's ``--database-url``."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from databases import BACKENDS, database_url
from sqlalchemy import inspect
from test_csms_support import WAIT, FixedClock, RawStation, boot_payload, energy, power
from test_csms_support import transaction_event as event

from ocppkit.csms import OCPPServer
from ocppkit.storage import (
    ConnectorStatusRepository,
    Database,
    IdTokenRecord,
    IdTokenRepository,
    MeterValueRepository,
    StationRepository,
    TransactionRepository,
)
from ocppkit.storage.tables import Base

ROOT = Path(__file__).resolve().parents[2]
TABLES = {
    "stations",
    "connector_status_history",
    "id_tokens",
    "transactions",
    "device_models",
    "commands",
    "station_messages",
    "station_objects",
    "transaction_events",
    "meter_values",
    "station_security",
    "api_keys",
    "security_events",
    "sites",
    "tariffs",
    "alembic_version",
}
EVSE_1 = {"evse": {"id": 1, "connectorId": 1}}
TOKEN = {"idToken": {"idToken": "TOKEN-OK", "type": "ISO14443"}}


@pytest.fixture(params=BACKENDS)
async def url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with database_url(request.param, tmp_path) as address:
        yield address


@asynccontextmanager
async def csms(
    url: str, clock: FixedClock | None = None, **options: Any
) -> AsyncIterator[OCPPServer]:
    server = OCPPServer(
        "127.0.0.1", 0, clock=clock or FixedClock(), call_timeout=2.0, database_url=url, **options
    )
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        yield server
    finally:
        async with asyncio.timeout(WAIT):
            await server.stop()


@asynccontextmanager
async def stored(url: str) -> AsyncIterator[Any]:
    """A session on the database, to read what the CSMS stored."""
    async with Database(url) as db, db.session() as session:
        yield session


def status(evse_id: int, connector_id: int, value: str) -> dict[str, Any]:
    return {
        "timestamp": "2025-01-02T03:04:05Z",
        "connectorStatus": value,
        "evseId": evse_id,
        "connectorId": connector_id,
    }


async def test_migrations_create_the_schema_from_empty(url: str) -> None:
    async with Database(url) as db:
        await db.migrate()
        async with db.engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
            differences = await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(c), Base.metadata)
            )
    assert tables == TABLES
    assert differences == []


async def _half_a_transaction(url: str) -> None:
    async with csms(url) as server:
        station = await RawStation.connect(server.port)
        await station.result("BootNotification", boot_payload())
        await station.result("StatusNotification", status(1, 1, "Occupied"))
        await station.result(
            "TransactionEvent", event("Started", 0, samples=[energy(1000)], **EVSE_1, **TOKEN)
        )
        await station.result(
            "TransactionEvent", event("Updated", 1, samples=[energy(2500), power(7000)])
        )
    await station.close()


async def test_restart_mid_transaction_continues_it(url: str) -> None:
    await _half_a_transaction(url)
    async with csms(url) as server:
        restored = server.get_transaction("TX-1", "CP001")
        assert restored is not None and restored["active"]
        assert (restored["seq_no"], restored["meter_start_wh"], restored["energy_kwh"]) == (
            1,
            1000,
            1.5,
        )
        before = server.get_charger_status("CP001")
        assert before is not None and before["connection"] == "disconnected"
        assert before["boot"]["vendor"] == "Acme"
        assert before["transaction"]["transaction_id"] == "TX-1"
        assert before["evses"][0]["connectors"][0]["status"] == "Occupied"
        station = await RawStation.connect(server.port)
        await station.result("TransactionEvent", event("Updated", 2, samples=[energy(4000)]))
        await station.result(
            "TransactionEvent",
            event(
                "Ended",
                3,
                samples=[energy(5200)],
                transactionInfo={"transactionId": "TX-1", "stoppedReason": "EVDisconnected"},
            ),
        )
        ended = server.get_transaction("TX-1", "CP001")
        after = server.get_charger_status("CP001")
        await station.close()
    assert ended is not None and not ended["active"]
    assert (ended["energy_kwh"], ended["stopped_reason"], ended["seq_no"]) == (
        4.2,
        "EVDisconnected",
        3,
    )
    assert (ended["meter_stop_wh"], ended["peak_power_w"], ended["id_token"]) == (
        5200,
        7000,
        "TOKEN-OK",
    )
    assert after is not None and after["transaction"] is None
    async with stored(url) as session:
        transactions = await TransactionRepository(session).find("CP001", "TX-1")
        assert len(transactions) == 1  # the same record, continued
        events = await TransactionRepository(session).events(transactions[0].id)
    assert transactions[0].meter_stop_wh == 5200 and transactions[0].ended_at is not None
    assert [(e.seq_no, e.event_type) for e in events] == [
        (0, "Started"),
        (1, "Updated"),
        (2, "Updated"),
        (3, "Ended"),
    ]
    assert events[3].payload["transactionInfo"]["stoppedReason"] == "EVDisconnected"


async def test_status_history_is_recorded_and_the_latest_restored(url: str) -> None:
    changes = [(1, 1, "Available"), (1, 1, "Occupied"), (2, 1, "Faulted"), (1, 1, "Available")]
    async with csms(url) as server:
        station = await RawStation.connect(server.port)
        for evse_id, connector_id, value in changes:
            await station.result("StatusNotification", status(evse_id, connector_id, value))
        await station.close()
    async with stored(url) as session:
        history = await ConnectorStatusRepository(session).history("CP001")
    assert [(h.evse_id, h.connector_id, h.status) for h in history] == changes
    async with csms(url) as server:
        charger = server.get_charger_status("CP001")
    assert charger is not None
    assert [(e["evse_id"], e["status"]) for e in charger["evses"]] == [
        (1, "Available"),
        (2, "Faulted"),
    ]


async def test_meter_values_are_stored_with_measurand_phase_unit_context(url: str) -> None:
    samples = [
        energy(12.5, unit="kWh", context="Sample.Clock"),
        {"value": 231.5, "measurand": "Voltage", "phase": "L1-N", "unitOfMeasure": {"unit": "V"}},
        {
            "value": 7.4,
            "measurand": "Power.Active.Import",
            "unitOfMeasure": {"unit": "W", "multiplier": 3},
        },
    ]
    async with csms(url) as server:
        station = await RawStation.connect(server.port)
        await station.result(
            "TransactionEvent",
            event("Started", 0, samples=[energy(100, context="Transaction.Begin")], **EVSE_1),
        )
        await station.result(
            "MeterValues",
            {
                "evseId": 1,
                "meterValue": [{"timestamp": "2025-01-02T03:05:00Z", "sampledValue": samples}],
            },
        )
        await station.close()
    async with stored(url) as session:
        values = await MeterValueRepository(session).for_station("CP001", evse_id=1)
        tx = (await TransactionRepository(session).find("CP001", "TX-1"))[0]
    assert [(v.measurand, v.value, v.phase, v.unit, v.multiplier, v.context) for v in values] == [
        ("Energy.Active.Import.Register", 100, None, "Wh", 0, "Transaction.Begin"),
        ("Energy.Active.Import.Register", 12.5, None, "kWh", 0, "Sample.Clock"),
        ("Voltage", 231.5, "L1-N", "V", 0, "Sample.Periodic"),
        ("Power.Active.Import", 7.4, None, "W", 3, "Sample.Periodic"),
    ]
    assert {v.transaction_ref for v in values} == {tx.id}
    assert (tx.meter_start_wh, tx.meter_last_wh, tx.peak_power_w) == (100, 12500, 7400)


async def test_a_resent_transaction_event_is_stored_once(url: str) -> None:
    async with csms(url) as server:
        station = await RawStation.connect(server.port)
        for payload in [
            event("Started", 0, **EVSE_1),
            event("Started", 0, **EVSE_1),
            event("Updated", 1, samples=[energy(10)]),
            event("Updated", 1, samples=[energy(10)]),
        ]:
            await station.result("TransactionEvent", payload)
        await station.close()
    async with stored(url) as session:
        transactions = await TransactionRepository(session).find("CP001", "TX-1")
        events = await TransactionRepository(session).events(transactions[0].id)
    assert len(transactions) == 1
    assert [e.seq_no for e in events] == [0, 1]


async def test_stop_writes_what_is_still_queued(url: str) -> None:
    clock = FixedClock()
    async with csms(url, clock) as server:
        station = await RawStation.connect(server.port)
        await station.result("Heartbeat", {})
        # Only queued, never awaited: the link change that stop() itself causes.
    async with stored(url) as session:
        record = await StationRepository(session).get("CP001")
    assert record is not None
    assert (record.online, record.last_seen) == (False, clock.now)
    await station.close()


async def test_accepted_tokens_in_the_database_are_accepted(url: str) -> None:
    async with Database(url) as db:
        await db.migrate()
        async with db.session() as session:
            await IdTokenRepository(session).put(IdTokenRecord("STORED-1", "ISO14443"))
            await session.commit()
    async with csms(url, authorized_tokens=["TOKEN-OK"]) as server:
        station = await RawStation.connect(server.port)
        for token, expected in [("stored-1", "Accepted"), ("OTHER", "Invalid")]:
            reply = await station.result(
                "Authorize", {"idToken": {"idToken": token, "type": "ISO14443"}}
            )
            assert reply["idTokenInfo"]["status"] == expected
        await station.close()


def _cli(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocppkit.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "given, message",
    [
        ("mysql+aiomysql://root@localhost/x", "is not supported"),
        ("sqlite+aiosqlite:///no/such/folder/x.db", "does not exist"),
    ],
)
def test_a_bad_database_url_is_a_clear_error(tmp_path: Path, given: str, message: str) -> None:
    env = dict(os.environ, OCPPKIT_DATABASE_URL=given)
    for args in (["--database-url", given], []):  # the flag, then the environment variable
        result = _cli(
            [
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--api-port",
                "0",
                "--duration",
                "1",
                *args,
            ],
            tmp_path,
            env,
        )
        assert result.returncode == 1, result.stderr
        assert "ocppkit: " in result.stderr and message in result.stderr


def test_the_default_database_is_ocppkit_db_in_the_current_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OCPPKIT_DATABASE_URL"}
    result = _cli(
        ["server", "--host", "127.0.0.1", "--port", "0", "--api-port", "0", "--duration", "1"],
        tmp_path,
        env,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ocppkit.db").is_file()
