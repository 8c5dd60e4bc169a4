"""Every command teaches through --help and appears in the README tour."""

from typing import Any

import pytest
import typer.main

from tests.conftest import ROOT
from verify.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, Any]]:
    found = []
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            found += [(f"{name} {sub}", c) for sub, c in subcommands.items()]
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize("name, command", commands(), ids=[n for n, _ in commands()])
def test_every_command_has_help_and_is_in_readme(name: str, command: Any) -> None:
    assert command.help, f"`verify {name}` needs a docstring"
    assert f"verify {name}" in README, f"README should show `verify {name}`"


def test_readme_gives_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
