from pathlib import Path

import pytest

from tests.conftest import ROOT
from verify import workflow
from verify.errors import TransitionError, WorkflowError
from verify.workflow import Facts

SHIPPED = sorted((ROOT / "workflows").glob("*.toml"))
DEFAULT = ROOT / "workflows" / "default.toml"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_workflows_load(path: Path) -> None:
    flow = workflow.load(path)
    assert flow.initial in flow.statuses and set(flow.pending) <= set(flow.statuses)


def test_default_rules() -> None:
    flow = workflow.load(DEFAULT)
    assert flow.decide(Facts(supporting_origins=2)).status == "corroborated"
    assert flow.decide(Facts(supporting_origins=3, contradicting_origins=1)).status == "disputed"
    assert flow.decide(Facts(supporting_origins=1)).status == "unverified"


def test_transitions() -> None:
    flow = workflow.load(DEFAULT)
    flow.check_move("unverified", "disputed")
    with pytest.raises(
        TransitionError, match="unknown status 'corroborted'.*did you mean 'corroborated'"
    ):
        flow.check_move("unverified", "corroborted")


def broken(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "wf.toml"
    text = DEFAULT.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("initial =", "inital =", r"wf.toml:\d+: unknown key 'inital'.*did you mean 'initial'"),
        ("supporting_origins = { min = 2 }", "supporting_domains = { min = 2 }",
         r"wf.toml:\d+: unknown fact 'supporting_domains'.*facts: supporting_origins"),
        ('status = "disputed"', 'status = "dispute"', r"unknown status 'dispute'.*'disputed'"),
        ('scorer = "token_set_ratio"', 'scorer = "nope"', r"unknown scorer 'nope'"),
        ("min_score = 80", "min_score = 180", r"'min_score' must be a number from 0 to 100"),
        ("{ min = 1 }", "{ mn = 1 }", r"unknown key 'mn'.*valid: max, min"),
        ('name = "default"', 'name = "default', r"not valid TOML"),
    ],
)  # fmt: skip
def test_invalid_workflows_name_file_line_and_choices(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(WorkflowError, match=message):
        workflow.load(broken(tmp_path, old, new))


def test_error_line_number_points_at_the_key(tmp_path: Path) -> None:
    path = broken(tmp_path, "initial =", "inital =")
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if t.startswith("inital"))
    with pytest.raises(WorkflowError, match=rf"wf.toml:{line}:"):
        workflow.load(path)


def test_missing_file() -> None:
    with pytest.raises(WorkflowError, match="cannot read workflow"):
        workflow.load(Path("nope.toml"))
