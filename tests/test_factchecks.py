"""Published fact-checks in (ClaimReview JSON-LD, HTML, Google JSON, CSV) and out."""

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, Invoke, claim_id_with, invoker, rows
from verify import verdicts, workflow

FILES = DATA / "factchecks"
TOUR = ROOT / "seeds" / "factchecks" / "tour"  # the README tour's files
GRAPH = TOUR / "checks.jsonld"
EVERY_FORMAT = sorted(p for folder in (FILES, TOUR) for p in folder.iterdir() if p.is_file())
COLUMNS = ["--text-col", "claim", "--rating-col", "verdict", "--url-col", "link",
           "--publisher-col", "outlet"]  # fmt: skip


def test_every_format_imports_and_malformed_records_are_named(cli: Invoke) -> None:
    out = cli("factchecks", "import", *map(str, EVERY_FORMAT), *COLUMNS)
    assert "Imported 6 fact-check(s): 6 new, 0 updated, 0 unchanged; 5 skipped." in out.stdout
    for expected in [
        "checks.tsv: record 2: needs claim text and an http(s) url",
        "google.json: record 2: no http(s) url",
        "checks.jsonld: record 3: no claimReviewed",
        "checks.jsonld: record 4: no http(s) url",
        "page.html: record 2: JSON-LD block 2 is not valid JSON",
    ]:
        assert expected in out.stderr
    again = cli("factchecks", "import", *map(str, EVERY_FORMAT), *COLUMNS)
    assert "0 new, 0 updated, 6 unchanged" in again.stdout


def test_fields_and_rating_normalisation(cli: Invoke, db: str) -> None:
    cli("factchecks", "import", str(GRAPH), str(FILES / "google.json"))
    found = dict(rows(db, "SELECT review_url, verdict FROM factcheck"))
    assert found == {
        "https://checkdesk.example/checks/north-korea-troops": "mostly_true",
        "https://checkdesk.example/checks/kremlin-footage": "false",  # "Pants on Fire"
        "https://factagency.example/kim-100k": "false",
    }
    (troops,) = rows(db, "SELECT rating_value, best_rating, worst_rating, claimant, publisher "
                         "FROM factcheck WHERE review_url LIKE '%troops'")  # fmt: skip
    assert troops == (4.0, 5.0, 1.0, "South Korea's spy agency", "Check Desk")


def test_wording_table_is_extended_by_the_workflow() -> None:
    assert verdicts.normalise("Cuento chino") is None
    assert verdicts.normalise("Cuento chino", wording={"cuento chino": "false"}) == "false"
    assert verdicts.normalise("True", wording={"TRUE": "mixed"}) == "mixed"  # the workflow wins
    assert verdicts.normalise(None, 1, 5, 1) == "false"
    assert verdicts.normalise(None, 5, 5, 1) == "true"
    assert set(verdicts.WORDING.values()) <= set(workflow.VERDICTS)


def test_search(cli: Invoke) -> None:
    cli("factchecks", "import", str(GRAPH))
    hits = json.loads(cli("factchecks", "search", "North Korea sends 12,000 troops to Russia",
                          "--json").stdout)  # fmt: skip
    assert hits[0]["url"] == "https://checkdesk.example/checks/north-korea-troops"
    assert hits[0]["verdict"] == "mostly_true" and hits[0]["score"] > 80


def test_check_attaches_fact_checks_and_confirms_verdicts(ingested: Invoke, db: str) -> None:
    ingested("factchecks", "import", str(GRAPH), str(TOUR / "page.html"))
    out = ingested("check").stdout
    troops = claim_id_with(db, "deploying four brigades totaling 12,000")
    assert f"claim {troops}: unverified → corroborated (matches a fact-check by Check Desk" in out
    report = ingested("report", str(troops)).stdout
    assert "fact-check by Check Desk: rated 'Mostly true'" in report
    assert "(origin checkdesk.example, factcheck" in report
    # the fact-check's verdict stands whenever the rules run again: a link attached by hand
    attached = ingested("evidence", "attach", str(troops), "https://desk.example/x",
                        "--stance", "mentions", "--no-capture")  # fmt: skip
    assert "Rules moved" not in attached.stdout
    assert rows(db, "SELECT status FROM claim WHERE id = :i", i=troops) == [("corroborated",)]
    assert f"claim {troops}" not in ingested("check", "--full").stdout


def test_claimreview_export_has_every_field_and_round_trips(
    ingested: Invoke, db: str, tmp_path: Path
) -> None:
    troops = str(claim_id_with(db, "deploying four brigades totaling 12,000"))
    ingested("status", "set", troops, "disputed", "--reason", "Kyiv says 3,000")
    doc = json.loads(ingested("report", troops, "--format", "claimreview", "--org-name", "Desk",
                              "--org-url", "https://desk.example").stdout)  # fmt: skip
    # required and recommended ClaimReview fields
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert doc["url"] == f"https://desk.example/claims/{troops}"
    assert doc["claimReviewed"].startswith("North Korea is deploying")
    assert len(doc["datePublished"]) == 10
    assert doc["author"] == {"@type": "Organization", "name": "Desk", "url": "https://desk.example"}
    assert doc["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 5,
                                   "worstRating": 1, "alternateName": "Disputed",
                                   "ratingExplanation": "Kyiv says 3,000"}  # fmt: skip
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "South Korea's spy agency"}
    assert item["datePublished"] == "2024-10-21"
    assert {a["url"] for a in item["appearance"]} >= {
        "https://seoul-ledger.example/2024/10/21/russian-envoy-summoned"
    }
    assert item["firstAppearance"]["url"] == item["appearance"][0]["url"]
    exported = tmp_path / "export.jsonld"
    exported.write_text(json.dumps(doc))
    fresh = invoker(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert "1 new" in fresh("factchecks", "import", str(exported)).stdout
    assert rows(
        tmp_path / "fresh.db", "SELECT rating_text, rating_value, claimant, verdict FROM factcheck"
    ) == [("Disputed", 2.0, "South Korea's spy agency", "mixed")]


def test_unverified_claims_have_no_review(ingested: Invoke) -> None:
    out = ingested("report", "--format", "claimreview", "--org-url", "https://desk.example")
    assert json.loads(out.stdout) == []


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00bad"])
def test_unreadable_files_are_reported(cli: Invoke, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    out = cli("factchecks", "import", str(bad), code=1)
    assert "Imported 0 fact-check(s)" in out.stdout and "bad.json: record 0" in out.stderr
    assert out.stderr.splitlines()[-1].startswith(f"Error: nothing could be imported from {bad} (")


def test_the_readme_tour_files_give_what_the_tour_shows(
    ingested: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(
        line[2:] for line in readme.splitlines() if line.startswith("$ verify factchecks import")
    )
    args = command.split()[1:]
    assert [a for a in args if "." in a] == ["checks.jsonld", "page.html", "checks.tsv"]
    monkeypatch.chdir(TOUR)
    out = ingested(*args)
    assert out.stderr.splitlines() == [
        "Skipped: checks.jsonld: record 3: no claimReviewed",
        "Skipped: checks.jsonld: record 4: no http(s) url",
        "Skipped: page.html: record 2: JSON-LD block 2 is not valid JSON: Expecting value: "
        "line 1 column 67 (char 66)",
        "Skipped: checks.tsv: record 2: needs claim text and an http(s) url",
    ]
    assert out.stdout == "Imported 5 fact-check(s): 5 new, 0 updated, 0 unchanged; 4 skipped.\n"
    found = ingested("factchecks", "search", "North Korea sends 12,000 troops to Russia",
                     "--limit", "2").stdout  # fmt: skip
    assert "Check Desk" in found.splitlines()[0] and "Truth Watch" in found.splitlines()[2]


def test_search_follows_the_index_as_fact_checks_change(cli: Invoke, tmp_path: Path) -> None:
    """The full-text index over fact-checks follows imports and updates."""
    first = {"@type": "ClaimReview", "url": "https://desk.example/c/1",
             "claimReviewed": "The mayor closed every public library in Springfield",
             "reviewRating": {"alternateName": "False"}}  # fmt: skip
    path = tmp_path / "checks.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    cli("factchecks", "import", str(path))
    found = json.loads(cli("factchecks", "search", "Springfield libraries closed by the mayor",
                           "--json").stdout)  # fmt: skip
    assert [f["url"] for f in found] == ["https://desk.example/c/1"]
    path.write_text(json.dumps({**first, "reviewRating": {"alternateName": "True"}}))
    assert "1 updated" in cli("factchecks", "import", str(path)).stdout
    (hit,) = json.loads(
        cli("factchecks", "search", "Springfield libraries closed", "--json").stdout
    )
    assert hit["verdict"] == "true"  # the updated row, found once: the index followed it
    path.write_text(json.dumps({**first, "claimReviewed": "The governor sold the harbour"}))
    assert "1 new" in cli("factchecks", "import", str(path)).stdout
    (hit,) = json.loads(
        cli("factchecks", "search", "harbour sold by the governor", "--json").stdout
    )
    assert hit["claim"] == "The governor sold the harbour"


def test_migration_indexes_fact_checks_stored_before(tmp_path: Path, db: str) -> None:
    """A database at revision 0007 with fact-checks: the migration fills `norm` and the index."""
    import sqlalchemy
    from alembic import command

    from verify import database

    engine = sqlalchemy.create_engine(db)
    with engine.begin() as connection:
        command.upgrade(database._alembic_config(connection), "0007")
        for n, claim in enumerate(["Ships left the northern port at night",
                                   "The bridge toll rose last spring"], 1):  # fmt: skip
            connection.execute(
                sqlalchemy.text(
                    "INSERT INTO factcheck (id, key, claim_reviewed, review_url, imported_at) "
                    "VALUES (:id, :k, :c, :u, CURRENT_TIMESTAMP)"
                ),
                {"id": n, "k": f"k{n}", "c": claim, "u": f"https://desk.example/{n}"},
            )
    engine.dispose()
    database.open_engine(db).dispose()
    assert database.current_revision(db) == database.SCHEMA_HEAD
    assert rows(db, "SELECT norm FROM factcheck ORDER BY id") == [
        ("ships left the northern port at night",),
        ("the bridge toll rose last spring",),
    ]
    invoke = invoker(db)
    (hit,) = json.loads(invoke("factchecks", "search", "bridge toll rose", "--json").stdout)
    assert hit["url"] == "https://desk.example/2"
