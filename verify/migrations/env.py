"""Alembic environment: verify passes the connection in; there is no alembic.ini."""

from alembic import context
from sqlmodel import SQLModel

import verify.models  # noqa: F401  (registers the tables on SQLModel.metadata)


def include_object(
    obj: object, name: str | None, kind: str, reflected: bool, other: object
) -> bool:
    """Leave the full-text indexes to verify.fulltext: the FTS5 tables (and their shadow
    tables), PostgreSQL's word tables and its older generated tsv columns and their indexes
    are not models."""
    if kind == "table" and name and (name.endswith("_fts") or "_fts_" in name):
        return False  # an FTS5 table or one of its shadow tables (passage_fts_data, ...)
    if kind == "table" and name and name.endswith("_words"):
        return False  # a PostgreSQL word table (passage_words, factcheck_words)
    return not (kind == "column" and name == "tsv") and not (
        kind == "index" and name and name.endswith("_tsv")
    )


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can only ALTER through table copies
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
