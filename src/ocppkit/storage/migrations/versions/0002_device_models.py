"""Device models: the reportData of each station's last complete NotifyReport (B07/B08).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported, so this revision never changes with the models.
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "device_models",
        sa.Column("station_id", sa.String(255), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_data", JSON_DOCUMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name="fk_device_models_station_id_stations",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("station_id", name="pk_device_models"),
    )


def downgrade() -> None:
    op.drop_table("device_models")
