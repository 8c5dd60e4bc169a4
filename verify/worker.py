"""The queue worker: lease due sources and pending claims in batches, fetch and check them, and
hand them back. Many workers on many machines share one PostgreSQL queue (`FOR UPDATE SKIP
LOCKED`); on SQLite, `BEGIN IMMEDIATE` makes leasing one writer at a time.

A lease is `lease_owner` + `lease_until`, renewed while the work goes on. A worker that dies
leaves its leases to expire; the work then returns to the queue. Checking a batch and releasing
its leases happen in one transaction, so a claim is checked once even when a worker is killed.
"""

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, or_, update
from sqlmodel import col, select

from verify import claims, database, fetch, sources
from verify.models import Claim, Source, utcnow
from verify.pipeline import checking, fetching
from verify.workflow import Workflow


def default_name() -> str:
    """host-pid: unique enough to tell workers apart in leases and health lines."""
    return f"{socket.gethostname()}-{os.getpid()}"


@dataclass
class Stats:
    """What a worker has done so far."""

    claims: int = 0
    sources: int = 0
    errors: int = 0
    started: float = field(default_factory=time.monotonic)


@dataclass
class Worker:
    """One worker process's loop over the shared queue."""

    url: str
    flow: Workflow
    settings: fetch.FetchSettings
    archive_dir: Path
    name: str = field(default_factory=default_name)
    batch: int = 25
    lease: timedelta = timedelta(seconds=120)
    stats: Stats = field(default_factory=Stats)

    def __post_init__(self) -> None:
        self.engine: Engine = database.open_engine(self.url)
        self.reader = database.reader_for(self.engine)
        self.key = checking.check_key(self.flow)
        self.postgres = self.engine.dialect.name == "postgresql"

    def close(self) -> None:
        self.reader.dispose()
        self.engine.dispose()

    def _claimable(self, model: Any, now: datetime) -> Any:
        return or_(col(model.lease_until).is_(None), col(model.lease_until) < now)

    def _lease(self, model: Any, due: Any, order: list[Any]) -> list[int]:
        """Mark up to `batch` due rows as ours; rows another worker holds are skipped."""
        now = utcnow()
        with database.session_on(self.engine) as session:
            pick = (
                select(model.id)
                .where(due, self._claimable(model, now))
                .order_by(*order)
                .limit(self.batch)
            )
            if self.postgres:
                pick = pick.with_for_update(skip_locked=True)
            ids = [int(i) for i in session.exec(pick).all()]
            if ids:
                session.execute(
                    update(model.__table__)
                    .where(col(model.id).in_(ids))
                    .values(lease_owner=self.name, lease_until=now + self.lease)
                )
            return ids

    def lease_sources(self) -> list[int]:
        """Due sources (never fetched, or past their next fetch time)."""
        order = [col(Source.next_fetch_at).is_not(None), col(Source.id)]
        return self._lease(Source, sources.is_due(), order)

    def _due_claims(self) -> ColumnElement[bool]:
        """Pending claims with something new to check (claims.due)."""
        with database.session_on(self.engine) as session:
            factchecks_at = checking.latest_factcheck(session)
        return claims.due(self.flow.pending, self.key, factchecks_at)

    def lease_claims(self) -> list[int]:
        """A batch of claims due for a check."""
        due = self._due_claims()
        order = [col(Claim.priority).desc(), col(Claim.created_at), col(Claim.id)]
        return self._lease(Claim, due, order)

    def release(self, model: Any, ids: list[int]) -> None:
        """Hand rows back without doing them (on errors and shutdown)."""
        if not ids:
            return
        with database.session_on(self.engine) as session:
            session.execute(
                update(model.__table__)
                .where(col(model.id).in_(ids), model.lease_owner == self.name)
                .values(lease_owner=None, lease_until=None)
            )

    @contextmanager
    def renewing(self, model: Any, ids: list[int]) -> Iterator[None]:
        """Extend our leases every third of the lease while the block runs."""
        done = threading.Event()

        def renew() -> None:
            while not done.wait(self.lease.total_seconds() / 3):
                with database.session_on(self.engine) as session:
                    session.execute(
                        update(model.__table__)
                        .where(col(model.id).in_(ids), model.lease_owner == self.name)
                        .values(lease_until=utcnow() + self.lease)
                    )

        thread = threading.Thread(target=renew, daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()

    def fetch_step(self) -> int:
        """Fetch one leased batch of sources; returns how many."""
        ids = self.lease_sources()
        if not ids:
            return 0
        try:
            with self.renewing(Source, ids):
                summary = fetching.fetch_sources(
                    self.engine, ids, self.settings, self.archive_dir, actor=self.name
                )
        except BaseException:
            self.release(Source, ids)  # back to the queue now, not when the lease expires
            raise
        self.stats.sources += summary.total
        self.stats.errors += summary.failed
        return len(ids)

    def check_step(self) -> int:
        """Check one leased batch of claims and release it, in one transaction: a claim is
        checked once even if the worker is killed. A claim a person edits meanwhile is left
        due (checked again later); the rest of the batch stands."""
        ids = self.lease_claims()
        if not ids:
            return 0
        summary = checking.Summary()
        try:
            with self.renewing(Claim, ids):
                with database.session_on(self.reader) as session:
                    plans = checking.plan(
                        session, self.flow, ids, key=self.key, full=False, summary=summary
                    )
                with database.session_on(self.engine) as session:
                    checking.apply(session, self.flow, plans, key=self.key, summary=summary)
                    session.execute(
                        update(Claim)
                        .where(col(Claim.id).in_(ids), col(Claim.lease_owner) == self.name)
                        .values(lease_owner=None, lease_until=None)
                    )
        except BaseException:
            self.release(Claim, ids)
            raise
        self.stats.claims += summary.claims
        self.stats.errors += len(summary.conflicts)
        return len(ids)

    def depth(self) -> tuple[int, int]:
        """Claims waiting for a check and sources due, for the health line."""
        due = self._due_claims()
        with database.session_on(self.engine) as session:
            claims = session.exec(select(func.count()).select_from(Claim).where(due)).one()
            due_sources = session.exec(
                select(func.count()).select_from(Source).where(sources.is_due())
            ).one()
        return int(claims), int(due_sources)

    def health(self) -> str:
        claims, sources = self.depth()
        elapsed = time.monotonic() - self.stats.started
        return (
            f"worker {self.name}: {self.stats.claims} claim(s) checked, {self.stats.sources} "
            f"source(s) fetched, {self.stats.errors} error(s) in {elapsed:.0f} s; "
            f"queue: {claims} claim(s), {sources} source(s) due"
        )

    def run(
        self,
        *,
        once: bool,
        stop: Callable[[], bool],
        report: Callable[[str], None],
        health_every: float = 30.0,
        idle_sleep: float = 2.0,
    ) -> None:
        """Work until stopped; with once=True, until nothing is left to lease."""
        next_health = time.monotonic() + health_every
        while not stop():
            done = self.fetch_step()
            if not stop():
                done += self.check_step()
            if time.monotonic() >= next_health:
                report(self.health())
                next_health = time.monotonic() + health_every
            if done == 0:
                if once:
                    break
                deadline = time.monotonic() + idle_sleep
                while time.monotonic() < deadline and not stop():
                    time.sleep(0.1)
        report(self.health())
