"""Database: URL checks, connecting, migrations (programmatic and from the alembic command)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect, text

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.storage import (
    Database,
    DatabaseUnavailableError,
    DatabaseUrlError,
    StationRecord,
    StationRepository,
)
from ocppkit.storage.tables import Base

ROOT = Path(__file__).resolve().parents[3]
TABLES = {
    "stations",
    "connector_status_history",
    "id_tokens",
    "transactions",
    "device_models",
    "commands",
    "station_messages",
    "station_objects",
    "sites",
    "transaction_events",
    "meter_values",
    "station_security",
    "api_keys",
    "security_events",
    "tariffs",
    "alembic_version",
}


@pytest.mark.parametrize(
    "url, message",
    [
        ("not a url", "is not a valid URL"),
        ("mysql+aiomysql://root@localhost/test", "is not supported"),
        ("sqlite:///ocppkit.db", "is not supported"),  # a sync driver
        ("postgresql://postgres:secret@localhost/test", "is not supported"),
    ],
)
def test_unusable_urls_are_refused_with_the_reason(url: str, message: str) -> None:
    with pytest.raises(DatabaseUrlError, match=message) as caught:
        Database(url)
    assert isinstance(caught.value, OCPPKitError)
    assert "secret" not in str(caught.value)


async def test_a_sqlite_file_in_a_missing_folder_is_unavailable(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'x.db'}")
    with pytest.raises(DatabaseUnavailableError, match="missing does not exist"):
        await db.connect()


async def test_an_unreachable_postgresql_is_unavailable() -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = Database(f"postgresql+asyncpg://u:pw@127.0.0.1:{port}/nothing")
    with pytest.raises(DatabaseUnavailableError, match=f"127.0.0.1:{port}") as caught:
        await db.connect()
    assert "pw" not in str(caught.value)


def _schema_differences(connection: Connection) -> list[object]:
    return compare_metadata(MigrationContext.configure(connection), Base.metadata)


async def test_migrate_creates_the_models_schema_and_is_idempotent(db: Database) -> None:
    await db.migrate()  # a second time: nothing to do
    async with db.engine.connect() as conn:
        tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
        differences = await conn.run_sync(_schema_differences)
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    assert tables == TABLES
    assert differences == []
    assert version == "0010"


async def test_timestamps_come_back_aware_utc(db: Database) -> None:
    seen = datetime(2025, 1, 2, 5, 4, 5, 123456, tzinfo=timezone(timedelta(hours=2)))
    async with db.session() as session:
        await StationRepository(session).upsert_many([StationRecord("CP", last_seen=seen)])
        await session.commit()
        stored = await StationRepository(session).get("CP")
    assert stored is not None and stored.last_seen == seen
    assert stored.last_seen.tzinfo == UTC


async def test_naive_timestamps_are_refused(db: Database) -> None:
    async with db.session() as session:
        with pytest.raises(Exception, match="naive datetime"):
            await StationRepository(session).upsert_many(
                [StationRecord("CP", last_seen=datetime(2025, 1, 1))]
            )


def test_alembic_command_line_upgrades_a_new_database(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    env = {k: v for k, v in os.environ.items() if k != "OCPPKIT_DATABASE_URL"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "alembic",
            "-c",
            str(ROOT / "src/ocppkit/storage/alembic.ini"),
            "-x",
            f"url={url}",
            "upgrade",
            "head",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Running upgrade  -> 0001" in result.stderr
    assert (tmp_path / "cli.db").exists()
