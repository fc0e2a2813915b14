"""Sites: groups of stations sharing a power limit (K01 with ChargingStationMaxProfile).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported, so this revision never changes with the models.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("limit_w", sa.Float(), nullable=False),
        sa.Column("strategy", sa.String(32), nullable=False),
        sa.Column("stations", JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_sites")),
    )


def downgrade() -> None:
    op.drop_table("sites")
