"""What every request of the desk shares: the database engines, the workflow, the cookie
signer, the sign-in limiter and the templates. Built once per server process."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import sqlalchemy.exc
from itsdangerous import URLSafeTimedSerializer
from sqlmodel import Session

from verify import claims, database, users, workflow
from verify.web.limits import LoginLimiter

HERE = Path(__file__).resolve().parent
COUNTS_TTL = 2.0  # seconds the counts per status may lag other processes' edits


@dataclass(frozen=True)
class DeskSettings:
    """How `verify serve` was started."""

    db_url: str
    workflow_path: Path
    org_name: str = "verify"
    org_url: str | None = None  # needed by ClaimReview downloads: review URLs are <url>/claims/ID
    secure_cookies: bool = False  # set behind HTTPS: cookies then travel only over it


class Desk:
    """Engines (one for reads, one for writes: SQLite writers take the lock up front, readers
    never do), the validated workflow, and the rest."""

    def __init__(self, settings: DeskSettings) -> None:
        self.settings = settings
        self.flow = workflow.load(settings.workflow_path)
        self.writer = database.open_engine(settings.db_url, write=True)
        self.reader = database.make_engine(settings.db_url, write=False)
        self.signer = URLSafeTimedSerializer(self._secret(), salt="verify-desk")
        self.limiter = LoginLimiter()
        self._counts: tuple[float, dict[str, int]] | None = None
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every value is escaped unless a template says otherwise
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # templates ship with verify: no file check on every render
        )

    def _secret(self) -> str:
        try:
            with self.write() as session:
                return users.secret_key(session)
        except sqlalchemy.exc.IntegrityError:  # another server process made it first
            with self.read() as session:
                return users.secret_key(session)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work."""
        with database.session_on(self.reader) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that writes: committed if the block succeeds, else rolled back."""
        try:
            with database.session_on(self.writer) as session:
                yield session
        finally:
            self._counts = None  # this process's own edits show in the counts at once

    def counts(self, session: Session) -> dict[str, int]:
        """Claims per status, counted at most every COUNTS_TTL seconds: counting 100,000
        claims on every queue page would cost more than the page itself."""
        cached = self._counts
        now = time.monotonic()
        if cached is not None and now - cached[0] < COUNTS_TTL:
            return cached[1]
        counts = claims.count_by_status(session)
        self._counts = (now, counts)
        return counts

    def render(self, template: str, **context: Any) -> str:
        return self.templates.get_template(template).render(flow=self.flow, **context)

    def close(self) -> None:
        self.writer.dispose()
        self.reader.dispose()
