"""Ids, --article and --limit past what the database stores: a usage error (exit 2) past 64 bits
on every command, `no claim with id …` (exit 1) past PostgreSQL's 32-bit ids; nothing changes."""

import pytest
from typer.testing import CliRunner

from tests.conftest import Invoke, snapshot
from verify.cli import app
from verify.cli.common import MAX_ID, parse_id

HUGE = "99999999999999999999999"  # past 64 bits
PAST_INT32 = "3000000000"  # fits 64 bits, past PostgreSQL's integer ids


def flat(text: str) -> str:
    """A usage error as one line (Typer draws it in a box, wrapped)."""
    return " ".join(text.replace("│", " ").split())


def commands(claim: str) -> list[list[str]]:
    return [
        ["claims", "show", claim],
        ["history", claim],
        ["claims", "assign", claim],
        ["status", "set", claim, "disputed", "--reason", "desk review"],
        ["evidence", "attach", claim, "https://a.example/1", "--stance", "supports"],
        ["check", claim],
        ["report", claim],
    ]


@pytest.mark.parametrize("args", commands(HUGE), ids=lambda a: " ".join(a[:2]))
def test_ids_past_64_bits_are_usage_errors(ingested: Invoke, db: str, args: list[str]) -> None:
    before = snapshot(db)
    result = ingested(*args, code=2)
    assert "is not an id (a whole number from 1 to 9223372036854775807)" in flat(result.stderr)
    assert "Traceback" not in result.output
    assert snapshot(db) == before


@pytest.mark.parametrize("args", commands(PAST_INT32), ids=lambda a: " ".join(a[:2]))
def test_ids_past_32_bits_are_unknown_claims(ingested: Invoke, db: str, args: list[str]) -> None:
    before = snapshot(db)
    result = ingested(*args, code=1)
    assert result.stderr.startswith(f"Error: no claim with id {PAST_INT32};")
    assert snapshot(db) == before


def test_list_options_past_the_range(ingested: Invoke) -> None:
    assert "is not a count" in flat(ingested("claims", "list", "--limit", HUGE, code=2).stderr)
    assert "is not an id" in flat(ingested("claims", "list", "--article", HUGE, code=2).stderr)
    result = ingested("claims", "list", "--article", PAST_INT32, code=1)
    assert result.stderr.startswith(f"Error: no article with id {PAST_INT32};")
    assert ingested("claims", "list", "--limit", str(MAX_ID)).stdout.count("\n") > 3


def test_many_ids_are_checked_one_by_one(ingested: Invoke) -> None:
    result = ingested("claims", "assign", "1", HUGE, code=2)
    assert "is not an id" in flat(result.stderr)
    assert "is not an id" in flat(ingested("report", "1", "0", code=2).stderr)


@pytest.mark.parametrize("text", ["0", "-3", "1.5", "１", "٣", "1e3", " ", "9" * 5000])
def test_what_is_not_an_id(text: str) -> None:
    with pytest.raises(Exception, match="is not an id"):
        parse_id(text)


def test_ids_at_the_edges_parse() -> None:
    assert parse_id("1") == 1 and parse_id(str(MAX_ID)) == MAX_ID and parse_id(" 42 ") == 42
    result = CliRunner().invoke(app, ["claims", "show", "--help"], env={"COLUMNS": "80"})
    assert "ID" in result.stdout
