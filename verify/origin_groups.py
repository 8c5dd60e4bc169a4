"""Origin groups, kept as pages are fetched and articles ingested: documents share an origin
when they come from one registrable domain or are copies of one story (syndicated wire copy),
and the group is named by its alphabetically first domain. Copies are found through the stored
MinHash bands of each document (copyband), so grouping a new document costs a few indexed
lookups, not a pass over the corpus. Groups only ever merge. Functions never commit.
"""

from collections.abc import Sequence

from sqlalchemy import bindparam, text, update
from sqlmodel import Session, col

from verify import database, origins
from verify.models import Article, CopyBand, Source

MERGE_LOCK = 0x7665726966790001  # PostgreSQL advisory lock: one merge at a time


_FIND = text(
    "SELECT DISTINCT kind, ref_id FROM copyband WHERE "
    + " OR ".join(f"(band = {n} AND bucket = :b{n})" for n in range(origins.BANDS))
)
_FORGET = text("DELETE FROM copyband WHERE kind = :kind AND ref_id = :ref")
_BANDS = CopyBand.__table__.insert()  # type: ignore[attr-defined]
# The domain's groups among sources and among articles, in one statement.
_DOMAIN_LABELS = text(
    " UNION ".join(
        f"SELECT * FROM (SELECT origin_group FROM {table} WHERE registrable_domain = :d "
        "AND origin_group IS NOT NULL LIMIT 1) AS t_" + table
        for table in ("source", "article")
    )
)
_LABEL = {
    table: text(f"SELECT origin_group FROM {table} WHERE id = :id")
    for table in ("source", "article")
}
_TEXTS = {
    table: text(
        f"SELECT id, registrable_domain, text FROM {table} WHERE id IN :ids ORDER BY id"
    ).bindparams(bindparam("ids", expanding=True))
    for table in ("source", "article")
}
_SET = {
    table: text(f"UPDATE {table} SET origin_group = :g, registrable_domain = :d WHERE id = :id")
    for table in ("source", "article")
}


def assign(
    session: Session,
    *,
    kind: str,
    ref_id: int,
    url: str | None,
    text_: str | None,
    bands: Sequence[int] | None = None,
    new: bool = False,
) -> str | None:
    """Set the origin group of a source ("source") or an article ("article") from its URL's
    domain and its text (whose `origins.copy_bands` may be given, computed elsewhere), merging
    groups it joins; returns the group. Runs on every fetched page: plain SQL, few queries.
    `new`: the row was inserted just now, so it has no bands to forget."""
    domain = origins.origin_of(url) if url else None
    bands = list(origins.copy_bands(text_ or "") if bands is None else bands)
    connection = session.connection()
    if not new:
        connection.execute(_FORGET, {"kind": kind, "ref": ref_id})
    copies = _copies(session, kind, ref_id, domain, text_ or "", bands)
    if bands:
        rows = [
            {"kind": kind, "ref_id": ref_id, "band": n, "bucket": b} for n, b in enumerate(bands)
        ]
        connection.execute(_BANDS, rows)
    mine = {domain} if domain else set()
    labels = _labels(session, domain, copies)
    if len(labels | mine) > 1:
        database.lock(session, MERGE_LOCK)  # re-read: another writer may have merged meanwhile
        labels = _labels(session, domain, copies)
    group = min(labels | mine, default=None)
    stale = labels - {group} if group else set()
    if stale:
        for model in (Source, Article):
            session.execute(
                update(model).where(col(model.origin_group).in_(stale)).values(origin_group=group)
            )
    connection.execute(_SET[kind], {"g": group, "d": domain, "id": ref_id})
    return group


def _copies(
    session: Session, kind: str, ref_id: int, domain: str | None, text_: str, bands: list[int]
) -> list[tuple[str, int]]:
    """Documents from other domains whose text is a copy of this one (LSH candidates, then
    confirmed on the texts)."""
    if len(bands) != origins.BANDS:
        return []
    connection = session.connection()
    found = connection.execute(_FIND, {f"b{n}": b for n, b in enumerate(bands)}).all()
    wanted: dict[str, list[int]] = {"source": [], "article": []}
    for other_kind, other_id in found:
        if (other_kind, other_id) != (kind, ref_id):
            wanted[other_kind].append(other_id)
    copies = []
    for other_kind, ids in wanted.items():  # one query a kind, in bounded chunks
        for start in range(0, len(ids), 500):
            query = _TEXTS[other_kind].bindparams(ids=ids[start : start + 500])
            for other_id, other_domain, other_text in connection.execute(query):
                if domain and other_domain == domain:
                    continue  # same outlet: grouped by domain already
                if origins.same_story(text_, other_text or ""):
                    copies.append((other_kind, other_id))
    return copies


def _labels(session: Session, domain: str | None, copies: list[tuple[str, int]]) -> set[str]:
    """The groups a document joins: its domain's, and each copy's."""
    connection = session.connection()
    found: set[str] = set()
    if domain:
        found.update(label for (label,) in connection.execute(_DOMAIN_LABELS, {"d": domain}))
    for kind, ref_id in copies:
        label = connection.execute(_LABEL[kind], {"id": ref_id}).scalar()
        if label:
            found.add(label)
    return found
