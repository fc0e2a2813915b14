"""``Database``: one database URL -> an async engine, a session factory and its migrations.

    db = Database("sqlite+aiosqlite:///ocppkit.db")    # or postgresql+asyncpg://user@host/db
    await db.connect()      # checks the URL and that the database answers
    await db.migrate()      # alembic upgrade head
    async with db.session() as session: ...
    await db.close()

SQLite runs in WAL mode with ``synchronous=FULL``: a commit survives a crash of the process and a
power cut (the WAL is synced at every commit). Under the write queue's group commit that is one
fsync per batch, not per message: ``bench/bench_persistence.py --synchronous NORMAL`` measured it
at about 2% fewer TransactionEvents/s than NORMAL (docs/performance.md). PostgreSQL keeps its own
settings.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from types import TracebackType
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from ocppkit.storage.errors import DatabaseUnavailableError, DatabaseUrlError, StorageError

log = logging.getLogger("ocppkit.storage")

HERE = Path(__file__).resolve().parent
CONNECT_TIMEOUT = 10.0  # seconds to reach the database at start-up
DEFAULT_URL = "sqlite+aiosqlite:///ocppkit.db"
_ASYNC_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}


def parse_url(url: str) -> URL:
    """The URL as SQLAlchemy reads it, checked to name an async driver.

    Raises:
        DatabaseUrlError: the URL is malformed, or not sqlite+aiosqlite / postgresql+asyncpg.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(f"database URL {url!r} is not a valid URL: {exc}") from exc
    driver = _ASYNC_DRIVERS.get(parsed.get_backend_name())
    if driver is None or parsed.get_driver_name() != driver:
        shown = parsed.render_as_string(hide_password=True)
        raise DatabaseUrlError(
            f"database URL {shown!r} is not supported: use sqlite+aiosqlite:///<file> or "
            "postgresql+asyncpg://<user>@<host>/<database>"
        )
    return parsed


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of ocppkit's migrations, bound to ``connection`` if given."""
    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _upgrade_to_head(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")


# Per connection: a 64 MiB page cache (the default 2 MiB makes every commit re-read the index
# pages its rows land in), and a checkpoint every 8000 WAL pages instead of 1000: the same hot
# index pages are rewritten by every commit, and a checkpoint copies each of them once.
_SQLITE_PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=FULL",
    "foreign_keys=ON",
    "cache_size=-65536",
    "wal_autocheckpoint=8000",
)
# The write queue's multi-row INSERTs have one SQL text per row count: keep them all prepared.
_SQLITE_STATEMENT_CACHE = 1024


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in _SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


class Database:
    """A database the CSMS keeps its state in.

    Args:
        url: ``sqlite+aiosqlite:///<path>`` or ``postgresql+asyncpg://<user>@<host>/<db>``.

    Raises:
        DatabaseUrlError: from the constructor, for a URL that cannot be used.
    """

    def __init__(self, url: str) -> None:
        self.url = parse_url(url)
        self._engine: AsyncEngine | None = None
        self._sync_engine: Engine | None = None
        self._sessions: async_sessionmaker[AsyncSession] | None = None

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.url.get_backend_name()

    @property
    def engine(self) -> AsyncEngine:
        """The async engine.

        Raises:
            StorageError: ``connect`` has not been called (or ``close`` has).
        """
        if self._engine is None:
            raise StorageError(f"database {self.display_url} is not connected")
        return self._engine

    @property
    def sync_engine(self) -> Engine:
        """SQLite only: a sync engine (the stdlib driver) on the same file, for a caller that
        runs on a thread of its own and wants one call per batch, not one thread hop per
        statement as aiosqlite makes. Created on first use; it must not be used on a loop.

        Raises:
            StorageError: not SQLite, or not connected.
        """
        if self.dialect != "sqlite":
            raise StorageError(f"database {self.display_url} has no sync engine")
        if self._sync_engine is None:
            self._sync_engine = create_engine(
                self.url.set(drivername="sqlite"),
                connect_args={"cached_statements": _SQLITE_STATEMENT_CACHE},
            )
            event.listen(self._sync_engine, "connect", _sqlite_pragmas)
        return self._sync_engine

    def session(self) -> AsyncSession:
        """A new session (use as ``async with``); objects stay usable after commit."""
        if self._sessions is None:
            raise StorageError(f"database {self.display_url} is not connected")
        return self._sessions()

    async def connect(self) -> None:
        """Create the engine and check that the database answers.

        Raises:
            DatabaseUrlError: the URL names a driver that is not installed.
            DatabaseUnavailableError: the database cannot be reached or opened.
        """
        if self._engine is not None:
            return
        self._check_sqlite_folder()
        engine = self._create_engine()
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT), engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except (OSError, SQLAlchemyError, TimeoutError) as exc:
            await engine.dispose()
            raise DatabaseUnavailableError(
                f"cannot open database {self.display_url}: {_reason(exc)}"
            ) from exc
        self._engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        log.info("database %s connected", self.display_url)

    def _check_sqlite_folder(self) -> None:
        # Checked here: aiosqlite's failed open leaves a worker thread that may outlive the loop.
        path = self.url.database
        if self.dialect != "sqlite" or not path or path == ":memory:" or path.startswith("file:"):
            return
        folder = Path(path).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseUnavailableError(
                f"cannot open database {self.display_url}: folder {folder} does not exist"
            )

    def _create_engine(self) -> AsyncEngine:
        connect_args = {"timeout": CONNECT_TIMEOUT} if self.dialect == "postgresql" else {}
        try:
            engine = create_async_engine(self.url, connect_args=connect_args)
        except (NoSuchModuleError, ImportError, ArgumentError) as exc:
            raise DatabaseUrlError(
                f"database URL {self.display_url!r} cannot be used: {exc}"
            ) from exc
        if self.dialect == "sqlite":
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine

    async def migrate(self) -> None:
        """Bring the schema to the newest revision (``alembic upgrade head``).

        Raises:
            DatabaseUnavailableError: a migration failed; nothing of it is kept.
        """
        try:
            async with self.engine.begin() as conn:
                await conn.run_sync(_upgrade_to_head)
        except (OSError, SQLAlchemyError) as exc:
            raise DatabaseUnavailableError(
                f"cannot migrate database {self.display_url}: {_reason(exc)}"
            ) from exc

    async def close(self) -> None:
        """Close every pooled connection; the object may be connected again."""
        engine, self._engine, self._sessions = self._engine, None, None
        sync_engine, self._sync_engine = self._sync_engine, None
        if sync_engine is not None:
            sync_engine.dispose()  # closes SQLite file handles: no network, no wait
        if engine is not None:
            await engine.dispose()

    async def __aenter__(self) -> Database:
        await self.connect()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def _reason(exc: BaseException) -> str:
    """The first line of a driver's error, without SQLAlchemy's background link."""
    if isinstance(exc, TimeoutError):
        return f"no answer within {CONNECT_TIMEOUT:g} s"
    origin = getattr(exc, "orig", None) or exc
    return (str(origin).strip().splitlines() or [type(origin).__name__])[0]


__all__ = ["DEFAULT_URL", "Database", "alembic_config", "parse_url"]
