"""Origin groups, kept as pages are fetched and articles ingested: documents share an origin
when they come from one registrable domain or are copies of one story (syndicated wire copy),
and the group is named by its alphabetically first domain. Copies are found through the stored
MinHash bands of each document (copyband), so grouping a new document costs a few indexed
lookups, not a pass over the corpus. Groups only ever merge. Functions never commit.
"""

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, insert, or_, update
from sqlmodel import Session, col, select

from verify import database, origins
from verify.models import Article, CopyBand, Source

MERGE_LOCK = 0x7665726966790001  # PostgreSQL advisory lock: one merge at a time


def assign(
    session: Session,
    *,
    kind: str,
    ref_id: int,
    url: str | None,
    text_: str | None,
    bands: Sequence[int] | None = None,
) -> str | None:
    """Set the origin group of a source ("source") or an article ("article") from its URL's
    domain and its text (whose `origins.copy_bands` may be given, computed elsewhere), merging
    groups it joins; returns the group."""
    domain = origins.origin_of(url) if url else None
    bands = list(origins.copy_bands(text_ or "") if bands is None else bands)
    session.execute(
        delete(CopyBand).where(col(CopyBand.kind) == kind, col(CopyBand.ref_id) == ref_id)
    )
    copies = _copies(session, kind, ref_id, domain, text_ or "", bands)
    if bands:
        session.execute(
            insert(CopyBand),
            [{"kind": kind, "ref_id": ref_id, "band": n, "bucket": b} for n, b in enumerate(bands)],
        )
    labels = _labels(session, [domain] if domain else [], copies)
    if len(labels | ({domain} if domain else set())) > 1:
        database.lock(
            session, MERGE_LOCK
        )  # re-read under the lock: another writer may have merged meanwhile
        labels = _labels(session, [domain] if domain else [], copies)
    group = min(labels | ({domain} if domain else set()), default=None)
    stale = labels - {group} if group else set()
    if stale:
        for model in (Source, Article):
            session.execute(
                update(model).where(col(model.origin_group).in_(stale)).values(origin_group=group)
            )
    model = Source if kind == "source" else Article
    values = {"origin_group": group, "registrable_domain": domain}
    session.execute(update(model).where(col(model.id) == ref_id).values(**values))
    return group


def _copies(
    session: Session, kind: str, ref_id: int, domain: str | None, text_: str, bands: list[int]
) -> list[tuple[str, int]]:
    """Documents from other domains whose text is a copy of this one (LSH candidates, then
    confirmed on the texts)."""
    if not bands:
        return []
    pairs = or_(*(
        (col(CopyBand.band) == n) & (col(CopyBand.bucket) == bucket)
        for n, bucket in enumerate(bands)
    ))  # fmt: skip
    found = session.exec(select(CopyBand.kind, CopyBand.ref_id).where(pairs).distinct()).all()
    copies = []
    for other_kind, other_id in found:
        if (other_kind, other_id) == (kind, ref_id):
            continue
        other = (
            session.get(Source, other_id)
            if other_kind == "source"
            else session.get(Article, other_id)
        )
        if other is None or (domain and other.registrable_domain == domain):
            continue  # same outlet: grouped by domain already
        if origins.same_story(text_, other.text or ""):
            copies.append((other_kind, other_id))
    return copies


def _labels(session: Session, domains: Iterable[str], copies: list[tuple[str, int]]) -> set[str]:
    """The groups a document joins: its domain's, and each copy's."""
    found: set[str] = set()
    for domain in domains:
        for model in (Source, Article):
            label = session.exec(
                select(model.origin_group)
                .where(model.registrable_domain == domain, col(model.origin_group).is_not(None))
                .limit(1)
            ).first()
            if label:
                found.add(label)
    for kind, ref_id in copies:
        model = Source if kind == "source" else Article
        label = session.exec(select(model.origin_group).where(col(model.id) == ref_id)).first()
        if label:
            found.add(label)
    return found


def count(session: Session) -> int:
    """Documents with stored bands (for tests and health lines)."""
    return int(session.exec(select(func.count(func.distinct(CopyBand.ref_id)))).one())
