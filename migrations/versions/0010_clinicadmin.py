"""services (poli) in the database: seeded from config.yaml when empty, then the database wins

The bot fills the table at start-up from config.yaml's services when it has no row
(queue_core/service_catalog.py); from then on the admin changes services through the web API
(/api/services) or the chat (/klinik), and every part reading services sees the change at once.

Revision ID: 0010_clinicadmin
Revises: 0009_whentocome
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_clinicadmin"
down_revision = "0009_whentocome"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clinic_services",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("name_en", sa.String(length=128), nullable=False),
        sa.Column("prefix", sa.String(length=4), nullable=False),
        sa.Column("route", sa.JSON(), nullable=False),
        sa.Column("rooms", sa.JSON(), nullable=False),
        sa.Column("daily_quota", sa.Integer(), nullable=False),
        sa.Column("hours", sa.JSON(), nullable=False),
        sa.Column("mean_service_minutes", sa.Float(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("prefix"),
    )


def downgrade() -> None:
    op.drop_table("clinic_services")
