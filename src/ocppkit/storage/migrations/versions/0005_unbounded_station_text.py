"""What a station sends is stored as sent: its strings have no length limit in the database.

The OCPP schemas bound them, but lenient mode (real chargers break the schema) accepts an
over-long serial number, token or transaction id, which PostgreSQL's VARCHAR(n) refused ("value
too long"), answering the station a CALLERROR. The columns become VARCHAR without a length on
PostgreSQL; SQLite never enforced one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (column, its former length) per table
COLUMNS: dict[str, tuple[tuple[str, int], ...]] = {
    "stations": (
        ("vendor", 50),
        ("model", 20),
        ("serial_number", 25),
        ("firmware_version", 50),
        ("boot_reason", 32),
        ("firmware_status", 32),
    ),
    "connector_status_history": (("status", 16),),
    "id_tokens": (("id_token", 36), ("type", 20), ("group_id_token", 36)),
    "transactions": (
        ("transaction_id", 36),
        ("id_token", 36),
        ("id_token_type", 20),
        ("charging_state", 20),
        ("stopped_reason", 32),
    ),
    "transaction_events": (("transaction_id", 36), ("event_type", 16), ("trigger_reason", 32)),
    "meter_values": (
        ("measurand", 48),
        ("phase", 8),
        ("location", 8),
        ("unit", 20),
        ("context", 24),
    ),
    "commands": (("status", 64), ("progress", 64)),
    "station_objects": (("status", 64),),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, columns in COLUMNS.items():
        for column, length in columns:
            op.alter_column(table, column, type_=sa.String(), existing_type=sa.String(length))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, columns in COLUMNS.items():
        for column, length in columns:
            op.alter_column(table, column, type_=sa.String(length), existing_type=sa.String())
