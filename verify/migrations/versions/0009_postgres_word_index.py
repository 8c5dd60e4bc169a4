"""PostgreSQL: passages and fact-checks indexed by a word table (`<table>_words`, its primary
key the inverted index) instead of a tsvector with GIN, so a ranked query reads only the index
(verify.fulltext explains why). SQLite's FTS5 index is unchanged.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 00:00:00
"""

from collections.abc import Sequence

from alembic import op

from verify import fulltext

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("passage", "factcheck")


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    for table in TABLES:
        fulltext.drop(connection, table, layout="tsvector")
        fulltext.create(connection, table)  # fills the word table from the rows there


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    for table in TABLES:
        fulltext.drop(connection, table)
        fulltext.create(connection, table, layout="tsvector")
