"""Captures: one row per fetch of a page as it was (body sha256, WARC file and offset, optional
screenshot), and evidence pointing at the capture it was found in, with capture errors for
links attached by hand. Backfills a capture for every page fetched before WARC writing, from
the body archived then, and points its automatic evidence at it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 19:02:53.643755
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

import verify.models

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "capture",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("content_type", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("fetched_at", verify.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("body_path", sa.Text(), nullable=True),
        sa.Column("warc_path", sa.Text(), nullable=True),
        sa.Column("warc_offset", sa.BigInteger(), nullable=True),
        sa.Column("warc_length", sa.BigInteger(), nullable=True),
        sa.Column("warc_record_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("screenshot_sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("screenshot_path", sa.Text(), nullable=True),
        sa.Column("screenshot_at", verify.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("screenshot_width", sa.Integer(), nullable=True),
        sa.Column("screenshot_height", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_capture_sha256", "capture", ["sha256"], unique=False)
    op.create_index("ix_capture_source_id", "capture", ["source_id"], unique=False)

    # Plain ADD COLUMN with the foreign key inline: SQLite rebuilds no table (evidence's partial
    # unique indexes stay as they are), and cannot add a constraint to an existing table.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE evidence ADD COLUMN capture_id INTEGER "
            "CONSTRAINT fk_evidence_capture_id REFERENCES capture (id) ON DELETE SET NULL"
        )
    else:
        op.add_column("evidence", sa.Column("capture_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_evidence_capture_id", "evidence", "capture", ["capture_id"], ["id"],
            ondelete="SET NULL",
        )  # fmt: skip
    op.add_column("evidence", sa.Column("capture_error", sa.Text(), nullable=True))
    op.add_column(
        "evidence",
        sa.Column("capture_failures", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column(
        "evidence",
        sa.Column("capture_retry_at", verify.models.UTCDateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_evidence_capture_id", "evidence", ["capture_id"], unique=False)
    _backfill()


def _backfill() -> None:
    """A capture for each page fetched before this revision (no WARC records: none were
    written then), and its automatic evidence pointed at it."""
    op.execute(
        "INSERT INTO capture (source_id, url, final_url, status, content_type, fetched_at, "
        "sha256, size, body_path) "
        "SELECT id, url, COALESCE(final_url, url), http_status, content_type, "
        "COALESCE(fetched_at, added_at), sha256, 0, archive_path "
        "FROM source WHERE sha256 IS NOT NULL AND kind = 'page'"
    )
    op.execute(
        "UPDATE evidence SET capture_id = (SELECT max(capture.id) FROM capture "
        "WHERE capture.source_id = evidence.source_id) "
        "WHERE method = 'auto' AND source_id IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_index("ix_evidence_capture_id", table_name="evidence")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_constraint("fk_evidence_capture_id", type_="foreignkey")
        batch_op.drop_column("capture_retry_at")
        batch_op.drop_column("capture_failures")
        batch_op.drop_column("capture_error")
        batch_op.drop_column("capture_id")
    op.drop_index("ix_capture_source_id", table_name="capture")
    op.drop_index("ix_capture_sha256", table_name="capture")
    op.drop_table("capture")
