import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from verify import limits, workflow
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


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "wf.toml"
    path.write_text(text, encoding="utf-8")
    return path


def line_with(path: Path, text: str, nth: int = 1) -> int:
    lines = [i for i, t in enumerate(path.read_text().splitlines(), 1) if text in t]
    return lines[nth - 1]


def without_table(text: str, header: str) -> str:
    """The default workflow with one [table] (header to the next blank line) taken out."""
    start = text.index(header)
    end = text.index("\n\n", start)
    return text[:start] + text[end + 2 :]


DEFAULT_TEXT = DEFAULT.read_text(encoding="utf-8")
TOP = 'pending = ["unverified", "disputed"]'
NO_RULES = without_table(without_table(DEFAULT_TEXT, "[[rules]]"), "[[rules]]")
FACTCHECKS_ONLY = DEFAULT_TEXT.split("[factchecks.verdicts]")[0]  # no verdicts, no wording


@pytest.mark.parametrize(
    "text, key, message",
    [
        (without_table(DEFAULT_TEXT, "[match]").replace(TOP, f"{TOP}\nmatch = 5"),
         "match = 5", "'match' in the workflow must be a table"),
        (NO_RULES.replace(TOP, f"{TOP}\nrules = 5"),
         "rules = 5", "'rules' in the workflow must be a list"),
        (NO_RULES.replace(TOP, f"{TOP}\nrules = [5]"),
         "rules = [5]", r"each \[\[rules\]\] entry must be a table"),
        (without_table(DEFAULT_TEXT, "[statuses]").replace(TOP, f"{TOP}\nstatuses = 5"),
         "statuses = 5", "'statuses' in the workflow must be a table"),
        (without_table(DEFAULT_TEXT, "[transitions]").replace(TOP, f"{TOP}\ntransitions = 5"),
         "transitions = 5", "'transitions' in the workflow must be a table"),
        (without_table(DEFAULT_TEXT, "[claimreview]").replace(TOP, f"{TOP}\nclaimreview = 5"),
         "claimreview = 5", "'claimreview' in the workflow must be a table"),
        (DEFAULT_TEXT.split("[factchecks]")[0].replace(TOP, f"{TOP}\nfactchecks = []"),
         "factchecks = []", "'factchecks' in the workflow must be a table"),
        (FACTCHECKS_ONLY.replace("suggest = 85", "verdicts = 5\nsuggest = 85"),
         "verdicts = 5", r"'verdicts' in \[factchecks\] must be a table"),
        (FACTCHECKS_ONLY.replace("suggest = 85", "wording = [1]\nsuggest = 85"),
         "wording = [1]", r"'wording' in \[factchecks\] must be a table"),
        (DEFAULT_TEXT.replace(TOP, "pending = []"), "pending = []",
         "'pending' must list at least one status"),
        (DEFAULT_TEXT.replace(TOP, 'pending = "unverified"'), "pending =",
         "'pending' in the workflow must be a list"),
        (DEFAULT_TEXT.replace(TOP, "pending = [5]"), "pending =", "unknown status 5 in pending"),
        (DEFAULT_TEXT.replace('name = "default"', "name = 5"), "name = 5", "'name' .* string"),
        (DEFAULT_TEXT.replace('name = "default"', "name = 1979-05-27"), "name =", "string"),
        (DEFAULT_TEXT.replace('description = "', 'description = ["x"]\n# "'), "description",
         "'description' in the workflow must be a string"),
        (DEFAULT_TEXT.replace('initial = "unverified"', "initial = 5"), "initial", "string"),
        (DEFAULT_TEXT.replace('scorer = "token_set_ratio"', "scorer = []"), "scorer =",
         "'scorer' in .match. must be a string"),
        (DEFAULT_TEXT.replace("quantity_tolerance = 0.05", 'quantity_tolerance = "5%"'),
         "quantity_tolerance", "must be a number from 0 to 1"),
        (DEFAULT_TEXT.replace("min_score = 80", "min_score = nan"), "min_score",
         "must be a number from 0 to 100"),
        (DEFAULT_TEXT.replace("when = { contradicting_origins = { min = 1 } }", "when = 5"),
         "when = 5", r"'when' in \[\[rules\]\] #1 must be a table"),
        (DEFAULT_TEXT.replace("{ contradicting_origins = { min = 1 } }",
                              "{ contradicting_origins = 5 }"),
         "contradicting_origins = 5", "needs a bound such as"),
        (DEFAULT_TEXT.replace("{ min = 1 }", '{ min = "1" }'), '"1"', "number of 0 or more"),
        (DEFAULT_TEXT.replace('reason = "a source contradicts it"', "reason = 5"),
         "reason = 5", r"'reason' in \[\[rules\]\] #1 must be a string"),
        (DEFAULT_TEXT.replace('status = "corroborated"', "status = 5"), "status = 5",
         r"unknown status 5 in \[\[rules\]\] #2 status"),
        (DEFAULT_TEXT.replace('disputed = ["unverified", "corroborated"]',
                              'disputed = "unverified"'),
         'disputed = "unverified"', r"\[transitions\] disputed must be a list"),
        (DEFAULT_TEXT.replace('corroborated = { rating = 5, name = "Corroborated" }',
                              'corroborated = "five"'),
         'corroborated = "five"', "rating for 'corroborated' must be"),
        (DEFAULT_TEXT.replace("rating = 5, name", "rating = 4.5, name"), "4.5",
         "'rating' must be a whole number from 1 to 5"),
        (DEFAULT_TEXT.replace('name = "Corroborated"', "name = 5"), "name = 5",
         r"'name' in \[claimreview\] corroborated must be a string"),
        (DEFAULT_TEXT.replace("best_rating = 5", 'best_rating = "5"'), "best_rating",
         "whole number"),
        (DEFAULT_TEXT.replace("worst_rating = 1", "worst_rating = 5"), "worst_rating",
         "worst_rating must be below best_rating"),
        (DEFAULT_TEXT.replace('"totalmente falso" = "false"', '"totalmente falso" = 5'),
         "totalmente falso", r"unknown verdict 5 in \[factchecks.wording\]"),
        (DEFAULT_TEXT.replace('mostly_true = "corroborated"', "mostly_true = []"),
         "mostly_true = []", r"unknown status \[\] in \[factchecks.verdicts\] mostly_true"),
    ],
)  # fmt: skip
def test_wrong_types_are_errors_on_their_own_line(
    tmp_path: Path, text: str, key: str, message: str
) -> None:
    path = written(tmp_path, text)
    with pytest.raises(WorkflowError, match=rf"wf.toml:{line_with(path, key)}: .*{message}"):
        workflow.load(path)


@pytest.mark.parametrize(
    "old, new, key, nth",
    [
        # "unverified" is a key in four tables: the error is on the line in [transitions]
        ('unverified = ["disputed", "corroborated"]', 'unverified = ["disputed", "corroborted"]',
         "unverified = [", 1),
        ('corroborated = ["disputed", "unverified"]', 'corroborated = ["disputed", "unverifed"]',
         "corroborated = [", 1),
        ('"totalmente falso" = "false"', '"totalmente falso" = "falso"', "totalmente falso", 1),
        # the second rule's status, not the first rule's
        ('status = "corroborated"', 'status = "corroborted"', 'status = "corroborted"', 1),
        # `false =` is a status in another workflow's sense; here the [factchecks.verdicts] line
        ('false = "disputed"', 'false = "dispute"', 'false = "dispute"', 1),
    ],
)  # fmt: skip
def test_errors_in_transitions_and_wording_give_their_real_line(
    tmp_path: Path, old: str, new: str, key: str, nth: int
) -> None:
    path = broken(tmp_path, old, new)
    with pytest.raises(WorkflowError, match=rf"wf.toml:{line_with(path, key, nth)}: "):
        workflow.load(path)


def test_lines_in_strings_and_multi_line_arrays_are_not_keys(tmp_path: Path) -> None:
    description = 'description = "Corroborate with two independent origins; any contradiction'
    fake = 'description = """\n[factchecks]\nwording.falso = 1\n"""\n# "'
    text = (
        FACTCHECKS_ONLY.replace(description, fake)
        .replace(TOP, 'pending = [\n  "unverified",\n  "disputed",\n]\nnote = 1')
        .replace("suggest = 85", "suggest = 85\nwording.falso = 1")  # a dotted key
    )
    path = written(tmp_path, text)
    with pytest.raises(WorkflowError, match=rf"wf.toml:{line_with(path, 'note = 1')}: .*'note'"):
        workflow.load(path)
    path = written(tmp_path, text.replace("note = 1", ""))
    real = line_with(path, "wording.falso", 2)
    with pytest.raises(WorkflowError, match=rf"wf.toml:{real}: unknown verdict 1"):
        workflow.load(path)


@pytest.mark.parametrize(
    "tail",
    ["x = " + "[" * 100_000, "x = " + "[" * 100_000 + "]" * 100_000, "x = " + "[" * 20 + "]" * 20,
     "x = " + "{a = " * 5_000 + "1" + "}" * 5_000, "[" + ".".join(["a"] * 5_000) + "]"],
    ids=["unclosed-arrays", "arrays", "arrays-20", "inline-tables", "dotted-table"],
)  # fmt: skip
def test_deep_nesting_is_an_error(tmp_path: Path, tail: str) -> None:
    started = time.perf_counter()
    with pytest.raises(WorkflowError, match=f"nested more than {limits.MAX_WORKFLOW_DEPTH}"):
        workflow.load(written(tmp_path, DEFAULT_TEXT + "\n" + tail + "\n"))
    assert time.perf_counter() - started < 5


def test_size_is_capped_and_devices_are_read_with_the_cap(tmp_path: Path) -> None:
    big = DEFAULT_TEXT + "#" + "x" * limits.MAX_WORKFLOW_BYTES
    with pytest.raises(WorkflowError, match="more than 1,048,576 bytes, the workflow size limit"):
        workflow.load(written(tmp_path, big))
    with pytest.raises(WorkflowError, match="workflow size limit"):
        workflow.load(Path("/dev/zero"))  # was MemoryError
