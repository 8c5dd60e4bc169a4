"""Matching speed and blocking recall: 10,000 claims × 200,000 passages with the BM25 blocker,
beside exhaustive rapidfuzz cdist (same scorer) on a random sample of 200 claims.

    .venv/bin/python bench/bench_match.py [--claims 10000] [--passages 200000] [--sample 200]
        [--postgres ADMIN_URL] [--query-postings N]

Targets (issue 4): speed-up ≥ 100× over exhaustive, blocking recall ≥ 0.98 of the exhaustive
matches. Issue 9: the pairs the in-memory matcher keeps are ≥ 0.99 found by the database index
path `verify check` uses (passages stored through `passages.store`, candidates from SQLite
FTS5, and with --postgres from PostgreSQL's word table too). Prints numbers; asserts nothing.
"""

import argparse
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from rapidfuzz import process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import inmemory  # noqa: E402

from verify import matching, sources  # noqa: E402

SCORER = "token_set_ratio"
MIN_SCORE = 80.0
SUBJECTS = [
    "North Korea",
    "Russia",
    "Ukraine",
    "The Pentagon",
    "South Korea",
    "Japan",
    "China",
    "The European Union",
    "NATO",
    "The United Nations",
    "Iran",
    "Turkey",
    "Poland",
]
VERBS = [
    "is deploying",
    "has sent",
    "will send",
    "withdrew",
    "is training",
    "lost",
    "captured",
    "moved",
    "announced",
    "denied sending",
    "pledged",
    "delivered",
]
THINGS = [
    "troops",
    "drones",
    "missiles",
    "tanks",
    "artillery shells",
    "soldiers",
    "aircraft",
    "ships",
    "engineers",
    "medics",
    "advisers",
    "rockets",
]


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    syllables = ["ka", "lo", "mi", "ra", "te", "vo", "su", "ne", "pi", "da", "ko", "re", "sa", "tu"]
    return ["".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size)]


def sentence(rng: random.Random, words: list[str]) -> str:
    place = rng.choice(words).title()
    tail = " ".join(rng.choices(words, k=rng.randint(3, 9)))
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.randint(1, 400) * 50:,} "
        f"{rng.choice(THINGS)} to {place} near {tail}."
    )


def paraphrase(rng: random.Random, claim: str, words: list[str]) -> str:
    """A source sentence about the same thing: reordered, a few words changed or added."""
    tokens = claim.rstrip(".").split()
    for _ in range(2):
        tokens[rng.randrange(len(tokens))] = rng.choice(words)
    return f"{' '.join(rng.choices(words, k=2)).capitalize()} said {' '.join(tokens)} on Friday."


@contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database on the admin URL's server, dropped afterwards."""
    import sqlalchemy

    name = f"verify_bench_match_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def index_recall(
    claims: list[str],
    passages_: list[str],
    found: list[inmemory.Match],
    url: str,
    *,
    postings: int | None = None,
    per_page: int = 25,
) -> None:
    """Store the passages through the library's path into a database (pages of per_page
    passages), ask the index for every claim's candidates the way `check` does, and count how
    many of the in-memory matcher's matches are among them."""
    from sqlalchemy import text

    from verify import database, passages
    from verify.cli.common import load_workflow

    flow = load_workflow(None)
    max_postings = postings or flow.query_postings
    engine = database.open_engine(url)
    started = time.perf_counter()
    ids: list[int] = []
    step = per_page * 100  # a transaction per 100 pages, as fetch writes in batches
    for batch in range(0, len(passages_), step):
        with database.session_on(engine) as session:
            for start in range(batch, min(batch + step, len(passages_)), per_page):
                page = passages_[start : start + per_page]
                source = sources.add(session, [f"http://p{start}.test/"], by="bench")[0].source
                drafts = [
                    passages.Draft(n, 0, len(t), t, matching.normalise(t))
                    for n, t in enumerate(page)
                ]
                passages.store(session, source.id or 0, drafts)
                ids.extend([source.id or 0] * len(page))
    stored_s = time.perf_counter() - started
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, source_id, ordinal FROM passage")).all()
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE passage_words"))
            conn.commit()
    row_of = {(sid, n): pid for pid, sid, n in rows}
    passage_row = [row_of[(ids[j], j % per_page)] for j in range(len(passages_))]
    wanted: dict[int, set[int]] = {}
    for m in found:
        wanted.setdefault(m.claim, set()).add(passage_row[m.passage])
    started = time.perf_counter()
    hits = total = 0
    with database.session_on(engine) as session:
        norms = {i: matching.normalise(claims[i]) for i in wanted}
        df = passages.frequencies(
            session, {w for n in norms.values() for w in passages.terms_of(n)}
        )
        for i, rows_wanted in wanted.items():
            query = passages.query_for(
                norms[i], df, max_terms=flow.query_terms, max_postings=max_postings
            )
            got = {c.id for c in passages.candidates(session, query, limit=flow.candidates)}
            hits += len(rows_wanted & got)
            total += len(rows_wanted)
    query_s = time.perf_counter() - started
    engine_name = "SQLite FTS5" if engine.dialect.name == "sqlite" else "PostgreSQL word table"
    engine.dispose()
    print(
        f"  index path ({engine_name}, K = {flow.candidates}, query_postings = "
        f"{max_postings:,}): {len(passages_):,} passages stored "
        f"in {stored_s:.0f} s; {len(wanted):,} claims queried in {query_s:.1f} s "
        f"({len(wanted) / query_s:,.0f} claims/s); recall of the in-memory matcher's "
        f"{total:,} matches: {hits / max(total, 1):.3f}   (target ≥ 0.99)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--passages", type=int, default=200_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--no-index", action="store_true", help="Skip the database index path.")
    parser.add_argument(
        "--postgres",
        help="also the index path on PostgreSQL: an admin URL, "
        "e.g. postgresql+psycopg://postgres@127.0.0.1/postgres (a database is made and dropped)",
    )
    parser.add_argument(
        "--query-postings", type=int, help="override the workflow's [match] query_postings"
    )
    args = parser.parse_args()
    rng = random.Random(4)
    words = vocabulary(rng)
    claims = [sentence(rng, words) for _ in range(args.claims)]
    passages = [sentence(rng, words) for _ in range(args.passages)]
    for i in rng.sample(range(args.claims), args.claims // 2):  # half the claims have sources
        for _ in range(rng.randint(1, 3)):
            passages[rng.randrange(args.passages)] = paraphrase(rng, claims[i], words)
    started = time.perf_counter()
    cn = [matching.normalise(c) for c in claims]
    pn = [matching.normalise(p) for p in passages]
    normalise_s = time.perf_counter() - started

    started = time.perf_counter()
    index = inmemory.BlockingIndex(pn)
    index_s = time.perf_counter() - started
    started = time.perf_counter()
    found = inmemory.find(cn, pn, scorer=SCORER, min_score=MIN_SCORE, index=index)
    blocked_s = time.perf_counter() - started
    print(
        f"matching {args.claims:,} claims × {args.passages:,} passages ({SCORER} ≥ {MIN_SCORE:g})"
    )
    rate = args.claims / blocked_s
    print(
        f"  normalise {normalise_s:.1f} s; build index {index_s:.1f} s; blocked match "
        f"{blocked_s:.1f} s → {len(found):,} matches ({rate:,.0f} claims/s)"
    )

    if not args.no_index:
        folder = Path(tempfile.mkdtemp(prefix="verify-bench-match-"))
        url = f"sqlite:///{folder / 'verify.db'}"
        index_recall(claims, passages, found, url, postings=args.query_postings)
        if args.postgres:
            with postgres_database(args.postgres) as pg:
                index_recall(claims, passages, found, pg, postings=args.query_postings)

    sample = rng.sample(range(args.claims), args.sample)
    started = time.perf_counter()
    matrix = np.asarray(
        process.cdist(
            [cn[i] for i in sample], pn, scorer=matching.SCORERS[SCORER], processor=None, workers=-1
        )
    )
    exhaustive_s = time.perf_counter() - started
    pairs_per_s = args.sample * args.passages / exhaustive_s
    full_s = exhaustive_s * args.claims / args.sample
    print(
        f"  exhaustive cdist on {args.sample} claims: {exhaustive_s:.1f} s "
        f"({pairs_per_s / 1e6:.2f} M pairs/s) → all claims ≈ {full_s / 60:.0f} min"
    )
    print(
        f"  speed-up (index + blocked match vs exhaustive): "
        f"{full_s / (index_s + blocked_s):.0f}×   (target ≥ 100×)"
    )

    candidates = index.search([cn[i] for i in sample], inmemory.CANDIDATES)
    top_hits = above_hits = above_total = kept_hits = kept_total = 0
    for i, row, cands in zip(sample, matrix, candidates, strict=True):
        top5 = np.argsort(-row, kind="stable")[:5]
        fifth = row[top5[-1]]
        got = sorted((row[j] for j in cands), reverse=True)[:5]
        top_hits += sum(1 for s in got if s >= fifth)
        above = set(np.nonzero(row >= MIN_SCORE)[0].tolist())
        above_total += len(above)
        above_hits += len(above & set(cands))
        claim_words = matching.content_words(cn[i])  # pairs the matcher would keep, not just score
        kept = {
            j
            for j in above
            if matching.overlap(claim_words, matching.content_words(pn[j]), index.weight)
            >= matching.MIN_SHARE
        }
        kept_total += len(kept)
        kept_hits += len(kept & set(cands))
    print(
        f"  blocking recall of exhaustive top-5 scores: {top_hits / (5 * args.sample):.3f}; "
        f"of all pairs scoring ≥ {MIN_SCORE:g}: {above_hits / max(above_total, 1):.3f} "
        f"({above_total} pairs); of the pairs the matcher keeps (score and shared rare words): "
        f"{kept_hits / max(kept_total, 1):.3f} ({kept_total})   (target ≥ 0.98)"
    )


if __name__ == "__main__":
    main()
