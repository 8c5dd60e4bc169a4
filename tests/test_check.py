"""The whole pipeline on the seeds: a real loopback server, real SQLite, the real CLI."""

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, Invoke, claim_id_with
from verify import seedserver

PAGES = ROOT / "seeds" / "sources"


@pytest.fixture
def checked(cli: Invoke) -> Iterator[Invoke]:
    cli("ingest", str(SEEDS))
    with seedserver.serve(PAGES) as port:
        urls = [u for u in seedserver.pages(PAGES) if "lakeside" not in u]
        cli("sources", "add", *urls)
        cli("sources", "add", "--feed", "http://lakeside-tribune.example/rss.xml")
        resolve = [
            a for h in seedserver.hosts(PAGES) for a in ("--resolve", f"{h}:127.0.0.1:{port}")
        ]
        out = cli("fetch", *resolve)
        assert "7 new or changed" in out.stdout and "1 failed" in out.stdout
    yield cli


def show(cli: Invoke, claim_id: int) -> dict:  # type: ignore[type-arg]
    return json.loads(cli("claims", "show", str(claim_id), "--json").stdout)


def test_conflicting_figure_disputes_and_two_origins_corroborate(checked: Invoke, db: str) -> None:
    out = checked("check").stdout
    troops = claim_id_with(db, "deploying four brigades totaling 12,000")
    treaty = claim_id_with(db, "signed a treaty in June that commits each side")
    assert f"claim {troops}: unverified → disputed" in out
    assert f"claim {treaty}: unverified → corroborated" in out
    data = show(checked, troops)
    conflict = [e for e in data["evidence"] if e["stance"] == "contradicts"]
    assert (
        conflict[0]["quantity_comparison"]
        == "figure about 3,000 troops conflicts with 12,000 troops"
    )
    assert "kyiv-ledger.example" in conflict[0]["url"] and conflict[0]["method"] == "auto"
    assert data["history"][-1]["facts"]["contradicting_origins"] == 1
    assert data["history"][-1]["actor"] == "rules"


def test_syndicated_copies_count_as_one_origin(checked: Invoke, db: str) -> None:
    checked("check")
    nato = claim_id_with(db, "delegation to Brussels")
    data = show(checked, nato)
    supporting = [e for e in data["evidence"] if e["stance"] == "supports"]
    assert len(supporting) == 3 and len({e["origin"] for e in supporting}) == 1
    assert data["status"] == "unverified" and data["facts"]["supporting_origins"] == 1


def test_pinned_claim_is_not_moved_and_check_is_idempotent(checked: Invoke, db: str) -> None:
    treaty = claim_id_with(db, "signed a treaty in June that commits each side")
    checked("status", "set", str(treaty), "disputed", "--reason", "treaty text says otherwise")
    out = checked("check").stdout
    assert f"claim {treaty}: stays disputed (pinned by a person; rules say corroborated)" in out
    again = checked("check").stdout
    assert "0 new evidence, 0 updated, 0 status change(s)" in again
    data = show(checked, treaty)
    assert data["status"] == "disputed" and data["rules_suggest"] == "corroborated"


def test_report_shows_origins_and_passages(checked: Invoke) -> None:
    checked("check")
    text = checked("report", "--status", "disputed").stdout
    assert "(origin kyiv-ledger.example, auto, similarity" in text
    assert "> Ukraine's military intelligence says North Korea is deploying about 3,000" in text


def test_demo_runs_the_whole_pipeline() -> None:
    from typer.testing import CliRunner

    from verify.cli import app

    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "unverified → disputed (a source contradicts it)" in result.stdout
    assert "origin coastal-post.example" in result.stdout
    assert "## Claim" in result.stdout and "corroborated" in result.stdout
    assert "fact-check by Check Desk: rated 'False'" in result.stdout


def test_run_fetches_then_checks(cli: Invoke, db: str) -> None:
    cli("ingest", str(SEEDS))
    with seedserver.serve(PAGES) as port:
        cli("sources", "add", *seedserver.pages(PAGES))
        resolve = [
            a for h in seedserver.hosts(PAGES) for a in ("--resolve", f"{h}:127.0.0.1:{port}")
        ]
        out = cli("run", *resolve).stdout
    assert "Fetched 6 source(s), 0 failed." in out
    assert "unverified → disputed" in out and "unverified → corroborated" in out
    troops = claim_id_with(db, "deploying four brigades totaling 12,000")
    assert show(cli, troops)["status"] == "disputed"


def test_run_watch_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    db = str(tmp_path / "watch.db")
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "verify", "run", "--watch", "1", "--db", db],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    seen = []
    deadline = time.monotonic() + 120
    while sum("Fetched 0 source(s)" in line for line in seen) < 2 and time.monotonic() < deadline:
        seen.append(proc.stdout.readline())  # it loops: wait for the second round
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "".join(seen).count("Fetched 0 source(s)") >= 2
    assert "Stopping after the current step" in err and "Traceback" not in err


def test_report_shows_each_stance_confidence_and_what_is_only_suggested(
    checked: Invoke, db: str, tmp_path: Path
) -> None:
    checked("check")
    text = checked("report", "--status", "disputed").stdout
    line = next(x for x in text.splitlines() if x.startswith("- contradicts: <http://kyiv"))
    assert ", confidence 0." in line and "suggested" not in line
    # A desk that counts only near-certain stances: the same evidence is shown, not counted.
    strict = tmp_path / "strict.toml"
    default = (ROOT / "workflows" / "default.toml").read_text(encoding="utf-8")
    strict.write_text(default.replace("min_score = 80", "min_score = 80\nconfirm = 0.999"))
    text = checked("report", "--workflow", str(strict)).stdout
    suggested = [x for x in text.splitlines() if "suggested: not counted" in x]
    assert suggested and all(re.search(r", confidence [01]\.\d\d, suggested", x) for x in suggested)
