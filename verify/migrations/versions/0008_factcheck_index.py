"""Fact-checks searched through the database's full-text index: a `norm` column (the matching
form of the claim reviewed) with FTS5 / tsvector over it and word counts in `factcheckterm`,
so a search reads a few candidate rows instead of loading and indexing every stored
fact-check in memory.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 21:00:00
"""

from collections import Counter
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel import Session

from verify import factchecks, fulltext, matching
from verify.models import FactCheckTerm

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 1000


def upgrade() -> None:
    op.create_table(
        "factcheckterm",
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("docs", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )
    with op.batch_alter_table("factcheck", schema=None) as batch_op:
        batch_op.add_column(sa.Column("norm", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    counts: Counter[str] = Counter()
    last = 0
    while True:  # in id order, a chunk at a time: bounded memory however many are stored
        rows = connection.execute(
            sa.text(
                "SELECT id, claim_reviewed FROM factcheck WHERE id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": CHUNK},
        ).all()
        if not rows:
            break
        norms = [{"id": i, "norm": matching.normalise(text)} for i, text in rows]
        connection.execute(sa.text("UPDATE factcheck SET norm = :norm WHERE id = :id"), norms)
        for row in norms:
            counts.update(factchecks.terms_of(row["norm"]))
        counts[fulltext.TOTAL] += len(rows)
        last = rows[-1][0]
    fulltext.create(connection, "factcheck", layout="tsvector")
    with Session(bind=connection) as session:
        fulltext.add_counts(session, FactCheckTerm, counts)
        session.flush()


def downgrade() -> None:
    fulltext.drop(op.get_bind(), "factcheck", layout="tsvector")
    with op.batch_alter_table("factcheck", schema=None) as batch_op:
        batch_op.drop_column("norm")
    op.drop_table("factcheckterm")
