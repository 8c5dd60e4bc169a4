"""Alembic environment: verify passes the connection in; there is no alembic.ini."""

from alembic import context
from sqlmodel import SQLModel

import verify.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can only ALTER through table copies
)
with context.begin_transaction():
    context.run_migrations()
