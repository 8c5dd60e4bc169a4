"""Developer helper: autogenerate a migration from the models against a scratch SQLite database."""

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from verify import database


def main(message: str) -> None:
    """Upgrade a scratch database to head, then autogenerate the difference to the models."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        database.migrate(engine)
        with engine.begin() as connection:
            command.revision(
                database._alembic_config(connection), message=message, autogenerate=True
            )
        engine.dispose()


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
