"""End-to-end through the real CLI on real SQLite files."""

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, Invoke, claim_id_with, rows, snapshot
from verify import __version__


def test_version_and_help(cli: Invoke) -> None:
    from typer.testing import CliRunner

    from verify.cli import app

    assert CliRunner().invoke(app, ["--version"]).output == f"verify {__version__}\n"
    assert "claims" in CliRunner().invoke(app, ["--help"]).output


def test_ingest_is_idempotent(cli: Invoke, db: str) -> None:
    first = cli("ingest", str(SEEDS), "--json")
    payload = json.loads(first.output)
    assert len(payload["articles"]) == 5 and payload["new_claims"] >= 15
    before = snapshot(db)
    again = cli("ingest", str(SEEDS), "--json")
    assert json.loads(again.output) == {
        "articles": [], "skipped": json.loads(again.output)["skipped"], "new_claims": 0,
        "merged_mentions": 0, "not_claims": [],
    }  # fmt: skip
    assert len(json.loads(again.output)["skipped"]) == 5
    assert snapshot(db) == before


def test_syndicated_copy_becomes_mentions_of_one_claim(ingested: Invoke, db: str) -> None:
    claim_id = claim_id_with(db, "deploying four brigades totaling 12,000 troops")
    data = json.loads(ingested("claims", "show", str(claim_id), "--json").output)
    outlets = {m["outlet"] for m in data["mentions"]}
    assert {"Seoul Ledger", "Continental Wire", "Harbor Times"} <= outlets
    assert data["attributed_to"] == "South Korea's spy agency"
    assert [(q["value"], q["unit"]) for q in data["quantities"]] == [
        (4, "brigades"),
        (12000, "troops"),
    ]


def test_ingest_groups_a_syndicated_copy_with_the_wire_it_copies(ingested: Invoke, db: str) -> None:
    groups = dict(rows(db, "SELECT outlet, origin_group FROM article"))
    # Harbor Times ran Continental Wire's story: one origin, named by its first domain
    assert groups["Harbor Times"] == groups["Continental Wire"] == "continental-wire.example"
    assert len(set(groups.values())) == len(groups) - 1  # the other outlets stay apart


def test_list_orders_by_priority_and_filters(ingested: Invoke) -> None:
    rows = json.loads(ingested("claims", "list", "--json").output)
    priorities = [r["priority"] for r in rows]
    assert priorities == sorted(priorities, reverse=True)
    assert {r["status"] for r in rows} == {"unverified"}
    assert len(json.loads(ingested("claims", "list", "--json", "--limit", "3").output)) == 3
    by_article = json.loads(ingested("claims", "list", "--json", "--article", "4").output)
    assert any("3,000" in r["text"] for r in by_article)
    assert all("Continental" not in r["text"] for r in by_article)
    table = ingested("claims", "list", "--limit", "2").output
    assert "STATUS" in table and "unverified" in table


def test_review_flow_assign_evidence_status_history(ingested: Invoke, db: str) -> None:
    claim = str(claim_id_with(db, "deploying four brigades"))
    ingested("claims", "assign", claim, "--to", "mina")
    mine = json.loads(ingested("claims", "list", "--assignee", "mina", "--json").output)
    assert [r["id"] for r in mine] == [int(claim)]

    out = ingested(
        "evidence", "attach", claim, "https://a.example/x", "--stance", "supports", "--no-capture"
    ).output
    assert "Attached evidence" in out and "Rules moved" not in out
    out = ingested("evidence", "attach", claim, "https://www.b.example/y", "--stance", "supports",
                   "--note", "Same figure", "--no-capture").output  # fmt: skip
    assert "unverified → corroborated" in out
    again = ingested("evidence", "attach", claim, "https://www.b.example/y", "--no-capture").output
    assert "unchanged" in again

    ingested("status", "set", claim, "disputed", "--reason", "Figure questioned", "--by", "ed")
    shown = json.loads(ingested("claims", "show", claim, "--json").output)
    assert shown["status"] == "disputed" and shown["pinned"]
    assert shown["rules_suggest"] == "corroborated"
    assert shown["why"] == {"reason": "Figure questioned", "actor": "ed", "at": shown["why"]["at"]}
    moves = [(h["from"], h["to"], h["actor"]) for h in shown["history"]]
    assert moves == [
        (None, "unverified", "tester"),
        ("unverified", "corroborated", "rules"),
        ("corroborated", "disputed", "ed"),
    ]
    assert shown["history"][1]["facts"]["supporting_origins"] == 2
    # pinned: more evidence does not move it
    ingested(
        "evidence", "attach", claim, "https://c.example/z", "--stance", "supports", "--no-capture"
    )
    assert json.loads(ingested("claims", "show", claim, "--json").output)["status"] == "disputed"
    text = ingested("history", claim).output
    assert "corroborated → disputed  by ed: Figure questioned" in text


def test_pending_excludes_resolved(ingested: Invoke, db: str) -> None:
    claim = str(claim_id_with(db, "deploying four brigades"))
    ingested("status", "set", claim, "corroborated", "--reason", "checked")
    pending = {r["id"] for r in json.loads(ingested("claims", "list", "--json").output)}
    assert int(claim) not in pending
    done = json.loads(ingested("claims", "list", "--status", "corroborated", "--json").output)
    assert [r["id"] for r in done] == [int(claim)]


def test_env_user_is_recorded(ingested: Invoke, db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_USER", "desk-7")
    claim = str(claim_id_with(db, "fake news"))
    ingested("status", "set", claim, "disputed", "--reason", "denial")
    assert rows(db, "SELECT actor FROM statuschange ORDER BY id DESC")[0] == ("desk-7",)


def test_stdin_ingest(cli: Invoke) -> None:
    text = "Troops\nSouth Korea's spy agency said 12,000 troops were sent on Friday.\n"
    out = cli("ingest", "-", stdin=text).output
    assert "1 new claim" in out


def test_newsroom_workflow_via_env(
    ingested: Invoke, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import ROOT

    monkeypatch.setenv("VERIFY_WORKFLOW", str(ROOT / "workflows" / "newsroom.toml"))
    claim = str(claim_id_with(db, "fake news"))
    ingested("status", "set", claim, "false", "--reason", "footage verified as genuine")
    assert "unverified → false" in ingested("history", claim).output


BAD = [
    (["claims", "show", "999"], "no claim with id 999"),
    (["status", "set", "1", "bogus", "--reason", "x"], "unknown status 'bogus'"),
    (["status", "set", "1", "unverified", "--reason", "x"], "cannot move a claim from unverified"),
    (["status", "set", "1", "disputed"], "needs a reason"),
    (["status", "set", "1", "disputed", "--reason", "  "], "needs a reason"),
    (["evidence", "attach", "1", "ftp://example.org/x"], "only http and https"),
    (["evidence", "attach", "1", "not a url"], "only http and https"),
    (["evidence", "attach", "1", "https://"], "no valid host"),
    (["evidence", "attach", "1", "https://a.example", "--stance", "agrees"], "unknown stance"),
    (["evidence", "attach", "999", "https://a.example"], "no claim with id 999"),
    (["claims", "assign", "1", "999", "--to", "x"], "no claim with id 999"),
    (["claims", "list", "--status", "nope"], "unknown status 'nope'"),
    (["report", "--format", "pdf"], "unknown format 'pdf'"),
    (["report", "999"], "no claim with id 999"),
    (["history", "999"], "no claim with id 999"),
    (["ingest", "missing-file.md"], "no such file or folder"),
    (["claims", "list", "--workflow", "missing.toml"], "cannot read workflow"),
]  # fmt: skip


@pytest.mark.parametrize("args, message", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_line_error_and_changes_nothing(
    ingested: Invoke, db: str, args: list[str], message: str
) -> None:
    before = snapshot(db)
    result = ingested(*args, code=1)
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "content", [b"", b"\x00\x01\x02binary\x00", b"\n  \n"], ids=["empty", "binary", "blank"]
)
def test_bad_article_files_change_nothing(
    ingested: Invoke, db: str, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    good = tmp_path / "good.md"
    good.write_text("Title\nSouth Korea's spy agency said 9,000 troops left on Friday.\n")
    before = snapshot(db)
    result = ingested("ingest", str(good), str(bad), code=1)
    assert "bad.md" in result.stderr
    assert snapshot(db) == before
    skipped = ingested("ingest", str(good), str(bad), "--skip-errors")
    assert "1 new claim" in skipped.stdout and "Warning: skipped" in skipped.stderr


def test_unreadable_file(ingested: Invoke, db: str, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.md"
    folder.mkdir()
    result = ingested("ingest", str(tmp_path / "nothing-here"), code=1)
    assert "no such file" in result.stderr


def test_usage_errors_exit_2(cli: Invoke) -> None:
    cli("claims", "show", "abc", code=2)
    cli("status", "set", code=2)


def test_not_a_database(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from verify.cli import app

    fake = tmp_path / "notes.db"
    fake.write_text("these are my notes, not a database" * 100)
    before = fake.read_bytes()
    result = CliRunner().invoke(app, ["claims", "list", "--db", str(fake)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "not a verify database" in result.stderr
    assert fake.read_bytes() == before


def test_stale_version_is_refused_and_nothing_is_overwritten(ingested: Invoke, db: str) -> None:
    claim = str(claim_id_with(db, "deploying four brigades"))
    seen = json.loads(ingested("claims", "show", claim, "--json").stdout)["version"]
    ingested("status", "set", claim, "disputed", "--reason", "first", "--if-version", str(seen))
    late = ingested("status", "set", claim, "corroborated", "--reason", "second",
                    "--if-version", str(seen), code=1)  # fmt: skip
    assert f"claim {claim} changed since you read it" in late.stderr
    late = ingested("evidence", "attach", claim, "https://x.example/a", "--if-version", str(seen),
                    code=1)  # fmt: skip
    assert "changed since you read it" in late.stderr
    history = json.loads(ingested("history", claim, "--json").stdout)
    assert [h["reason"] for h in history][1:] == ["first"]


def test_two_processes_race_one_wins(ingested: Invoke, db: str) -> None:
    import subprocess
    import sys

    claim = str(claim_id_with(db, "deploying four brigades"))
    seen = json.loads(ingested("claims", "show", claim, "--json").stdout)["version"]
    commands = [
        [sys.executable, "-m", "verify", "status", "set", claim, status, "--reason", f"by {who}",
         "--by", who, "--if-version", str(seen), "--db", db]
        for who, status in (("ana", "disputed"), ("ben", "corroborated"))
    ]  # fmt: skip
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for c in commands]  # fmt: skip
    results = []
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        results.append((proc.returncode, err))
    codes = sorted(code for code, _ in results)
    assert codes == [0, 1], results
    loser = next(err for code, err in results if code == 1)
    assert "changed since you read it" in loser and "Traceback" not in loser
    history = json.loads(ingested("history", claim, "--json").stdout)
    assert len(history) == 2 and history[1]["actor"] in ("ana", "ben")


def test_two_reviewers_attaching_one_link_get_one_row(ingested: Invoke, db: str) -> None:
    import subprocess
    import sys

    claim = str(claim_id_with(db, "deploying four brigades"))
    command = [sys.executable, "-m", "verify", "evidence", "attach", claim,
               "https://same.example/story", "--stance", "supports", "--no-capture",
               "--db", db]  # fmt: skip
    pipe = subprocess.PIPE
    procs = [
        subprocess.Popen([*command, "--by", who], stdout=pipe, stderr=pipe, text=True)
        for who in ("ana", "ben")
    ]
    errors = [proc.communicate(timeout=60)[1] for proc in procs]
    assert 0 in [p.returncode for p in procs], errors
    assert rows(db, "SELECT count(*) FROM evidence WHERE url = 'https://same.example/story'") == [
        (1,)
    ]
