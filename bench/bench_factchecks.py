"""Fact-check retrieval: claims searched per second against a store of 100,000 fact-checks,
through the path `verify check` and `verify factchecks search` use (the database's full-text
index for candidates, rapidfuzz re-rank), on SQLite and optionally PostgreSQL; beside the
in-memory BM25 index verify used before (which had to load and index every fact-check first).

    .venv/bin/python bench/bench_factchecks.py [--store 100000] [--queries 2000] [--postgres URL]
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import inmemory  # noqa: E402
from bench_match import paraphrase, sentence, vocabulary  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from verify import claimreview, database, factchecks, matching  # noqa: E402


def through_database(url: str, store: list[str], picked: list[int], queries: list[str]) -> None:
    engine = database.open_engine(url)
    try:
        started = time.perf_counter()
        with database.session_on(engine) as session:
            for start in range(0, len(store), 5000):
                records = [claimreview.Record(text, f"https://desk.example/{start + n}")
                           for n, text in enumerate(store[start : start + 5000])]  # fmt: skip
                factchecks.store(session, records, source="bench")
        filled = time.perf_counter() - started
        if engine.dialect.name == "postgresql":  # what autovacuum does after a bulk import:
            with engine.connect() as conn:  # planner statistics, GIN pending list merged
                conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.exec_driver_sql("VACUUM ANALYZE factcheck")
        with database.session_on(engine) as session:
            started = time.perf_counter()
            index = factchecks.Index(session)
            opened = time.perf_counter() - started
            started = time.perf_counter()
            found = index.search(queries, scorer="token_set_ratio", limit=5)
            search = time.perf_counter() - started
        key = {f"https://desk.example/{i}": i for i in picked}
        hit = sum(1 for i, hits in zip(picked, found, strict=True)
                  if hits and key.get(hits[0].factcheck.review_url) == i)  # fmt: skip
        print(f"  {engine.dialect.name}: stored in {filled:.0f} s (import path, index kept by the "
              f"database); opening the search {opened * 1000:.0f} ms; "
              f"{len(queries) / search:,.0f} claims/s searched; the paraphrased fact-check "
              f"ranked first for {hit / len(queries):.1%}")  # fmt: skip
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--postgres", help="an admin URL; a scratch database is made and dropped")
    args = parser.parse_args()
    rng = random.Random(9)
    words = vocabulary(rng)
    store = [sentence(rng, words) for _ in range(args.store)]
    picked = rng.sample(range(args.store), args.queries)
    queries = [paraphrase(rng, store[i], words) for i in picked]
    print(f"fact-check retrieval, store of {args.store:,}, {args.queries:,} paraphrased claims:")
    started = time.perf_counter()
    texts = [matching.normalise(t) for t in store]
    index = inmemory.BlockingIndex(texts, stopwords=matching.RANKING_STOPWORDS, drop_common=False)
    build = time.perf_counter() - started
    started = time.perf_counter()
    ranked = inmemory.rank([matching.normalise(q) for q in queries], texts, index,
                           scorer="token_set_ratio", limit=5)  # fmt: skip
    search = time.perf_counter() - started
    hit = sum(1 for i, hits in zip(picked, ranked, strict=True) if hits and hits[0][0] == i)
    print(f"  in memory (before): index built in {build:.1f} s on every run; "
          f"{args.queries / search:,.0f} claims/s searched; ranked first for "
          f"{hit / args.queries:.1%}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        through_database(f"sqlite:///{folder}/verify.db", store, picked, queries)
    if args.postgres:
        from sqlalchemy import create_engine

        name = f"verify_bench_fc_{os.getpid()}"
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            through_database(args.postgres.rsplit("/", 1)[0] + f"/{name}", store, picked, queries)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


if __name__ == "__main__":
    main()
