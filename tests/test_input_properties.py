"""Properties of the readers a user can feed anything: an article's front matter and a workflow
file. Whatever comes in, the answer is a result or our own error (InputError, WorkflowError),
never another exception, and it comes quickly."""

import json
import math
import re
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from verify import articles, workflow
from verify.errors import InputError, WorkflowError

T = TypeVar("T")
SECONDS = 5.0  # each example; the slowest seen take a few hundredths
PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
DEFAULT = ROOT / "workflows" / "default.toml"


def quickly(call: Callable[[], T]) -> T:
    started = time.perf_counter()
    try:
        return call()
    finally:
        assert time.perf_counter() - started < SECONDS


def read_front_matter(meta: str) -> articles.ArticleInput | None:
    raw = f"---\n{meta}\n---\nThe agency said 12,000 troops left.\n".encode()
    try:
        return quickly(lambda: articles.parse(raw, name="fuzz.md"))
    except InputError:
        return None


YAML_PIECES = [
    "title", "published", "date", "outlet", "url", "a", ":", ": ", " ", "  ", "\n", "\n  ",
    "- ", "[", "]", "{", "}", ", ", "&x ", "*x", "&y ", "*y", "<<: ", "? ", "!!int ", "!!str ",
    "!!binary ", "!!timestamp ", "!!python/object:os.system ", "!x ", "|", ">", "'", '"', "#",
    "~", "null", "true", "2024-13-01", "2024-02-30", "2024-02-03T25:00:00", "2024-10-25",
    "1e999", "0x1F", "9" * 5000, "---", "...", "%YAML 1.1", "\t", "\\", "é", "\x00", "\ufeff",
]  # fmt: skip


@PROPERTY
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=60).map("".join))
def test_front_matter_from_yaml_pieces_is_a_result_or_an_input_error(meta: str) -> None:
    read_front_matter(meta)


@PROPERTY
@given(st.text(max_size=300))
def test_any_front_matter_text_is_a_result_or_an_input_error(meta: str) -> None:
    read_front_matter(meta)


@PROPERTY
@given(*(st.integers(0, high) for high in (9999, 99, 99, 99, 99)))
def test_published_dates_are_real_or_refused(
    year: int, month: int, day: int, hour: int, minute: int
) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00"
    article = read_front_matter(f"published: {text}")
    try:
        expected: datetime | None = datetime(year, month, day, hour, minute, tzinfo=UTC)
    except ValueError:
        expected = None
    assert (article.published_at if article else None) == expected


MARKDOWN_PIECES = ["[", "]", "(", ")", "!", "*", "**", "_", "__", "`", "#", "# ", ">", " ", "\n",
                   "\r\n", "a", "word", "---\n", "<p>", "http://x.example/a_(b)", "\t"]  # fmt: skip


@PROPERTY
@given(
    st.binary(max_size=500)
    | st.lists(st.sampled_from(MARKDOWN_PIECES)).map("".join).map(str.encode)
)
def test_any_article_is_a_result_or_an_input_error(raw: bytes) -> None:
    try:
        article = quickly(lambda: articles.parse(raw, name="fuzz"))
    except InputError:
        return
    assert article.text.strip() and article.raw_sha256


# Workflows: the default file with one value anywhere replaced by any TOML value, or removed,
# or a key added; written back as TOML. Wrong types everywhere, valid syntax.
toml_scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats()
    | st.text(max_size=12)
    | st.dates()
    | st.sampled_from(["unverified", "disputed", "corroborated", "false", "token_set_ratio"])
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def toml(value: Any) -> str:
    """value as a TOML value (nested tables inline)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)  # inf, -inf, 1e+100 are TOML
    if isinstance(value, int | date):
        return str(value) if isinstance(value, int) else value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml(item) for item in value) + "]"
    return "{" + ", ".join(f"{toml(k)} = {toml(v)}" for k, v in value.items()) + "}"


@st.composite
def mutated_workflows(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(DEFAULT.read_text(encoding="utf-8"))
    parent: Any = data
    key: Any = draw(st.sampled_from(sorted(data)))
    while isinstance(parent[key], dict | list) and parent[key] and draw(st.booleans()):
        parent = parent[key]
        key = draw(
            st.sampled_from(sorted(parent) if isinstance(parent, dict) else range(len(parent)))
        )
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "replace":
        parent[key] = draw(toml_values)
    elif action == "remove":
        del parent[key]
    elif isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(toml_values)
    return data


def load_text(tmp_path: Path, text: str) -> workflow.Workflow | WorkflowError:
    path = tmp_path / "fuzz.toml"
    path.write_text(text, encoding="utf-8")
    try:
        return quickly(lambda: workflow.load(path))
    except WorkflowError as exc:
        line = re.match(rf"{re.escape(str(path))}:(\d+): ", str(exc))
        if line:  # a line it names is one of the file's
            assert 1 <= int(line.group(1)) <= max(1, len(text.splitlines()))
        return exc


@PROPERTY
@given(mutated_workflows())
def test_workflows_with_any_value_anywhere_load_or_fail_cleanly(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    text = "".join(f"{toml(key)} = {toml(value)}\n" for key, value in data.items())
    load_text(tmp_path, text)


@PROPERTY
@given(st.data())
def test_workflow_text_with_any_edit_loads_or_fails_cleanly(tmp_path: Path, data: Any) -> None:
    text = DEFAULT.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    insert = data.draw(st.text(alphabet=st.sampled_from("[]{}=\"'#,.\n 5aé"), max_size=30))
    load_text(tmp_path, text[:start] + insert + text[end:])
