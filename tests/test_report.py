import csv
import io
import json
import re
from pathlib import Path

from tests.conftest import Invoke, claim_id_with, rows
from verify import rendering, report_schema


def prepared(ingested: Invoke, db: str) -> int:
    claim = claim_id_with(db, "deploying four brigades")
    ingested("evidence", "attach", str(claim), "https://a.example/1", "--stance", "supports",
             "--note", "=HYPERLINK(\"http://evil.example\")", "--no-capture")  # fmt: skip
    ingested("status", "set", str(claim), "disputed", "--reason", "<script>alert(1)</script>")
    return claim


def test_markdown_report(ingested: Invoke, db: str) -> None:
    claim = prepared(ingested, db)
    text = ingested("report").stdout
    assert text.startswith("# Verification report")
    assert "| disputed | 1 |" in text
    assert f"## Claim {claim}: disputed" in text
    assert "**Attributed to:** South Korea's spy agency" in text
    assert "4 brigades, 12,000 troops" in text
    assert "supports: <https://a.example/1>" in text
    assert "by tester" in text


def test_json_report_is_stable_and_complete(ingested: Invoke, db: str) -> None:
    claim = prepared(ingested, db)
    data = json.loads(ingested("report", str(claim), "--format", "json").stdout)
    assert data["verify_report"] == 1 and data["total"] == 1
    (c,) = data["claims"]
    assert set(c) >= {"id", "text", "status", "why", "attributed_to", "quantities", "evidence",
                      "history", "mentions", "rules_suggest"}  # fmt: skip
    assert c["why"]["reason"] == "<script>alert(1)</script>"
    again = json.loads(ingested("report", str(claim), "--format", "json").stdout)
    data.pop("generated_at"), again.pop("generated_at")
    assert data == again


def _keys(entry: type) -> set[str]:
    return set(entry.__annotations__)


def test_json_report_has_exactly_the_typed_schema(ingested: Invoke, db: str) -> None:
    """The data, its TypedDicts and docs/report-json.md name the same fields."""
    claim = prepared(ingested, db)
    data = json.loads(ingested("report", str(claim), "--format", "json").stdout)
    schema = report_schema
    assert set(data) == _keys(schema.Report)  # organisation included: `report` sets it
    (c,) = data["claims"]
    assert set(c) == _keys(schema.ClaimEntry)
    assert set(c["why"]) == _keys(schema.Why)
    for entry, rows_ in [(schema.QuantityEntry, c["quantities"]), (schema.EvidenceEntry,
                         c["evidence"]), (schema.MentionEntry, c["mentions"]),
                         (schema.HistoryEntry, c["history"]),
                         (schema.ActivityEntry, c["activity"])]:  # fmt: skip
        assert rows_, entry
        assert all(set(row) == _keys(entry) for row in rows_), entry
    doc = (Path(__file__).parent.parent / "docs" / "report-json.md").read_text(encoding="utf-8")
    every = set().union(*(_keys(t) for t in vars(schema).values()
                          if isinstance(t, type) and hasattr(t, "__required_keys__")))  # fmt: skip
    missing = sorted(k for k in every if f'"{k}"' not in doc)
    assert not missing, f"docs/report-json.md does not describe {missing}"


def test_html_report_escapes_everything(ingested: Invoke, db: str, tmp_path: Path) -> None:
    prepared(ingested, db)
    out = tmp_path / "r.html"
    ingested("report", "--format", "html", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="https://a.example/1"' in html
    assert "origin a.example · manual" in html
    assert "<link" not in html and "src=" not in html  # self-contained


def test_automatic_evidence_reads_as_its_judgement_and_attached_evidence_names_who(
    ingested: Invoke, db: str
) -> None:
    claim = prepared(ingested, db)
    data = json.loads(ingested("report", str(claim), "--format", "json").stdout)
    (manual,) = data["claims"][0]["evidence"]
    note = "model: shares the rare words 'brigades', 'deploying'"
    found = {**manual, "url": "https://b.example/2", "method": "auto", "added_by": "rules",
             "score": 64.0, "note": note}  # fmt: skip
    data["claims"][0]["evidence"] = [manual, found]
    text = rendering.markdown(data)
    line = next(s for s in text.splitlines() if "https://b.example/2" in s)
    assert line.endswith("similarity 64) model: shares the rare words 'brigades', 'deploying'")
    assert "[rules]" not in text and "[tester]" in text
    html = rendering.html(data)
    assert "· rules" not in html and "· tester" in html


def test_csv_report_neutralises_formulas(ingested: Invoke, db: str) -> None:
    prepared(ingested, db)
    rows = list(
        csv.DictReader(
            io.StringIO(ingested("report", "--format", "csv", "--status", "disputed").stdout)
        )
    )
    assert len(rows) == 1
    assert rows[0]["status"] == "disputed" and rows[0]["reason"] == "<script>alert(1)</script>"
    assert rendering.safe_cell("=1+1") == "'=1+1"
    assert rendering.safe_cell("-5") == "'-5" and rendering.safe_cell("@x") == "'@x"
    assert rendering.safe_cell("+x") == "'+x" and rendering.safe_cell("ok") == "ok"


def test_csv_cells_from_claims_are_neutralised() -> None:
    data = {"claims": [{
        "id": 1, "status": "unverified", "text": "=cmd|' /C calc'!A0", "attributed_to": "@evil",
        "quantities": [], "why": None, "evidence": [], "mentions": [], "assignee": None,
        "checkworthiness": 0.5,
    }]}  # fmt: skip
    row = list(csv.reader(io.StringIO(rendering.to_csv(data))))[1]
    assert row[2].startswith("'=") and row[3] == "'@evil"


def test_report_output_file_written_atomically(ingested: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = ingested("report", "-o", str(out))
    assert out.read_text().startswith("# Verification report")
    assert "Wrote markdown report" in result.stderr
    assert not list(tmp_path.glob(".report.md.tmp"))


def test_html_report_puts_the_worst_first_with_contents(
    ingested: Invoke, db: str, tmp_path: Path
) -> None:
    troops = claim_id_with(db, "deploying four brigades")  # in three syndicated articles
    kremlin = claim_id_with(db, "fake news")
    ingested("status", "set", str(troops), "corroborated", "--reason", "checked")
    ingested("status", "set", str(kremlin), "disputed", "--reason", "denied")
    out = tmp_path / "r.html"
    first = min(r[0] for r in rows(db, "SELECT id FROM claim"))
    ingested("report", str(troops), str(first), str(kremlin), "--format", "html", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    sections = re.findall(r'<section class="claim" id="claim-(\d+)">', html)
    assert sections[0] == str(kremlin) and sections[-1] == str(troops)  # disputed first
    contents = html.split('<nav class="contents">')[1].split("</nav>")[0]
    assert re.findall(r'href="#claim-(\d+)"', contents) == sections
    assert (
        contents.index("disputed") < contents.index("unverified") < contents.index("corroborated")
    )
    articles = {
        r[0] for r in rows(db, f"SELECT article_id FROM mention WHERE claim_id IN "
                               f"({troops}, {first}, {kremlin})")
    }  # fmt: skip
    total = rows(db, "SELECT COUNT(*) FROM article")[0][0]
    assert len(articles) < total
    assert f"3 claims from {len(articles)} articles" in html
