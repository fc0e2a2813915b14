"""Tracking: every CSMS->CS request with its answer and progress (``commands``), the stations'
notifications (``station_messages``) and the current state of what they manage
(``station_objects``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
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
    op.create_table(
        "commands",
        sa.Column("id", AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("request_id", sa.Integer()),
        sa.Column("payload", JSON_DOCUMENT, nullable=False),
        sa.Column("response", JSON_DOCUMENT),
        sa.Column("status", sa.String(64), nullable=False),
        sa.Column("progress", sa.String(64)),
        _time("progress_at"),
        _time("sent_at", nullable=False),
        _time("answered_at"),
        _station_fk("commands"),
        sa.PrimaryKeyConstraint("id", name="pk_commands"),
    )
    op.create_index(
        "ix_commands_station_id_action_request_id",
        "commands",
        ["station_id", "action", "request_id"],
    )
    op.create_index("ix_commands_station_id_id", "commands", ["station_id", "id"])
    op.create_table(
        "station_messages",
        sa.Column("id", AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("request_id", sa.Integer()),
        sa.Column("command_id", AUTO_ID),
        sa.Column("payload", JSON_DOCUMENT, nullable=False),
        _time("received_at", nullable=False),
        _station_fk("station_messages"),
        sa.ForeignKeyConstraint(
            ["command_id"],
            ["commands.id"],
            name="fk_station_messages_command_id_commands",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_station_messages"),
    )
    op.create_index(
        "ix_station_messages_station_id_action_id",
        "station_messages",
        ["station_id", "action", "id"],
    )
    op.create_table(
        "station_objects",
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("evse_id", sa.Integer()),
        sa.Column("status", sa.String(64)),
        sa.Column("payload", JSON_DOCUMENT, nullable=False),
        _time("updated_at", nullable=False),
        _station_fk("station_objects"),
        sa.PrimaryKeyConstraint("station_id", "kind", "key", name="pk_station_objects"),
    )


def downgrade() -> None:
    op.drop_table("station_objects")
    op.drop_table("station_messages")
    op.drop_table("commands")
