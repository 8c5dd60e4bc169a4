"""The review desk: accounts, API tokens, browser sessions and the cookie-signing key; an
index on article.outlet and one on (assignee, queue order) for the queue's filters; a full-text
index over claim text and speaker for its search (SQLite FTS5 / PostgreSQL GIN).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 18:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

import verify.models
from verify import claims

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_article_outlet", "article", ["outlet"])
    op.create_index(
        "ix_claim_assignee_queue",
        "claim",
        ["assignee", "status", sa.text("priority DESC"), "created_at", "id"],
    )
    claims.create_search_index(op.get_bind())
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", verify.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "apitoken",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.Text(), nullable=False),
        sa.Column("created_at", verify.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_apitoken_account_id", "apitoken", ["account_id"])
    op.create_table(
        "websession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.Text(), nullable=False),
        sa.Column("csrf", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", verify.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", verify.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_websession_account_id", "websession", ["account_id"])
    op.create_index("ix_websession_expires_at", "websession", ["expires_at"])
    op.create_table(
        "setting",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("setting")
    op.drop_index("ix_websession_expires_at", table_name="websession")
    op.drop_index("ix_websession_account_id", table_name="websession")
    op.drop_table("websession")
    op.drop_index("ix_apitoken_account_id", table_name="apitoken")
    op.drop_table("apitoken")
    op.drop_table("account")
    op.drop_index("ix_article_outlet", table_name="article")
    op.drop_index("ix_claim_assignee_queue", table_name="claim")
    claims.drop_search_index(op.get_bind())
