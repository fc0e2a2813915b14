"""Initial schema: stations, connector status history, id tokens, transactions, their events,
meter values.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported, so this revision never changes with the models.
AUTO_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _time(name: str, nullable: bool = True) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _station_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["station_id"], ["stations.id"], name=f"fk_{table}_station_id_stations", ondelete="CASCADE"
    )


def upgrade() -> None:
    _create_stations()
    _create_id_tokens()
    _create_connector_status_history()
    _create_transactions()
    _create_transaction_events()
    _create_meter_values()


def _create_stations() -> None:
    op.create_table(
        "stations",
        sa.Column("id", sa.String(255), nullable=False),
        sa.Column("vendor", sa.String(50)),
        sa.Column("model", sa.String(20)),
        sa.Column("serial_number", sa.String(25)),
        sa.Column("firmware_version", sa.String(50)),
        sa.Column("boot_reason", sa.String(32)),
        sa.Column("registration_status", sa.String(16)),
        _time("booted_at"),
        sa.Column("firmware_status", sa.String(32)),
        _time("first_seen"),
        _time("last_seen"),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stations"),
    )


def _create_id_tokens() -> None:
    op.create_table(
        "id_tokens",
        sa.Column("id_token", sa.String(36), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        _time("expires_at"),
        sa.Column("group_id_token", sa.String(36)),
        sa.PrimaryKeyConstraint("id_token", "type", name="pk_id_tokens"),
    )


def _create_connector_status_history() -> None:
    op.create_table(
        "connector_status_history",
        sa.Column("id", AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("evse_id", sa.Integer(), nullable=False),
        sa.Column("connector_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        _time("timestamp", nullable=False),
        _time("received_at", nullable=False),
        _station_fk("connector_status_history"),
        sa.PrimaryKeyConstraint("id", name="pk_connector_status_history"),
    )
    op.create_index(
        "ix_connector_status_history_station_id_evse_id_connector_id_id",
        "connector_status_history",
        ["station_id", "evse_id", "connector_id", "id"],
    )


def _create_transactions() -> None:
    op.create_table(
        "transactions",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("transaction_id", sa.String(36), nullable=False),
        sa.Column("evse_id", sa.Integer()),
        sa.Column("connector_id", sa.Integer()),
        sa.Column("id_token", sa.String(36)),
        sa.Column("id_token_type", sa.String(20)),
        sa.Column("remote_start_id", sa.Integer()),
        _time("started_at", nullable=False),
        _time("updated_at"),
        _time("ended_at"),
        *(
            sa.Column(name, sa.Float())
            for name in (
                "meter_start_wh",
                "meter_last_wh",
                "meter_stop_wh",
                "power_w",
                "peak_power_w",
            )
        ),
        sa.Column("charging_state", sa.String(20)),
        sa.Column("stopped_reason", sa.String(32)),
        sa.Column("seq_no", sa.Integer(), nullable=False),
        _station_fk("transactions"),
        sa.PrimaryKeyConstraint("id", name="pk_transactions"),
    )
    op.create_index("ix_transactions_ended_at", "transactions", ["ended_at"])
    op.create_index(
        "ix_transactions_station_id_transaction_id",
        "transactions",
        ["station_id", "transaction_id"],
    )


def _create_transaction_events() -> None:
    op.create_table(
        "transaction_events",
        sa.Column("id", AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("transaction_ref", sa.String(32), nullable=False),
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("transaction_id", sa.String(36), nullable=False),
        sa.Column("seq_no", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("trigger_reason", sa.String(32), nullable=False),
        _time("timestamp", nullable=False),
        sa.Column("offline", sa.Boolean(), nullable=False),
        sa.Column("payload", JSON_DOCUMENT, nullable=False),
        _time("received_at", nullable=False),
        sa.ForeignKeyConstraint(
            ["transaction_ref"],
            ["transactions.id"],
            name="fk_transaction_events_transaction_ref_transactions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_transaction_events"),
        sa.UniqueConstraint(
            "transaction_ref", "seq_no", name="uq_transaction_events_transaction_ref_seq_no"
        ),
    )


def _create_meter_values() -> None:
    op.create_table(
        "meter_values",
        sa.Column("id", AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("evse_id", sa.Integer()),
        sa.Column("transaction_ref", sa.String(32)),
        _time("timestamp", nullable=False),
        sa.Column("measurand", sa.String(48), nullable=False),
        sa.Column("phase", sa.String(8)),
        sa.Column("location", sa.String(8)),
        sa.Column("unit", sa.String(20)),
        sa.Column("multiplier", sa.Integer(), nullable=False),
        sa.Column("context", sa.String(24)),
        sa.Column("value", sa.Float(), nullable=False),
        _station_fk("meter_values"),
        sa.ForeignKeyConstraint(
            ["transaction_ref"],
            ["transactions.id"],
            name="fk_meter_values_transaction_ref_transactions",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_meter_values"),
    )
    op.create_index(
        "ix_meter_values_station_id_evse_id_timestamp",
        "meter_values",
        ["station_id", "evse_id", "timestamp"],
    )
    op.create_index("ix_meter_values_transaction_ref", "meter_values", ["transaction_ref"])


def downgrade() -> None:
    for table in (
        "meter_values",
        "transaction_events",
        "transactions",
        "connector_status_history",
        "id_tokens",
        "stations",
    ):
        op.drop_table(table)
