"""The database's own full-text index over a table's `norm` column (the matching form of its
text): SQLite FTS5 as an external-content table `<table>_fts` kept in step by triggers,
PostgreSQL a generated `tsv` column (`simple` configuration: `norm` is lower case already, and
texts come in many languages) with a GIN index. Passages and fact-checks both use it.

How many rows hold each word lives in a term table beside the indexed one (`passageterm`,
`factcheckterm`; the row for TOTAL counts the rows), kept by the writers, so a query picks a
text's rarest words without reading the index: neither engine's own statistics answer that
cheaply (PostgreSQL would count a word's rows; SQLite's fts5vocab scans its vocabulary)."""

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from sqlalchemy import Connection, TextClause, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel, col, select

TOTAL = ""  # the term-table row that counts the indexed rows
CHUNK = 500  # bound parameters per IN list


def create(connection: Connection, table: str) -> None:
    """Index `table.norm` (run by the migration that creates or fills the table)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            f"ALTER TABLE {table} ADD COLUMN tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', norm)) STORED"
        )
        connection.exec_driver_sql(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")
        return
    fts = f"{table}_fts"
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {fts} USING fts5(norm, content='{table}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    delete = f"INSERT INTO {fts}({fts}, rowid, norm) VALUES ('delete', old.id, old.norm);"
    insert = f"INSERT INTO {fts}(rowid, norm) VALUES (new.id, new.norm);"
    for statement in (
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # rows already there


def drop(connection: Connection, table: str) -> None:
    """Undo `create` (downgrades)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_tsv")
        connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN IF EXISTS tsv")
        return
    for kind in ("insert", "delete", "update"):
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_fts_{kind}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}_fts")


def ranked(
    dialect: str, table: str, columns: str, terms: Sequence[tuple[str, float]], limit: int
) -> tuple[TextClause, dict[str, object]]:
    """SQL for the rows of `table` ("name alias") holding any of the words, best first:
    `columns`, then a rank where higher is better (`ranked_sqlite`, `ranked_postgres`)."""
    make = ranked_postgres if dialect == "postgresql" else ranked_sqlite
    return make(table, columns, terms, limit)


def ranked_sqlite(
    table: str, columns: str, terms: Sequence[tuple[str, float]], limit: int
) -> tuple[TextClause, dict[str, object]]:
    """SQLite: FTS5's own `bm25()` over `<table>_fts` (negated: higher is better), the best
    `limit` found in the index before any row of the table is read."""
    name, alias = table.split()
    match = " OR ".join(f'"{word}"' for word, _ in terms)
    sql = text(
        f"SELECT {columns}, -f.score AS rank FROM (SELECT rowid, bm25({name}_fts) AS score "
        f"FROM {name}_fts WHERE {name}_fts MATCH :match ORDER BY score, rowid LIMIT :limit) f "
        f"JOIN {name} {alias} ON {alias}.id = f.rowid ORDER BY f.score, {alias}.id"
    )
    return sql, {"match": match, "limit": limit}


def ranked_postgres(
    table: str, columns: str, terms: Sequence[tuple[str, float]], limit: int
) -> tuple[TextClause, dict[str, object]]:
    """PostgreSQL: the rows of `table` holding any of the words, best first, ranked by the
    summed idf of the words each holds (BM25 with binary term frequency: in a sentence a word
    rarely occurs twice, and `ts_rank_cd` has no idf at all). Selects `columns`, then the rank.
    Each matching row's words are joined with the query's (one pass over its lexemes) rather
    than testing the row against every word."""
    params: dict[str, object] = {"limit": limit}
    tests, values = [], []
    for n, (word, idf) in enumerate(terms):
        params[f"t{n}"], params[f"w{n}"] = word, idf
        tests.append(f"plainto_tsquery('simple', :t{n})")
        values.append(f"(CAST(:t{n} AS text), CAST(:w{n} AS float8))")
    alias = table.split()[-1]
    sql = text(
        f"SELECT {columns}, r.rank FROM (SELECT m.id, sum(q.w) AS rank FROM "
        f"(SELECT id, tsv FROM {table.split()[0]} WHERE tsv @@ ({' || '.join(tests)})) m "
        "CROSS JOIN LATERAL unnest(tsvector_to_array(m.tsv)) AS t(term) "
        f"JOIN (VALUES {', '.join(values)}) AS q(term, w) ON q.term = t.term "
        "GROUP BY m.id ORDER BY rank DESC, m.id LIMIT :limit) r "
        f"JOIN {table} ON {alias}.id = r.id ORDER BY r.rank DESC, r.id"
    )
    return sql, params


def add_counts(session: Session, terms: type[SQLModel], counts: Counter[str]) -> None:
    """Add to a term table's document frequencies, in term order (so concurrent writers on
    PostgreSQL lock rows in one order and never deadlock)."""
    rows = [{"term": term, "docs": n} for term, n in sorted(counts.items()) if n]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = terms.__table__  # type: ignore[attr-defined]
    stmt = make(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.term], set_={"docs": table.c.docs + stmt.excluded.docs}
    )
    connection = session.connection()
    for start in range(0, len(rows), CHUNK):
        connection.execute(stmt, rows[start : start + CHUNK])


def frequencies(session: Session, terms: type[SQLModel], words: Iterable[str]) -> dict[str, int]:
    """How many rows hold each word (words none holds are left out), and under TOTAL how
    many rows there are."""
    wanted = sorted(set(words) | {TOTAL})
    term, docs = terms.term, terms.docs  # type: ignore[attr-defined]
    found: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        query = select(term, docs).where(col(term).in_(wanted[start : start + CHUNK]))
        found.update((t, n) for t, n in session.exec(query) if n > 0)
    found.setdefault(TOTAL, 0)
    return found


def idf(docs: int, total: int) -> float:
    """BM25's inverse document frequency (never negative)."""
    return math.log1p((total - docs + 0.5) / (docs + 0.5))


def rarest(
    words: Iterable[str],
    df: Mapping[str, int],
    *,
    max_terms: int,
    max_postings: int,
    keep_rarest: int = 3,
) -> list[tuple[str, float]]:
    """A text's words for an index query, rarest first, with their idf: at least keep_rarest
    of them, then more while they stay within max_terms words and max_postings index entries
    in all, which bounds the query's cost whatever the index holds."""
    total = df.get(TOTAL, 0)
    chosen: list[tuple[str, float]] = []
    postings = 0
    for word in sorted(words, key=lambda w: (df.get(w, 0), w)):
        n = df.get(word, 0)
        too_many = len(chosen) >= max_terms or postings + n > max_postings
        if len(chosen) >= keep_rarest and too_many:
            break
        chosen.append((word, idf(n, total)))
        postings += n
    return chosen


def weigher(df: Mapping[str, int]) -> Callable[[str], float]:
    """A word's rarity (idf) for matching.overlap, from frequencies that hold TOTAL; a word no
    row holds weighs as much as the average of the known ones: it tells nothing about which
    row is meant."""
    total = df.get(TOTAL, 0)
    known = [idf(n, total) for w, n in df.items() if w != TOTAL and n]
    default = sum(known) / len(known) if known else 1.0
    return lambda word: idf(df[word], total) if df.get(word) else default
