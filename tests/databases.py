"""Test databases: a SQLite file in a temporary folder, or a fresh PostgreSQL database.

PostgreSQL is reached at ``$OCPPKIT_TEST_POSTGRES_URL`` (default
``postgresql+asyncpg://postgres@127.0.0.1:5432/test``); each test gets its own database, created
from that one and dropped afterwards. When PostgreSQL cannot be reached the test is skipped, except
under CI (``$CI`` set), where it fails: CI must run the PostgreSQL tests.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

POSTGRES_URL = os.environ.get(
    "OCPPKIT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", "postgresql"]


async def _admin() -> asyncpg.Connection:
    dsn = make_url(POSTGRES_URL).set(drivername="postgresql")
    try:
        return await asyncpg.connect(dsn.render_as_string(hide_password=False), timeout=5)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        message = f"PostgreSQL at {POSTGRES_URL} is not reachable: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the PostgreSQL tests)")
        pytest.skip(message)


@asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """A new, empty PostgreSQL database; yields its URL; drops it afterwards."""
    name = f"ocppkit_test_{uuid.uuid4().hex[:12]}"
    admin = await _admin()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@asynccontextmanager
async def database_url(backend: str, folder: Path) -> AsyncIterator[str]:
    """An empty database of ``backend`` ("sqlite" or "postgresql"); yields its URL."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / 'ocppkit-test.db'}"
        return
    async with postgres_database() as url:
        yield url
