"""the counter page (issue 23): one-time sign-in codes, and an end for a page's session token

A staff member asks the bot for a code (/kode) and types it on the counter page; the page then
holds an API token that ends with `api_tokens.expires_at` (null for tokens made with /token:
they do not end).

Revision ID: 0008_counterpage
Revises: 0007_counter
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_counterpage"
down_revision = "0007_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("api_tokens", sa.Column("expires_at", sa.DateTime(), nullable=True))
    op.create_table(
        "login_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )


def downgrade() -> None:
    op.drop_table("login_codes")
    op.drop_column("api_tokens", "expires_at")
