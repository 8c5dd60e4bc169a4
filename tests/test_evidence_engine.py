"""The evidence engine end to end (issue 9): passages stored and indexed when a page is fetched,
checks that ask the index, incremental checks that follow new pages, origin groups kept at
fetch time. Real loopback server, real CLI, SQLite and PostgreSQL."""

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy

from tests.conftest import ROOT, SEED_CLAIMS, SEEDS, Invoke, claim_id_with, invoker, rows
from tests.webserver import Handler, Reply, Site, serve
from verify import database, passages
from verify.models import Passage

TROOPS = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body}</p><p>Officials in Brussels met on Friday to discuss the alliance's response "
    "and the briefing that Seoul's delegation gave to ambassadors.</p></article></body></html>"
)
SUPPORT = (
    "South Korea's spy agency says North Korea is deploying four brigades totaling 12,000 "
    "troops to Russia, including special forces."
)
CONFLICT = (
    "Ukraine's military intelligence says North Korea is deploying about 3,000 troops to "
    "Russia, including special forces, for now."
)
UNRELATED = "The city council voted on Tuesday to repave the main road through the old harbour."


class Pages:
    """Pages whose text a test changes between fetches; ETags follow the text."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.texts: dict[str, str] = {}

    def put(self, path: str, body: str, title: str = "Report") -> None:
        self.texts[path] = TROOPS.format(title=title, body=body)
        self.site.routes[path] = self._route(path)

    def _route(self, path: str):  # type: ignore[no-untyped-def]
        def route(h: Handler) -> Reply:
            html = self.texts[path]
            etag = f'"{hash(html) & 0xFFFFFFFF:x}"'
            if h.headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": "text/html; charset=utf-8", "ETag": etag}, html.encode()

        return route


@pytest.fixture
def pages() -> Iterator[Pages]:
    site = Site()
    site.page("/robots.txt", "User-agent: *\n", headers={"Content-Type": "text/plain"})
    with serve(site):
        yield Pages(site)


def fetch_args(pages: Pages) -> list[str]:
    return ["--resolve", f"news.test:127.0.0.1:{pages.site.port}"]


def url(path: str) -> str:
    return f"http://news.test{path}"


def passage_rows(db: str, path: str) -> list[tuple[int, str]]:
    return [
        (int(i), str(t))
        for i, t in rows(
            db,
            "SELECT p.id, p.text FROM passage p JOIN source s ON s.id = p.source_id "
            "WHERE s.url = :u ORDER BY p.ordinal",
            u=url(path),
        )
    ]


def frequencies_match_the_passages(db: str) -> None:
    """passageterm's counts are exactly what the stored passages hold."""
    counted: dict[str, int] = {}
    norms = [str(n) for (n,) in rows(db, "SELECT norm FROM passage")]
    for norm in norms:
        for term in passages.terms_of(norm):
            counted[term] = counted.get(term, 0) + 1
    counted[passages.TOTAL] = len(norms)
    stored = {str(t): int(n) for t, n in rows(db, "SELECT term, docs FROM passageterm")}
    assert {t: n for t, n in stored.items() if n} == counted


def index_matches_the_passages(db: str) -> None:
    """On PostgreSQL the word table holds exactly each stored passage's words."""
    if not db.startswith("postgresql"):
        return  # FTS5 keeps itself; search() above shows what it holds
    expected = {
        (word, int(i))
        for i, norm in rows(db, "SELECT id, norm FROM passage")
        for word in norm.split()
    }
    assert {(str(t), int(i)) for t, i in rows(db, "SELECT term, id FROM passage_words")} == expected


def test_passages_are_stored_on_fetch_replaced_on_change_and_kept_on_304(
    cli: Invoke, pages: Pages, db: str
) -> None:
    pages.put("/a", SUPPORT)
    cli("sources", "add", url("/a"))
    out = cli("fetch", *fetch_args(pages)).stdout
    assert "1 new or changed" in out
    first = passage_rows(db, "/a")
    assert [t for _, t in first][0] == SUPPORT and len(first) == 2
    frequencies_match_the_passages(db)
    assert "0 unchanged" in out
    assert "1 unchanged" in cli("fetch", "--all", *fetch_args(pages)).stdout  # a 304
    assert passage_rows(db, "/a") == first  # same rows: nothing was touched
    pages.put("/a", CONFLICT)
    assert "1 new or changed" in cli("fetch", "--all", *fetch_args(pages)).stdout
    second = passage_rows(db, "/a")
    assert [t for _, t in second][0] == CONFLICT
    assert len(second) == 2 and rows(db, "SELECT count(*) FROM passage") == [(2,)]  # replaced
    frequencies_match_the_passages(db)
    assert search(db, "brigades spy agency") == []  # the old text left the index too
    assert search(db, "ukraine military intelligence")[0] == CONFLICT
    index_matches_the_passages(db)


def search(db: str, words: str) -> list[str]:
    """What the index returns for a query, through the library's own query path."""
    engine = database.open_engine(db)
    try:
        with database.session_on(engine) as session:
            df = passages.frequencies(session, words.split())
            query = passages.query_for(words, df, max_terms=8, max_postings=10_000)
            return [c.text for c in passages.candidates(session, query, limit=5)]
    finally:
        engine.dispose()


def test_the_index_finds_passages_by_their_rarer_words(cli: Invoke, pages: Pages, db: str) -> None:
    pages.put("/a", SUPPORT)
    pages.put("/b", UNRELATED)
    cli("sources", "add", url("/a"), url("/b"))
    cli("fetch", *fetch_args(pages))
    assert search(db, "brigades 12000 troops")[0] == SUPPORT
    assert search(db, "harbour council")[0] == UNRELATED
    assert search(db, "zeppelin") == []


def test_a_claim_ingested_after_the_pages_were_fetched_still_finds_them(
    cli: Invoke, pages: Pages, db: str
) -> None:
    pages.put("/a", SUPPORT, "Seoul briefs lawmakers")
    pages.put("/b", CONFLICT, "Kyiv's count")
    cli("sources", "add", url("/a"), url("/b"))
    cli("fetch", *fetch_args(pages))
    cli("ingest", str(SEEDS))
    out = cli("check").stdout
    troops = claim_id_with(db, "deploying four brigades totaling 12,000")
    assert f"claim {troops}: unverified → disputed" in out
    stances = dict(
        rows(db, "SELECT url, stance FROM evidence WHERE claim_id = :c", c=troops)  # type: ignore[arg-type]
    )
    assert stances == {url("/a"): "supports", url("/b"): "contradicts"}


def checked_at(db: str) -> dict[int, datetime | None]:
    return {int(i): t for i, t in rows(db, "SELECT id, checked_at FROM claim")}


def test_a_page_fetched_after_a_check_rechecks_only_the_claims_it_speaks_to(
    cli: Invoke, pages: Pages, db: str
) -> None:
    cli("ingest", str(SEEDS))
    pages.put("/a", UNRELATED, "Harbour news")
    cli("sources", "add", url("/a"))
    cli("fetch", *fetch_args(pages))
    first = cli("check").stdout
    assert f"Checked {SEED_CLAIMS} claim(s)" in first
    before = checked_at(db)
    assert all(before.values())
    assert "Checked 0 claim(s)" in cli("check").stdout  # nothing new: nothing matched
    assert checked_at(db) == before

    pages.put("/b", CONFLICT, "Kyiv's count")
    cli("sources", "add", url("/b"))
    fetched = cli("fetch", *fetch_args(pages)).stdout
    assert "1 new or changed" in fetched
    due = {int(c) for (c,) in rows(db, "SELECT DISTINCT claim_id FROM claimdue")}
    troops = claim_id_with(db, "deploying four brigades totaling 12,000")
    assert troops in due and len(due) < SEED_CLAIMS  # the page's words, not every claim
    out = cli("check").stdout
    assert f"Checked {len(due)} claim(s)" in out
    assert f"claim {troops}: unverified → disputed" in out
    after = checked_at(db)
    moved = {c for c in after if after[c] != before[c]}
    assert moved == due
    assert rows(db, "SELECT count(*) FROM claimdue") == [(0,)]

    # The whole index again gives nothing the incremental checks missed.
    notes = dict(rows(db, "SELECT id, note FROM evidence"))  # type: ignore[arg-type]
    full = cli("check", "--full").stdout
    assert (
        f"Checked {SEED_CLAIMS} claim(s)" in full
        and "0 new evidence" in full
        and "0 status" in full
    )
    changed = {i: (notes[i], n) for i, n in rows(db, "SELECT id, note FROM evidence")
               if notes[i] != n}  # fmt: skip
    # Only the share of rarer words in a "discusses its subject" note may move: rarity
    # follows the corpus, which grew since the first check.
    assert all("discusses its subject" in a and "discusses its subject" in b
               for a, b in changed.values()), changed  # fmt: skip
    assert all(after[c] != t for c, t in checked_at(db).items())


@pytest.mark.parametrize(
    "edit", ["min_score = 90", "suggest = 0.5", "confirm = 0.7", "candidates = 20"]
)
def test_a_changed_workflow_rechecks_everything(
    cli: Invoke, pages: Pages, db: str, tmp_path: Path, edit: str
) -> None:
    cli("ingest", str(SEEDS))
    pages.put("/a", SUPPORT)
    cli("sources", "add", url("/a"))
    cli("fetch", *fetch_args(pages))
    cli("check")
    assert "Checked 0 claim(s)" in cli("check").stdout
    stricter = tmp_path / "strict.toml"
    text = (ROOT / "workflows" / "default.toml").read_text(encoding="utf-8")
    changed = text.replace(
        "min_score = 80", edit if edit.startswith("min") else f"min_score = 80\n{edit}"
    )
    stricter.write_text(changed, encoding="utf-8")
    assert edit in stricter.read_text(encoding="utf-8")
    assert f"Checked {SEED_CLAIMS} claim(s)" in cli("check", "--workflow", str(stricter)).stdout


def test_check_of_named_claims_and_unknown_ids(cli: Invoke, db: str) -> None:
    cli("ingest", str(SEEDS))
    assert "Checked 2 claim(s)" in cli("check", "1", "2").stdout
    assert "Checked 0 claim(s)" in cli("check", "1", "2").stdout
    assert "Checked 2 claim(s)" in cli("check", "1", "2", "--full").stdout
    out = cli("check", "1", "999", code=1)
    assert "no claim with id 999" in out.stderr


@pytest.mark.parametrize(
    "charset, text",
    [
        ("koi8-r", "Разведка Южной Кореи сообщила, что Северная Корея направляет войска."),
        ("windows-1251", "Министерство заявило, что двенадцать тысяч солдат уже в России."),
        ("shift_jis", "韓国の情報機関は北朝鮮が一万二千人の兵士を派遣していると述べた。"),
    ],
)
def test_pages_in_legacy_charsets_are_stored_as_text(
    cli: Invoke, pages: Pages, db: str, charset: str, text: str
) -> None:
    html = (
        f"<html><head><title>t</title></head><body><article><p>{text}</p></article></body></html>"
    )
    for declared in ("header", "meta"):
        path = f"/{charset}-{declared}"
        if declared == "header":
            headers = {"Content-Type": f"text/html; charset={charset}"}
            body = html.encode(charset)
        else:
            headers = {"Content-Type": "text/html"}
            body = html.replace("<head>", f'<head><meta charset="{charset}">').encode(charset)
        pages.site.page(path, body, headers=headers)
        cli("sources", "add", url(path))
    cli("fetch", *fetch_args(pages))
    stored = [str(t) for (t,) in rows(db, "SELECT text FROM source ORDER BY id")]
    assert stored == [text, text]
    assert [t for _, t in passage_rows(db, f"/{charset}-meta")] == [text]


def test_syndicated_copies_share_an_origin_found_at_fetch_time(
    cli: Invoke, pages: Pages, db: str
) -> None:
    story = (
        f"{SUPPORT} The agency told lawmakers in a closed session that the soldiers had been "
        "moved by ship from the port of Chongjin to Vladivostok over the past two weeks."
    )
    for host in ("wire.test", "daily.test", "herald.test"):
        pages.site.routes[f"{host}/story"] = lambda h: (
            200, {"Content-Type": "text/html"}, TROOPS.format(title="Copy", body=story).encode()
        )  # fmt: skip
    pages.put("/own", UNRELATED)
    hosts = ("wire.test", "daily.test", "herald.test")
    cli("sources", "add", *[f"http://{h}/story" for h in hosts], url("/own"))
    resolve = [a for h in (*hosts, "news.test") for a in ("--resolve", f"{h}:127.0.0.1:"
                                                          f"{pages.site.port}")]  # fmt: skip
    cli("fetch", *resolve)
    groups = dict(rows(db, "SELECT url, origin_group FROM source"))  # type: ignore[arg-type]
    assert {groups[f"http://{h}/story"] for h in hosts} == {"daily.test"}
    assert groups[url("/own")] == "news.test"


def test_migration_backfills_passages_and_origins(tmp_path: Path, db: str) -> None:
    """A database at revision 0003 with fetched pages gets passages, counts and groups."""
    from alembic import command

    engine = sqlalchemy.create_engine(db)
    with engine.begin() as connection:
        command.upgrade(database._alembic_config(connection), "0003")
        for n, (host, body) in enumerate([("a.test", SUPPORT), ("b.test", CONFLICT)], 1):
            connection.execute(
                sqlalchemy.text(
                    "INSERT INTO source (id, url, kind, text, failures, added_by, added_at) "
                    "VALUES (:id, :u, 'page', :t, 0, 'x', CURRENT_TIMESTAMP)"
                ),
                {"id": n, "u": f"http://{host}/p", "t": f"{body}\n\n{UNRELATED}"},
            )
    engine.dispose()
    engine = database.open_engine(db)
    engine.dispose()
    assert database.current_revision(db) == database.SCHEMA_HEAD
    assert rows(db, "SELECT count(*) FROM passage") == [(4,)]
    frequencies_match_the_passages(db)
    index_matches_the_passages(db)  # through 0004's tsvector and 0009's word table
    assert search(db, "brigades 12000")[0] == SUPPORT
    assert sorted(rows(db, "SELECT origin_group FROM source")) == [("a.test",), ("b.test",)]


def test_passage_model_matches_the_table(db: str) -> None:
    engine = database.open_engine(db)
    try:
        columns = {c["name"] for c in sqlalchemy.inspect(engine).get_columns("passage")}
    finally:
        engine.dispose()
    assert set(Passage.model_fields) <= columns


def test_check_json_shape_is_unchanged_for_scripts(cli: Invoke, db: str) -> None:
    cli("ingest", str(SEEDS))
    data = json.loads(cli("claims", "show", "1", "--json").stdout)
    assert {"evidence", "history", "facts", "version"} <= set(data)


def test_stricter_settings_withdraw_evidence_judged_again_on_the_same_page(
    cli: Invoke, pages: Pages, db: str, tmp_path: Path
) -> None:
    """After a whole check under stricter settings, automatic evidence is what a fresh
    database checked under them holds; a link attached by hand stays."""
    strict = tmp_path / "strict.toml"
    text = (ROOT / "workflows" / "default.toml").read_text(encoding="utf-8")
    strict.write_text(text.replace("min_score = 80", "min_score = 80\nsuggest = 1.0"))
    pages.put("/a", SUPPORT)
    auto = "SELECT claim_id, source_id, stance FROM evidence WHERE method = 'auto' ORDER BY 1, 2"

    def fetched(invoke: Invoke) -> None:
        invoke("ingest", str(SEEDS))
        invoke("sources", "add", url("/a"))
        invoke("fetch", *fetch_args(pages))

    fresh_db = f"sqlite:///{tmp_path / 'fresh.db'}"
    fresh = invoker(fresh_db)
    fetched(fresh)
    fresh("check", "--workflow", str(strict))
    fetched(cli)
    cli("check")
    claim = claim_id_with(db, "fake news")  # pending still: one origin is not enough
    cli("evidence", "attach", str(claim), "https://desk.example/1", "--stance", "supports",
        "--no-capture")  # fmt: skip
    before = rows(db, auto)
    data = json.loads(cli("check", "--workflow", str(strict), "--json").stdout)
    after = rows(db, auto)
    assert after == rows(fresh_db, auto) and len(after) < len(before)
    assert data["evidence_withdrawn"] == len(before) - len(after) and data["evidence_new"] == 0
    assert rows(db, "SELECT url FROM evidence WHERE method = 'manual'") == [
        ("https://desk.example/1",)
    ]
    cli("check", "--workflow", str(ROOT / "workflows" / "default.toml"))
    assert rows(db, auto) == before  # the old settings find them again
