"""`verify X --help` at 80 columns, for every command: paragraphs flow to the width (no line
broken mid-sentence where the docstring happened to break), nothing wider than the terminal,
and brackets in the text survive (`[transitions]` is no markup)."""

from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from verify.cli import app

WIDTH = 80


def commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, command in sorted(getattr(group, "commands", {}).items()):
        yield from commands(command, (*path, name))


ALL = list(commands(typer.main.get_command(app)))


def help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": str(WIDTH)})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_command_is_covered() -> None:
    assert ("status", "set") in ALL and ("check",) in ALL and len(ALL) > 20


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "verify")
def test_help_flows_to_80_columns(path: tuple[str, ...]) -> None:
    text = help_text(path)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    prose = lines[: next((i for i, line in enumerate(lines) if line.startswith("╭")), len(lines))]
    words = [line.strip() for line in prose[2:]]  # past the usage line
    for line, following in zip(words, words[1:], strict=False):
        if line and following:  # a paragraph goes on: the next word must not have fitted here
            room = WIDTH - 2 - len(line) - 1
            assert len(following.split()[0]) > room, f"broken early: {line!r} / {following!r}"


def test_brackets_in_help_are_kept() -> None:
    assert "workflow's [transitions]" in " ".join(help_text(("status", "set")).split())
