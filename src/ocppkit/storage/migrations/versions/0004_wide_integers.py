"""Integers a station sends are 64-bit: the OCPP schemas bound no integer, and request ids,
EVSE ids or seqNos beyond 32 bits (millisecond timestamps, say) must be stored.

SQLite's INTEGER is 64-bit already; on PostgreSQL the columns become BIGINT.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {
    "connector_status_history": ("evse_id", "connector_id"),
    "transactions": ("evse_id", "connector_id", "remote_start_id", "seq_no"),
    "transaction_events": ("seq_no",),
    "meter_values": ("evse_id", "multiplier"),
    "device_models": ("request_id",),
    "commands": ("request_id",),
    "station_messages": ("request_id",),
    "station_objects": ("evse_id",),
}


def _alter(to: sa.types.TypeEngine[int], was: sa.types.TypeEngine[int]) -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, columns in COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=to, existing_type=was)


def upgrade() -> None:
    _alter(sa.BigInteger(), sa.Integer())


def downgrade() -> None:
    _alter(sa.Integer(), sa.BigInteger())
