"""Reading a workflow file: bounded in size and depth, checked key by key, every problem a
WorkflowError with the line of the key at fault (`toml_lines`) and, where it helps, a suggestion.
"""

import re
import tomllib
from pathlib import Path
from typing import Any

from verify import limits, toml_lines
from verify.errors import WorkflowError
from verify.toml_lines import KeyPath
from verify.workflow import (
    BOUND_KEYS,
    CAPTURE_KEYS,
    FACT_NAMES,
    FACTCHECK_KEYS,
    MATCH_KEYS,
    ROLES,
    RULE_KEYS,
    SCORERS,
    TABLES,
    TOP_KEYS,
    VERDICTS,
    Bound,
    FactCheckPolicy,
    Rating,
    Rule,
    Workflow,
    suggest,
)


def load(path: Path) -> Workflow:
    """Read and validate a workflow file (see verify.workflow.load)."""
    try:
        raw = limits.read_path(path, limits.MAX_WORKFLOW_BYTES)
        source = raw.decode("utf-8")
    except limits.TooLarge as exc:
        raise WorkflowError(
            f"cannot read workflow {path} (more than {limits.MAX_WORKFLOW_BYTES:,} bytes, the "
            "workflow size limit); a workflow is a short TOML file"
        ) from exc
    except OSError as exc:
        raise WorkflowError(
            f"cannot read workflow {path} ({exc.strerror}); pass --workflow with a TOML file"
        ) from exc
    except UnicodeDecodeError as exc:
        raise WorkflowError(f"cannot read workflow {path} (not UTF-8 text)") from exc
    return _Parser(path, source).workflow(_toml(path, source))


def _toml(path: Path, source: str) -> dict[str, Any]:
    too_deep = WorkflowError(
        f"{path}: nested more than {limits.MAX_WORKFLOW_DEPTH} levels deep (tables and arrays "
        "inside each other, the file itself included); the shipped ones need 5"
    )
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise WorkflowError(f"{path}: not valid TOML ({exc})") from exc
    except RecursionError as exc:  # tomllib recurses once per level: far past our limit
        raise too_deep from exc
    if _depth(data) > limits.MAX_WORKFLOW_DEPTH:
        raise too_deep
    return data


def _depth(data: Any) -> int:
    """How many tables and arrays nest in data, the document included (iteratively)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return deepest


def _where(at: KeyPath) -> str:
    """A key path in the user's terms: `[[rules]] #2 when`, `[transitions] disputed item 1`."""
    if not at:
        return "the workflow"
    head, *rest = at
    if head == "rules" and rest and isinstance(item := rest[0], int):
        words = [f"[[rules]] #{item + 1}"]
        rest = rest[1:]
    elif head in TABLES:
        tables = [str(head)]
        if head == "factchecks" and rest and rest[0] in ("verdicts", "wording"):
            tables.append(str(rest.pop(0)))
        words = [f"[{'.'.join(tables)}]"]
    else:
        words = [str(head)]
    words += [f"item {part + 1}" if isinstance(part, int) else part for part in rest]
    return " ".join(words)


class _Parser:
    """Validation with positions: messages say `file:line: ...`, the line of the key at fault."""

    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.source = source

    def fail(self, at: KeyPath, message: str) -> WorkflowError:
        if not at:  # the file as a whole: no line to point at
            return WorkflowError(f"{self.path}: {message}")
        return WorkflowError(f"{self.path}:{toml_lines.line_of(self.source, at)}: {message}")

    def unknown(self, table: dict[str, Any], allowed: Any, at: KeyPath) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(
                    (*at, key),
                    f"unknown key {key!r} in {_where(at)} (valid: {', '.join(sorted(allowed))})"
                    + suggest(key, allowed),
                )

    def typed(self, data: dict[str, Any], key: str, kind: type, at: KeyPath, default: Any) -> Any:
        """data[key] if it has type kind (default if absent; required if default is None)."""
        if key not in data:
            if default is None:
                raise self.fail(at, f"missing {key!r} in {_where(at)}")
            return default
        value = data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise self.fail((*at, key), f"{key!r} in {_where(at)} must be {_KINDS[kind]}")
        return value

    def status(self, name: Any, statuses: dict[str, str], at: KeyPath) -> str:
        if not isinstance(name, str) or name not in statuses:
            raise self.fail(
                at,
                f"unknown status {name!r} in {_where(at)} (statuses: {', '.join(statuses)})"
                + suggest(str(name), statuses),
            )
        return name

    def statuses(self, data: dict[str, Any]) -> dict[str, str]:
        statuses: dict[str, Any] = self.typed(data, "statuses", dict, (), None)
        if not statuses:
            raise self.fail(("statuses",), "[statuses] must name at least one status")
        for name, text in statuses.items():
            if not isinstance(text, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise self.fail(("statuses", name), f"status {name!r} needs a description "
                                "string and a lower-case name (letters, digits, _)")  # fmt: skip
        return statuses

    def workflow(self, data: dict[str, Any]) -> Workflow:
        self.unknown(data, TOP_KEYS, ())
        statuses = self.statuses(data)
        initial = self.status(self.typed(data, "initial", str, (), None), statuses, ("initial",))
        pending = self.typed(data, "pending", list, (), [initial])
        if not pending:
            raise self.fail(("pending",), "'pending' must list at least one status (those "
                            "`verify claims list` shows and `verify check` checks)")  # fmt: skip
        match = self.typed(data, "match", dict, (), {})
        self.unknown(match, MATCH_KEYS, ("match",))
        scorer = self.typed(match, "scorer", str, ("match",), "token_set_ratio")
        if scorer not in SCORERS:
            raise self.fail(("match", "scorer"), f"unknown scorer {scorer!r} (valid: "
                            f"{', '.join(SCORERS)})" + suggest(scorer, SCORERS))  # fmt: skip
        rules = self.typed(data, "rules", list, (), [])
        best, worst, ratings = self.ratings(self.typed(data, "claimreview", dict, (), {}), statuses)
        return Workflow(
            name=self.typed(data, "name", str, (), self.path.stem),
            path=self.path,
            description=self.typed(data, "description", str, (), ""),
            initial=initial,
            statuses=dict(statuses),
            pending=tuple(self.status(s, statuses, ("pending", i)) for i, s in enumerate(pending)),
            rules=tuple(self.rule(raw, statuses, ("rules", i)) for i, raw in enumerate(rules)),
            transitions=self.transitions(self.typed(data, "transitions", dict, (), {}), statuses),
            scorer=scorer,
            min_score=self.number(match, "min_score", 80.0, 0, 100, ("match",)),
            quantity_tolerance=self.number(match, "quantity_tolerance", 0.05, 0, 1, ("match",)),
            candidates=int(self.number(match, "candidates", 100, 1, 10_000, ("match",))),
            query_terms=int(self.number(match, "query_terms", 12, 1, 100, ("match",))),
            query_postings=int(
                self.number(match, "query_postings", 50_000, 100, 10_000_000, ("match",))
            ),
            judge_top=int(self.number(match, "judge_top", 0, 0, 100, ("match",))),
            suggest=self.number(match, "suggest", 0.4, 0, 1, ("match",)),
            confirm=self.number(match, "confirm", 0.6, 0, 1, ("match",)),
            ratings=ratings,
            best_rating=best,
            worst_rating=worst,
            factchecks=self.factchecks(self.typed(data, "factchecks", dict, (), {}), statuses),
            roles=self.roles(self.typed(data, "roles", dict, (), {}), statuses),
            screenshots=self.capture(self.typed(data, "capture", dict, (), {})),
        )

    def capture(self, raw: dict[str, Any]) -> bool:
        """[capture]: whether `fetch` takes a screenshot of each new capture."""
        self.unknown(raw, CAPTURE_KEYS, ("capture",))
        return bool(self.typed(raw, "screenshots", bool, ("capture",), False))

    def number(
        self, table: dict[str, Any], key: str, default: float, low: float, high: float, at: KeyPath
    ) -> float:
        value = table.get(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            span = f"from {low:g} to {high:g}" if high < float("inf") else f"of {low:g} or more"
            raise self.fail((*at, key), f"{key!r} must be a number {span}")
        return float(value)

    def whole(
        self, table: dict[str, Any], key: str, default: int, low: int, high: int, at: KeyPath
    ) -> int:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail((*at, key), f"{key!r} must be a whole number from "
                            f"{low} to {high}")  # fmt: skip
        return value

    def rule(self, raw: Any, statuses: dict[str, str], at: KeyPath) -> Rule:
        if not isinstance(raw, dict):
            raise self.fail(at, "each [[rules]] entry must be a table")
        self.unknown(raw, RULE_KEYS, at)
        status = self.status(raw.get("status"), statuses, (*at, "status"))
        when: dict[str, Any] = self.typed(raw, "when", dict, at, None)
        bounds = []
        for fact, bound in when.items():
            where = (*at, "when", fact)
            if fact not in FACT_NAMES:
                choices = ", ".join(FACT_NAMES)
                raise self.fail(
                    where,
                    f"unknown fact {fact!r} in the rule for {status!r} (facts: {choices})"
                    + suggest(fact, FACT_NAMES),
                )
            if not isinstance(bound, dict) or not bound:
                raise self.fail(
                    where, f"{fact} needs a bound such as {{ min = 1 }} or {{ max = 0 }}"
                )
            self.unknown(bound, BOUND_KEYS, where)
            bounds.append(Bound(fact, self.opt(bound, "min", where), self.opt(bound, "max", where)))
        reason = self.typed(raw, "reason", str, at, "") or " and ".join(
            b.describe() for b in bounds
        )
        return Rule(status=status, when=tuple(bounds), reason=reason)

    def opt(self, bound: dict[str, Any], key: str, at: KeyPath) -> float | None:
        if key not in bound:
            return None
        return self.number(bound, key, 0, 0, float("inf"), at)

    def transitions(
        self, raw: dict[str, Any], statuses: dict[str, str]
    ) -> dict[str, tuple[str, ...]]:
        moves: dict[str, tuple[str, ...]] = {}
        for source, targets in raw.items():
            at = ("transitions", source)
            self.status(source, statuses, at)
            if not isinstance(targets, list):
                raise self.fail(at, f"[transitions] {source} must be a list of statuses")
            moves[source] = tuple(self.status(t, statuses, (*at, i)) for i, t in enumerate(targets))
        return moves

    def factchecks(self, raw: dict[str, Any], statuses: dict[str, str]) -> FactCheckPolicy:
        at: KeyPath = ("factchecks",)
        self.unknown(raw, FACTCHECK_KEYS, at)
        verdicts: dict[str, Any] = self.typed(raw, "verdicts", dict, at, {})
        wording: dict[str, Any] = self.typed(raw, "wording", dict, at, {})
        self.unknown(verdicts, VERDICTS, (*at, "verdicts"))
        for words, verdict in wording.items():
            if verdict not in VERDICTS:
                raise self.fail((*at, "wording", words), f"unknown verdict {verdict!r} in "
                                f"[factchecks.wording] (valid: {', '.join(VERDICTS)})"
                                + suggest(str(verdict), VERDICTS))  # fmt: skip
        return FactCheckPolicy(
            suggest=self.number(raw, "suggest", 85, 0, 100, at),
            confirm=self.number(raw, "confirm", 95, 0, 100, at),
            verdicts={
                v: self.status(s, statuses, (*at, "verdicts", v)) for v, s in verdicts.items()
            },
            wording=dict(wording),
        )

    def roles(self, raw: dict[str, Any], statuses: dict[str, str]) -> dict[str, str]:
        """`[roles]`: status = "editor" — the least desk role that may set that status."""
        found: dict[str, str] = {}
        for status, role in raw.items():
            at = ("roles", status)
            self.status(status, statuses, at)
            if role not in ROLES:
                raise self.fail(at, f"unknown role {role!r} for {status!r} in [roles] (roles: "
                                f"{', '.join(ROLES)})" + suggest(str(role), ROLES))  # fmt: skip
            found[status] = role
        return found

    def ratings(
        self, raw: dict[str, Any], statuses: dict[str, str]
    ) -> tuple[int, int, dict[str, Rating]]:
        at: KeyPath = ("claimreview",)
        best = self.whole(raw, "best_rating", 5, 1, 100, at)
        worst = self.whole(raw, "worst_rating", 1, 0, 100, at)
        if worst >= best:
            raise self.fail((*at, "worst_rating"), "worst_rating must be below best_rating")
        ratings: dict[str, Rating] = {}
        for key, value in raw.items():
            if key in ("best_rating", "worst_rating"):
                continue
            self.status(key, statuses, (*at, key))
            if not isinstance(value, dict):
                raise self.fail(
                    (*at, key), f'rating for {key!r} must be {{ rating = N, name = "..." }}'
                )
            self.unknown(value, {"rating", "name"}, (*at, key))
            rating = self.whole(value, "rating", worst, worst, best, (*at, key))
            name = self.typed(value, "name", str, (*at, key), key.replace("_", " ").title())
            ratings[key] = Rating(rating, name)
        return best, worst, ratings


_KINDS = {
    str: "a string", list: "a list", dict: "a table", int: "a whole number", bool: "true or false",
}  # fmt: skip
