"""What a desk sees day to day: assignments and attached links in the history, --json on every
command that changes something, the queue's filters, and a fetch that failed as a whole."""

import json
from collections.abc import Iterator

import pytest

from tests.conftest import Invoke, claim_id_with, rows, snapshot
from tests.webserver import Site, serve

PAGE = """<html><head><title>Seoul briefs NATO</title></head><body><article>
<p>South Korea's spy agency said North Korea is deploying four brigades totaling 12,000 troops to
Russia, including special forces.</p>
<p>The briefing in Brussels was requested by NATO Secretary General Mark Rutte last week.</p>
</article></body></html>"""


def test_assignments_and_attached_links_are_in_the_history(ingested: Invoke, db: str) -> None:
    claim = str(claim_id_with(db, "deploying four brigades"))
    n = next_evidence_id(db)  # the seeds keep disputes reported in their articles as evidence
    ingested("claims", "assign", claim, "--to", "jo", "--by", "ed")
    ingested("claims", "assign", claim, "--to", "mina", "--by", "ed")
    ingested("claims", "assign", claim, "--to", "mina", "--by", "ed")  # no change, no row
    ingested("evidence", "attach", claim, "https://a.example/x", "--stance", "supports",
             "--note", "NATO confirmed", "--by", "mina")  # fmt: skip
    ingested("evidence", "attach", claim, "https://b.example/y", "--stance", "supports")
    ingested("evidence", "attach", claim, "https://b.example/y", "--stance", "supports")  # known
    ingested("claims", "assign", claim, "--unassign", "--by", "mina")
    lines = ingested("history", claim).stdout.splitlines()
    said = [line[21:] for line in lines]  # past the time stamp
    assert said[1:] == [
        "assigned to jo  by ed",
        "assigned to mina (was jo)  by ed",
        f"evidence #{n} attached (supports)  by mina: https://a.example/x — NATO confirmed",
        f"evidence #{n + 1} attached (supports)  by tester: https://b.example/y",
        "unverified → corroborated  by rules: two or more independent origins support it and "
        "none contradict it",
        "unassigned (was mina)  by mina",
    ]
    entries = json.loads(ingested("history", claim, "--json").stdout)
    assert [e["kind"] for e in entries] == [
        "status", "assigned", "assigned", "evidence", "evidence", "status", "unassigned",
    ]  # fmt: skip
    assert entries[3]["evidence_id"] == n and entries[5]["from"] == "unverified"
    shown = json.loads(ingested("claims", "show", claim, "--json").stdout)
    assert [h["to"] for h in shown["history"]] == ["unverified", "corroborated"]  # statuses only
    assert shown["why"]["actor"] == "rules" and len(shown["activity"]) == 5
    report = ingested("report", claim).stdout
    assert "assigned to mina (was jo) by ed" in report
    assert "**Why corroborated:** two or more independent origins" in report


def next_evidence_id(db: str) -> int:
    return int(rows(db, "SELECT coalesce(max(id), 0) FROM evidence")[0][0]) + 1


def test_a_failed_assignment_records_nothing(ingested: Invoke, db: str) -> None:
    claim = str(claim_id_with(db, "deploying four brigades"))
    before = snapshot(db)
    ingested("claims", "assign", claim, "123456", "--to", "jo", code=1)
    assert snapshot(db) == before


def test_json_from_commands_that_change_things(ingested: Invoke, db: str) -> None:
    claim = claim_id_with(db, "deploying four brigades")
    assigned = json.loads(ingested("claims", "assign", str(claim), "--to", "jo", "--json").stdout)
    assert assigned["assignee"] == "jo" and assigned["claims"][0]["claim_id"] == claim
    n = next_evidence_id(db)
    first = json.loads(ingested("evidence", "attach", str(claim), "https://a.example/x",
                                "--stance", "supports", "--json").stdout)  # fmt: skip
    assert first["created"] and first["change"] is None and first["evidence_id"] == n
    second = json.loads(ingested("evidence", "attach", str(claim), "https://b.example/y",
                                 "--stance", "supports", "--json").stdout)  # fmt: skip
    assert second["change"]["to"] == "corroborated"
    known = json.loads(ingested("evidence", "attach", str(claim), "https://b.example/y",
                                "--json").stdout)  # fmt: skip
    assert not known["created"] and known["evidence_id"] == second["evidence_id"]
    moved = json.loads(ingested("status", "set", str(claim), "disputed", "--reason", "desk",
                                "--json").stdout)  # fmt: skip
    assert (moved["from"], moved["to"], moved["actor"]) == ("corroborated", "disputed", "tester")
    version = json.loads(ingested("claims", "show", str(claim), "--json").stdout)["version"]
    assert moved["version"] == version
    checked = json.loads(ingested("check", "--json").stdout)
    assert checked["claims"] > 10 and checked["changes"] == [] and checked["conflicts"] == []
    assert {"claims", "sources", "passages", "evidence_new", "held"} <= set(checked)


def test_queue_filters(ingested: Invoke, db: str) -> None:
    def ids(*args: str) -> list[int]:
        return [c["id"] for c in json.loads(ingested("claims", "list", "--json", *args).stdout)]

    kremlin = claim_id_with(db, "fake news")
    ingested("claims", "assign", str(kremlin))  # to myself (VERIFY_USER=tester)
    assert ids("--mine") == [kremlin]
    found = ids("--search", "kREMLIN")
    speakers = {i: (t + " " + (a or "")).lower()
                for i, t, a in rows(db, "SELECT id, text, attributed_to FROM claim")}  # fmt: skip
    assert kremlin in found and all("kremlin" in speakers[i] for i in found)
    assert len(found) == sum("kremlin" in s for s in speakers.values())
    assert ids("--search", "100%_") == []  # wildcards are plain characters
    harbor = ids("--outlet", "harbor times")
    expected = rows(db, "SELECT DISTINCT m.claim_id FROM mention m JOIN article a ON "
                        "a.id = m.article_id WHERE a.outlet = 'Harbor Times'")  # fmt: skip
    assert sorted(harbor) == sorted(r[0] for r in expected) and harbor
    assert ids("--outlet", "Nowhere Daily") == []
    assert len(ids("--since", "1h")) == len(ids()) and ids("--since", "2999-01-01") == []
    assert ids("--since", "2000-01-01T00:00:00+02:00") == ids()
    usage = ingested("claims", "list", "--since", "last week", code=2)
    assert "neither a date or time" in usage.stderr
    both = ingested("claims", "list", "--mine", "--assignee", "jo", code=1)
    assert both.stderr.startswith("Error: --mine and --assignee exclude each other")


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.page("/robots.txt", "User-agent: *\n", headers={"Content-Type": "text/plain"})
    s.page("/good", PAGE)
    s.page("/gone", "gone", status=410)
    with serve(s):
        yield s


def test_fetch_and_run_print_json_and_exit_1_when_every_fetch_failed(
    cli: Invoke, site: Site, db: str
) -> None:
    resolve = ["--resolve", f"news.test:127.0.0.1:{site.port}", "--timeout", "20"]
    cli("sources", "add", "http://news.test/gone", "http://news.test/missing")
    failed = cli("fetch", *resolve, "--json", code=1)
    data = json.loads(failed.stdout)
    assert (data["total"], data["failed"]) == (2, 2) and len(data["errors"]) == 2
    assert failed.stderr.startswith("Error: every fetch failed (2 of 2)")
    cli("sources", "add", "http://news.test/good")
    steps = [json.loads(line) for line in cli("run", *resolve, "--json").stdout.splitlines()]
    assert [s["step"] for s in steps] == ["fetch", "check"]
    assert (steps[0]["fetched"], steps[0]["failed"]) == (1, 0)  # the failed two are not due yet
    assert "Fetched 0 source(s): 0 new or changed" in cli("fetch", *resolve).stdout  # nothing due
    cli("sources", "add", "http://news.test/gone-too")
    run = cli("run", *resolve, code=1)
    assert "Fetched 1 source(s), 1 failed." in run.stdout and "Checked" in run.stdout
    assert "Error: every fetch failed (1 of 1)" in run.stderr
