"""Persistence of the CSMS: SQLAlchemy 2 (async) tables, Alembic migrations, repositories and a
write-behind queue with group commit. SQLite (``sqlite+aiosqlite:///file.db``) is the embedded
default; PostgreSQL (``postgresql+asyncpg://user@host/db``) is for production.

    from ocppkit.storage import Database, StationRepository

    async with Database("sqlite+aiosqlite:///ocppkit.db") as db:
        await db.migrate()
        async with db.session() as session:
            stations = await StationRepository(session).all()

This package knows tables and rows, not OCPP framing; ``ocppkit.csms`` maps its registry to records.
"""

from ocppkit.storage.database import DEFAULT_URL, Database, alembic_config, parse_url
from ocppkit.storage.errors import DatabaseUnavailableError, DatabaseUrlError, StorageError
from ocppkit.storage.records import (
    CommandRecord,
    ConnectorStatusRecord,
    DeviceModelRecord,
    IdTokenRecord,
    MeterValueRecord,
    StationMessageRecord,
    StationObjectRecord,
    StationRecord,
    TrackingState,
    TransactionEventRecord,
    TransactionRecord,
)
from ocppkit.storage.repositories import (
    ConnectorStatusRepository,
    DeviceModelRepository,
    IdTokenRepository,
    MeterValueRepository,
    StationRepository,
    TrackingRepository,
    TransactionRepository,
)
from ocppkit.storage.worker import DatabaseWorker
from ocppkit.storage.writer import WriteBehind

__all__ = [
    "DEFAULT_URL",
    "CommandRecord",
    "ConnectorStatusRecord",
    "ConnectorStatusRepository",
    "Database",
    "DatabaseUnavailableError",
    "DatabaseUrlError",
    "DatabaseWorker",
    "DeviceModelRecord",
    "DeviceModelRepository",
    "IdTokenRecord",
    "IdTokenRepository",
    "MeterValueRecord",
    "MeterValueRepository",
    "StationMessageRecord",
    "StationObjectRecord",
    "StationRecord",
    "StationRepository",
    "StorageError",
    "TrackingRepository",
    "TrackingState",
    "TransactionEventRecord",
    "TransactionRecord",
    "TransactionRepository",
    "WriteBehind",
    "alembic_config",
    "parse_url",
]
