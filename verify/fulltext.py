"""The database's own full-text index over a table's `norm` column (the matching form of its
text). Passages and fact-checks both use it.

- SQLite: FTS5 as an external-content table `<table>_fts` kept in step by triggers, ranked
  with its own `bm25()`.
- PostgreSQL: a word table `<table>_words (term, id)` whose primary key is the inverted index,
  kept in step by statement triggers, ranked by the summed idf of the query words a row holds.
  A ranked query then reads only the index (an index-only scan of the query words' entries)
  and never the rows it ranks; a `tsvector` with GIN (migrations 0004-0008) has to fetch every
  row holding any query word to rank it, which made a query at 100,000 pages cost ~250 ms.
  The price is disk: the word table and its index are ~8x the GIN index.

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


def create(connection: Connection, table: str, *, layout: str = "words") -> None:
    """Index `table.norm` (run by the migration that creates or fills the table). On
    PostgreSQL `layout` "tsvector" is the older layout (tsvector + GIN), kept for the
    migrations that made it; "words" is the current one."""
    if connection.dialect.name == "postgresql":
        if layout == "tsvector":
            connection.exec_driver_sql(
                f"ALTER TABLE {table} ADD COLUMN tsv tsvector "
                "GENERATED ALWAYS AS (to_tsvector('simple', norm)) STORED"
            )
            connection.exec_driver_sql(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")
        else:
            _create_words(connection, table)
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


def _words_of(rows: str) -> str:
    """SQL for the distinct (term, id) pairs of `rows` (a table with id and norm): the words
    of `norm` split as Python's str.split() splits it (norm holds single spaces only)."""
    return (
        f"SELECT DISTINCT w.term, r.id FROM {rows} r "
        "CROSS JOIN LATERAL string_to_table(r.norm, ' ') AS w(term) WHERE w.term <> ''"
    )


def _create_words(connection: Connection, table: str) -> None:
    """PostgreSQL: `<table>_words` filled from the rows there and kept in step by statement
    triggers (one statement per batch of rows, not one per row)."""
    words = f"{table}_words"
    connection.exec_driver_sql(
        f"CREATE TABLE {words} (term text NOT NULL, id integer NOT NULL, "
        f"CONSTRAINT pk_{words} PRIMARY KEY (term, id))"
    )
    add = f"INSERT INTO {words} (term, id) {_words_of('new_rows')};"
    remove = (
        f"DELETE FROM {words} x USING ({_words_of('old_rows')}) o "
        "WHERE x.term = o.term AND x.id = o.id;"
    )
    changed = (  # rows whose norm an UPDATE changed, as they were (o) or are now (n)
        "(SELECT {side}.id, {side}.norm FROM old_rows o JOIN new_rows n ON n.id = o.id "
        "WHERE n.norm IS DISTINCT FROM o.norm)"
    )
    replace = (
        f"DELETE FROM {words} x USING ({_words_of(changed.format(side='o'))}) o "
        "WHERE x.term = o.term AND x.id = o.id; "
        f"INSERT INTO {words} (term, id) {_words_of(changed.format(side='n'))};"
    )
    bodies = {
        "insert": (add, "NEW TABLE AS new_rows"),
        "delete": (remove, "OLD TABLE AS old_rows"),
        "update": (replace, "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    }
    for kind, (body, tables) in bodies.items():
        connection.exec_driver_sql(
            f"CREATE FUNCTION {words}_{kind}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {body} RETURN NULL; END $$"
        )
        connection.exec_driver_sql(
            f"CREATE TRIGGER {words}_{kind} AFTER {kind.upper()} ON {table} "
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {words}_{kind}()"
        )
    connection.exec_driver_sql(f"INSERT INTO {words} (term, id) {_words_of(table)}")
    connection.exec_driver_sql(f"ANALYZE {words}")


def drop(connection: Connection, table: str, *, layout: str = "words") -> None:
    """Undo `create`."""
    if connection.dialect.name == "postgresql":
        if layout == "tsvector":
            connection.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_tsv")
            connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN IF EXISTS tsv")
            return
        words = f"{table}_words"
        for kind in ("insert", "delete", "update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {words}_{kind} ON {table}")
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {words}_{kind}()")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {words}")
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

    The ranking reads only `<table>_words`' primary key: each word's entries come from it in
    id order, are merged and summed as they stream by (no hash table of every row holding a
    word: 2.5x faster than joining the words and grouping), and the table's rows are read for
    the best `limit` alone."""
    params: dict[str, object] = {"limit": limit}
    name, alias = table.split()
    scans = []
    for n, (word, weight) in enumerate(terms):
        params[f"t{n}"], params[f"w{n}"] = word, weight
        scans.append(
            f"(SELECT id, CAST(:w{n} AS float8) AS w FROM {name}_words "
            f"WHERE term = CAST(:t{n} AS text) ORDER BY id)"
        )
    merged = scans[0] if len(scans) == 1 else f"{' UNION ALL '.join(scans)} ORDER BY id"
    sql = text(
        f"SELECT {columns}, r.rank FROM (SELECT u.id, sum(u.w) AS rank FROM ({merged}) u "
        "GROUP BY u.id ORDER BY rank DESC, u.id LIMIT :limit) r "
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
    known = {w: idf(n, total) for w, n in df.items() if w != TOTAL and n}
    default = sum(known.values()) / len(known) if known else 1.0
    return lambda word: known.get(word, default)
