"""The same commands on the real PostgreSQL server (VERIFY_TEST_POSTGRES_URL; a fresh database
each)."""

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from tests.conftest import SEEDS, postgres_database
from verify.cli import app


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_database() as url:
        yield url


@pytest.mark.postgres
def test_review_flow_on_postgres(pg_url: str) -> None:
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, [*args, "--db", pg_url])
        assert result.exit_code == code, (result.output, result.exception)
        return result.stdout + result.stderr

    assert "migrated" in run("init")
    assert "new claim" in run("ingest", str(SEEDS))
    rows = json.loads(run("claims", "list", "--json"))
    top = rows[0]
    assert "12,000 troops" in top["text"] and top["priority"] > top["checkworthiness"]
    claim = str(top["id"])
    run("evidence", "attach", claim, "https://a.example/1", "--stance", "supports", "--no-capture")
    assert "→ corroborated" in run(
        "evidence", "attach", claim, "https://b.example/2", "--stance", "supports", "--no-capture"
    )
    run("status", "set", claim, "disputed", "--reason", "desk review")
    report = json.loads(run("report", claim, "--format", "json"))
    assert [h["to"] for h in report["claims"][0]["history"]] == [
        "unverified", "corroborated", "disputed",
    ]  # fmt: skip
    assert "no claim with id 999999" in run("claims", "show", "999999", code=1)
    assert "Skipped 5 already ingested" in run("ingest", str(SEEDS))
