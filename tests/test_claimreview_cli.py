"""`verify factchecks import|search` and `verify report --format claimreview` on hostile and
real-world input, on SQLite and PostgreSQL: every bad file is a clear error or a named skip, and
our own export imports back with the verdicts it meant."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, ROOT, Invoke, claim_id_with, invoker, rows, snapshot
from verify import verdicts
from verify.limits import MAX_FACTCHECK_FILE_BYTES

PUBLISHED = DATA / "factchecks" / "published"
TROOPS = "North Korea is deploying four brigades totaling 12,000 troops"


@pytest.fixture(autouse=True)
def no_organisation(monkeypatch: pytest.MonkeyPatch) -> None:
    """The organisation comes from each test's options, never from the developer's shell."""
    for name in ("VERIFY_ORG_URL", "VERIFY_ORG_NAME"):
        monkeypatch.delenv(name, raising=False)


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def review(claim: str, url: str, **fields: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "ClaimReview", "url": url,
            "claimReviewed": claim, "author": {"@type": "Organization", "name": "Desk"},
            **fields}  # fmt: skip


# 13: inputs that are too big or not files ------------------------------------------------------


def test_dev_zero_is_refused_after_reading_the_limit(cli: Invoke, db: str) -> None:
    cli("init")
    before = snapshot(db)
    out = cli("factchecks", "import", "/dev/zero", code=1)
    assert out.stderr == (
        "Error: /dev/zero is larger than 50 MiB (the limit for one fact-check file); "
        "split it into smaller files\n"
    )
    assert snapshot(db) == before


def test_a_file_over_the_limit_stops_the_whole_import(sqlite_cli: Invoke, tmp_path: Path) -> None:
    good = write_json(tmp_path / "good.json", review("A claim", "https://a.example/1"))
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_FACTCHECK_FILE_BYTES + 1)
    out = sqlite_cli("factchecks", "import", str(good), str(big), code=1)
    assert out.stderr.startswith(f"Error: {big} is larger than 50 MiB")
    assert rows(tmp_path / "verify.db", "SELECT count(*) FROM factcheck") in ([], [(0,)])


def test_a_folder_is_not_a_file(sqlite_cli: Invoke, tmp_path: Path) -> None:
    out = sqlite_cli("factchecks", "import", str(tmp_path), code=1)
    assert out.stderr == f"Error: cannot read {tmp_path} (Is a directory); check the path\n"


# 13, 8: a bad value skips a record or is left out; the import goes on -------------------------


def test_dates_outside_years_1_to_9999_no_longer_abort_the_import(
    cli: Invoke, db: str, tmp_path: Path
) -> None:
    data = [
        review("Year one in Asia", "https://a.example/1",
               datePublished="0001-01-01T00:00:00+05:00"),
        review("Year 9999 in America", "https://a.example/2",
               datePublished="9999-12-31T23:00:00-05:00"),
        review("Year 10000", "https://a.example/3", datePublished="10000-01-01"),
        review("An ordinary date", "https://a.example/4", datePublished="2024-10-30"),
    ]  # fmt: skip
    out = cli("factchecks", "import", str(write_json(tmp_path / "dates.json", data)))
    assert "Imported 4 fact-check(s): 4 new, 0 updated, 0 unchanged; 0 skipped." in out.stdout
    assert out.stderr.count("Note: ") == 3
    stored = rows(db, "SELECT review_url, review_date FROM factcheck ORDER BY review_url")
    assert [d is None for _, d in stored] == [True, True, True, False]


def test_text_no_database_can_store_is_cleaned_on_both(
    cli: Invoke, db: str, tmp_path: Path
) -> None:
    path = tmp_path / "nul.json"
    path.write_text(json.dumps(review("Kim\u0000 sent \ud800troops", "https://a.example/1")))
    cli("factchecks", "import", str(path))
    assert rows(db, "SELECT claim_reviewed FROM factcheck") == [("Kim sent troops",)]


def test_a_nan_rating_no_longer_corroborates_a_claim(
    ingested: Invoke, db: str, tmp_path: Path
) -> None:
    """ratingValue "NaN" once normalised to "true", and `check` moved the claim to
    corroborated. A real 5 of 5 for another claim still does, so this test can fail."""
    troops = claim_id_with(db, TROOPS)
    kremlin = claim_id_with(db, "The Kremlin had earlier called footage")
    text = dict(rows(db, "SELECT id, text FROM claim WHERE id IN (:a, :b)", a=troops, b=kremlin))
    scale = {"bestRating": 5, "worstRating": 1}
    data = [
        review(text[troops], "https://a.example/nan", reviewRating={"ratingValue": "NaN", **scale}),
        review(text[kremlin], "https://a.example/five", reviewRating={"ratingValue": 5, **scale}),
    ]
    out = ingested("factchecks", "import", str(write_json(tmp_path / "nan.json", data)))
    assert "ratingValue 'NaN' is not a finite number; left out" in out.stderr
    assert rows(db, "SELECT rating_value, verdict FROM factcheck ORDER BY review_url") == [
        (5.0, "true"), (None, None)
    ]  # fmt: skip
    ingested("check")
    status = dict(
        rows(db, "SELECT id, status FROM claim WHERE id IN (:a, :b)", a=troops, b=kremlin)
    )
    assert status == {troops: "unverified", kremlin: "corroborated"}


# 17: provenance, exit codes, --json ------------------------------------------------------------


def test_each_record_remembers_its_own_file(cli: Invoke, db: str) -> None:
    page, claim = PUBLISHED / "checagem-video.html", PUBLISHED / "factcheck-tools-claim.json"
    cli("factchecks", "import", str(page), str(claim))
    found = rows(db, "SELECT publisher, imported_from FROM factcheck ORDER BY publisher")
    assert found == [("Checagem & Cia", str(page)), ("MyGoPen", str(claim)),
                     ("Taiwan FactCheck Desk", str(claim))]  # fmt: skip


def test_a_file_with_nothing_importable_exits_1_after_the_others(
    cli: Invoke, db: str, tmp_path: Path
) -> None:
    good = write_json(tmp_path / "good.json", review("A claim", "https://a.example/1"))
    page = tmp_path / "empty.html"
    page.write_text("<html><body><p>No markup here</p></body></html>")
    out = cli("factchecks", "import", str(good), str(page), code=1)
    assert "Imported 1 fact-check(s): 1 new" in out.stdout
    assert out.stderr.splitlines() == [
        f'Skipped: {page}: record 0: no <script type="application/ld+json"> in the page',
        f'Error: nothing could be imported from {page} (no <script type="application/ld+json"> '
        "in the page); give ClaimReview JSON-LD, a page that embeds it, Fact Check Tools JSON, "
        "or CSV/TSV with --text-col and --url-col",
    ]
    assert rows(db, "SELECT claim_reviewed FROM factcheck") == [("A claim",)]


def test_import_json(cli: Invoke, tmp_path: Path) -> None:
    data = [review("A claim", "https://a.example/1", reviewRating={"ratingValue": "NaN"}),
            review("", "https://a.example/2")]  # fmt: skip
    path = write_json(tmp_path / "some.json", data)
    out = cli("factchecks", "import", str(path), "--json")
    assert out.stderr == ""
    assert json.loads(out.stdout) == {
        "imported": 1, "created": 1, "updated": 0, "unchanged": 0, "skipped": 1,
        "files": [{"file": str(path), "imported": 1, "skipped": 1}],
        "problems": [
            {"file": str(path), "record": 1, "skipped": False,
             "message": "ratingValue 'NaN' is not a finite number; left out"},
            {"file": str(path), "record": 2, "skipped": True, "message": "no claimReviewed"},
        ],
    }  # fmt: skip


def test_search_says_when_nothing_matches(cli: Invoke) -> None:
    cli("init")
    assert "No fact-checks stored yet" in cli("factchecks", "search", "anything").stdout
    cli("factchecks", "import", str(ROOT / "seeds" / "factchecks" / "tour" / "checks.jsonld"))
    out = cli("factchecks", "search", "Pangolins colonise Mars")
    assert out.stdout == "No fact-check matches 'Pangolins colonise Mars' (2 stored); try fewer " \
                         "or other words.\n"  # fmt: skip
    assert json.loads(cli("factchecks", "search", "Pangolins colonise Mars", "--json").stdout) == []


# 18: our own export ----------------------------------------------------------------------------


def test_claimreview_needs_the_organisations_http_address(ingested: Invoke, db: str) -> None:
    out = ingested("report", "--format", "claimreview", code=1)
    assert out.stderr == (
        "Error: a ClaimReview report needs your organisation's web address (each review's url is "
        "<address>/claims/<id>; search engines and importers refuse any other); pass --org-url "
        "https://your.site or set VERIFY_ORG_URL\n"
    )
    for bad in ["javascript:alert(1)", "desk.example", "https://desk.example/?a=1"]:
        out = ingested("report", "--format", "claimreview", "--org-url", bad, code=1)
        assert out.stderr.startswith(f"Error: organisation url {bad!r} is not a plain http(s)")


def test_org_url_from_the_environment(
    ingested: Invoke, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    troops = str(claim_id_with(db, TROOPS))
    ingested("status", "set", troops, "disputed", "--reason", "Kyiv says 3,000")
    monkeypatch.setenv("VERIFY_ORG_URL", "https://desk.example/checks/")
    doc = json.loads(ingested("report", troops, "--format", "claimreview").stdout)
    assert doc["url"] == f"https://desk.example/checks/claims/{troops}"


def test_the_written_count_is_the_reviews_written(
    ingested: Invoke, db: str, tmp_path: Path
) -> None:
    for claim in (TROOPS, "The Kremlin had earlier called footage"):
        ingested("status", "set", str(claim_id_with(db, claim)), "disputed", "--reason", "why")
    out_file = tmp_path / "reviews.jsonld"
    out = ingested("report", "--format", "claimreview", "--org-url", "https://desk.example",
                   "-o", str(out_file))  # fmt: skip
    total = rows(db, "SELECT count(*) FROM claim")[0][0]
    assert total > 2
    assert out.stderr == f"Wrote claimreview report of 2 claim(s) to {out_file}.\n"
    assert len(json.loads(out_file.read_text())) == 2


def test_hostile_article_values_never_reach_a_page(cli: Invoke, db: str, tmp_path: Path) -> None:
    article = tmp_path / "hostile.md"
    article.write_text(
        "---\ntitle: Troops </script><script>alert(1)</script>\noutlet: Evil & Co\n"
        "url: javascript:alert(1)\npublished: 2024-10-22\n---\n\n"
        "The ministry said that 5,000 troops crossed the border near </script><b>Kursk</b> on "
        "Monday.\n"
    )
    cli("ingest", str(article))
    claim = str(claim_id_with(db, "5,000 troops"))
    cli("status", "set", claim, "disputed", "--reason", "A <script> in the reason")
    text = cli("report", claim, "--format", "claimreview", "--org-url", "https://d.example").stdout
    assert not {"<", ">", "&"} & set(text) and "javascript:" not in text
    doc = json.loads(text)
    assert doc["itemReviewed"]["appearance"] == [] and "firstAppearance" not in doc["itemReviewed"]
    assert doc["reviewRating"]["ratingExplanation"] == "A <script> in the reason"
    assert "</script>" in doc["claimReviewed"]  # the text is kept, only its spelling is safe


def test_our_export_imports_back_with_the_verdicts_it_meant(
    ingested: Invoke, db: str, tmp_path: Path
) -> None:
    """Each status's rating reads back as the verdict its words mean: "Disputed" is mixed
    (sources disagree), never mostly_false; "Corroborated" is true."""
    troops = claim_id_with(db, TROOPS)
    kremlin = claim_id_with(db, "The Kremlin had earlier called footage")
    ingested("status", "set", str(troops), "disputed", "--reason", "Kyiv says 3,000")
    ingested("status", "set", str(kremlin), "corroborated", "--reason", "Two origins")
    exported = tmp_path / "export.jsonld"
    ingested("report", str(troops), str(kremlin), "--format", "claimreview", "--org-name", "Desk",
             "--org-url", "https://desk.example", "-o", str(exported))  # fmt: skip
    sent = {r["url"]: r["reviewRating"] for r in json.loads(exported.read_text())}
    meant = {url: verdicts.normalise(r["alternateName"], r["ratingValue"], r["bestRating"],
                                     r["worstRating"]) for url, r in sent.items()}  # fmt: skip
    assert meant == {f"https://desk.example/claims/{troops}": "mixed",
                     f"https://desk.example/claims/{kremlin}": "true"}  # fmt: skip
    fresh_db = tmp_path / "fresh.db"
    fresh = invoker(f"sqlite:///{fresh_db}")
    out = fresh("factchecks", "import", str(exported))
    assert "Imported 2 fact-check(s): 2 new" in out.stdout and out.stderr == ""
    back = dict(rows(fresh_db, "SELECT review_url, verdict FROM factcheck"))
    assert back == meant
    who = {url: (publisher, claimant) for url, publisher, claimant
           in rows(fresh_db, "SELECT review_url, publisher, claimant FROM factcheck")}  # fmt: skip
    assert who == {f"https://desk.example/claims/{troops}": ("Desk", "South Korea's spy agency"),
                   f"https://desk.example/claims/{kremlin}": ("Desk", "the Kremlin")}  # fmt: skip
