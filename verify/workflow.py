"""Workflows: statuses, rules over facts, allowed manual moves and ClaimReview ratings, read
from TOML into frozen objects. Every unknown name is an error with file, line and a suggestion."""

import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from verify.errors import RoleError, TransitionError, WorkflowError

SCORERS = ("token_set_ratio", "token_sort_ratio", "partial_ratio", "ratio", "WRatio", "QRatio")
TOP_KEYS = {
    "name", "description", "initial", "pending", "statuses", "match", "rules", "transitions",
    "claimreview", "factchecks", "roles",
}  # fmt: skip
ROLES = ("reviewer", "editor", "admin")  # each may do what the ones before it may
FACTCHECK_KEYS = {"suggest", "confirm", "verdicts", "wording"}
VERDICTS = ("false", "mostly_false", "mixed", "misleading", "mostly_true", "true", "unproven",
            "satire")  # fmt: skip
MATCH_KEYS = {
    "scorer", "min_score", "quantity_tolerance", "candidates", "query_terms", "query_postings",
}  # fmt: skip
RULE_KEYS = {"status", "when", "reason"}
BOUND_KEYS = {"min", "max"}


@dataclass(frozen=True)
class Facts:
    """What the rules can look at, computed from a claim's evidence. The closed vocabulary."""

    supporting_origins: int = 0
    contradicting_origins: int = 0
    mentioning_origins: int = 0
    evidence_count: int = 0
    manual_evidence_count: int = 0
    best_score: float = 0.0

    def as_dict(self) -> dict[str, float]:
        """Plain form, stored with every rule-made status change."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


FACT_NAMES = tuple(f.name for f in fields(Facts))


@dataclass(frozen=True)
class Bound:
    """`fact` must lie within [low, high]; either end may be open."""

    fact: str
    low: float | None
    high: float | None

    def holds(self, facts: Facts) -> bool:
        value = getattr(facts, self.fact)
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def describe(self) -> str:
        parts = []
        if self.low is not None:
            parts.append(f"{self.fact} ≥ {self.low:g}")
        if self.high is not None:
            parts.append(f"{self.fact} ≤ {self.high:g}")
        return " and ".join(parts)


@dataclass(frozen=True)
class Rule:
    """Set `status` when every bound holds."""

    status: str
    when: tuple[Bound, ...]
    reason: str

    def holds(self, facts: Facts) -> bool:
        return all(bound.holds(facts) for bound in self.when)


@dataclass(frozen=True)
class Rating:
    """ClaimReview rating for a status."""

    value: int
    name: str


@dataclass(frozen=True)
class FactCheckPolicy:
    """How published fact-checks feed a claim: similarity to attach one as evidence
    (`suggest`), similarity at which its verdict may set the status (`confirm`), the
    verdict → status map, and extra rating wording → verdict."""

    suggest: float = 85.0
    confirm: float = 95.0
    verdicts: dict[str, str] = field(default_factory=dict)
    wording: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    """What the rules say about a claim, and why."""

    status: str
    reason: str
    rule: Rule | None


@dataclass(frozen=True)
class Workflow:
    """A validated workflow."""

    name: str
    path: Path
    initial: str
    statuses: dict[str, str]
    pending: tuple[str, ...]
    rules: tuple[Rule, ...]
    transitions: dict[str, tuple[str, ...]]
    scorer: str
    min_score: float
    quantity_tolerance: float
    ratings: dict[str, Rating]
    best_rating: int
    worst_rating: int
    description: str = ""
    factchecks: FactCheckPolicy = field(default_factory=FactCheckPolicy)
    candidates: int = 100  # passages the index returns per claim
    query_terms: int = 12  # most words in a claim's index query (its rarest ones)
    query_postings: int = 50_000  # ...and the most index entries they may cover in all
    roles: dict[str, str] = field(default_factory=dict)  # status → least role that may set it

    def check_status(self, status: str) -> str:
        """The status if the workflow has it; else TransitionError with the choices."""
        if status not in self.statuses:
            raise TransitionError(
                f"unknown status {status!r} (workflow {self.name!r} has: "
                f"{', '.join(self.statuses)}){_suggest(status, self.statuses)}"
            )
        return status

    def check_move(self, current: str, target: str) -> None:
        """Raise TransitionError unless a person may move a claim from current to target."""
        self.check_status(target)
        allowed = self.transitions.get(current, ())
        if target not in allowed:
            choices = ", ".join(allowed) if allowed else "none"
            raise TransitionError(
                f"cannot move a claim from {current} to {target} (workflow {self.name!r} allows "
                f"from {current}: {choices}); pick one of those or use another workflow"
            )

    def role_for(self, status: str) -> str:
        """The least desk role that may set (or unpin) this status: `[roles]`, else reviewer."""
        return self.roles.get(status, ROLES[0])

    def check_role(self, role: str, status: str) -> None:
        """Raise RoleError unless a person with this role may set (or unpin) the status."""
        needed = self.role_for(status)
        if role not in ROLES or ROLES.index(role) < ROLES.index(needed):
            allowed = " or ".join(ROLES[ROLES.index(needed) :])
            raise RoleError(
                f"a {role} cannot set {status} (workflow {self.name!r} lets only {allowed} do "
                f"that); ask someone with the {needed} role"
            )

    def decide(self, facts: Facts) -> Decision:
        """The first rule that holds sets the status; if none does, the initial status."""
        for rule in self.rules:
            if rule.holds(facts):
                return Decision(rule.status, rule.reason, rule)
        return Decision(self.initial, "no rule holds", None)


def load(path: Path) -> Workflow:
    """Read and validate a workflow file; every problem is a WorkflowError naming file and line."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise WorkflowError(
            f"cannot read workflow {path} ({exc.strerror}); pass --workflow with a TOML file"
        ) from exc
    except UnicodeDecodeError as exc:
        raise WorkflowError(f"cannot read workflow {path} (not UTF-8 text)") from exc
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise WorkflowError(f"{path}: not valid TOML ({exc})") from exc
    return _Parser(path, source).workflow(data)


def _suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Parser:
    """Validation with positions: messages say `file:line: ...`."""

    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.lines = source.splitlines()

    def fail(self, key: str, message: str) -> WorkflowError:
        return WorkflowError(f"{self.path}:{self.line_of(key)}: {message}")

    def line_of(self, key: str) -> int:
        pattern = re.compile(rf"(^|[\s{{,\[.]){re.escape(key)}\s*(=|\])")
        for number, line in enumerate(self.lines, start=1):
            if pattern.search(line.split("#", 1)[0]):
                return number
        return 1

    def unknown(self, keys: Any, allowed: Any, where: str) -> None:
        for key in keys:
            if key not in allowed:
                raise self.fail(
                    key,
                    f"unknown key {key!r} in {where} (valid: {', '.join(sorted(allowed))})"
                    + _suggest(key, allowed),
                )

    def require(self, data: dict[str, Any], key: str, kind: type, where: str) -> Any:
        if key not in data:
            raise WorkflowError(f"{self.path}: missing {key!r} in {where}")
        value = data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise self.fail(key, f"{key!r} in {where} must be a {kind.__name__}")
        return value

    def status(self, name: Any, statuses: dict[str, str], key: str) -> str:
        if not isinstance(name, str) or name not in statuses:
            raise self.fail(
                key,
                f"unknown status {name!r} in {key} (statuses: {', '.join(statuses)})"
                + _suggest(str(name), statuses),
            )
        return name

    def workflow(self, data: dict[str, Any]) -> Workflow:
        self.unknown(data, TOP_KEYS, "the workflow")
        statuses = self.require(data, "statuses", dict, "the workflow")
        if not statuses:
            raise self.fail("statuses", "[statuses] must name at least one status")
        for name, text in statuses.items():
            if not isinstance(text, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise self.fail(name, f"status {name!r} needs a description string and a "
                                "lower-case name (letters, digits, _)")  # fmt: skip
        initial = self.status(
            self.require(data, "initial", str, "the workflow"), statuses, "initial"
        )
        pending = data.get("pending", [initial])
        if not isinstance(pending, list):
            raise self.fail("pending", "'pending' must be a list of statuses")
        match = data.get("match", {})
        self.unknown(match, MATCH_KEYS, "[match]")
        scorer = match.get("scorer", "token_set_ratio")
        if scorer not in SCORERS:
            raise self.fail("scorer", f"unknown scorer {scorer!r} (valid: {', '.join(SCORERS)})"
                            + _suggest(str(scorer), SCORERS))  # fmt: skip
        best, worst, ratings = self.ratings(data.get("claimreview", {}), statuses)
        return Workflow(
            name=str(data.get("name", self.path.stem)),
            path=self.path,
            description=str(data.get("description", "")),
            initial=initial,
            statuses=dict(statuses),
            pending=tuple(self.status(s, statuses, "pending") for s in pending),
            rules=tuple(self.rule(raw, statuses) for raw in data.get("rules", [])),
            transitions=self.transitions(data.get("transitions", {}), statuses),
            scorer=scorer,
            min_score=self.number(match, "min_score", 80.0, 0, 100),
            quantity_tolerance=self.number(match, "quantity_tolerance", 0.05, 0, 1),
            candidates=int(self.number(match, "candidates", 100, 1, 10_000)),
            query_terms=int(self.number(match, "query_terms", 12, 1, 100)),
            query_postings=int(self.number(match, "query_postings", 50_000, 100, 10_000_000)),
            ratings=ratings,
            best_rating=best,
            worst_rating=worst,
            factchecks=self.factchecks(data.get("factchecks", {}), statuses),
            roles=self.roles(data.get("roles", {}), statuses),
        )

    def roles(self, raw: Any, statuses: dict[str, str]) -> dict[str, str]:
        """`[roles]`: status = "editor" — the least desk role that may set that status."""
        if not isinstance(raw, dict):
            raise self.fail("roles", '[roles] must map a status to a role, e.g. true = "editor"')
        found: dict[str, str] = {}
        for status, role in raw.items():
            self.status(status, statuses, "[roles]")
            if role not in ROLES:
                raise self.fail(
                    status,
                    f"unknown role {role!r} for {status!r} in [roles] (roles: {', '.join(ROLES)})"
                    + _suggest(str(role), ROLES),
                )
            found[status] = role
        return found

    def number(
        self, table: dict[str, Any], key: str, default: float, low: float, high: float
    ) -> float:
        value = table.get(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise self.fail(key, f"{key!r} must be a number from {low:g} to {high:g}")
        return float(value)

    def rule(self, raw: Any, statuses: dict[str, str]) -> Rule:
        if not isinstance(raw, dict):
            raise self.fail("rules", "each [[rules]] entry must be a table")
        self.unknown(raw, RULE_KEYS, "[[rules]]")
        status = self.status(raw.get("status"), statuses, "status")
        when = self.require(raw, "when", dict, f"the rule for {status!r}")
        bounds = []
        for fact, bound in when.items():
            if fact not in FACT_NAMES:
                choices = ", ".join(FACT_NAMES)
                raise self.fail(
                    fact,
                    f"unknown fact {fact!r} in the rule for {status!r} (facts: {choices})"
                    + _suggest(fact, FACT_NAMES),
                )
            if not isinstance(bound, dict) or not bound:
                raise self.fail(
                    fact, f"{fact} needs a bound such as {{ min = 1 }} or {{ max = 0 }}"
                )
            self.unknown(bound, BOUND_KEYS, f"the bound on {fact}")
            bounds.append(Bound(fact, self.opt(bound, "min"), self.opt(bound, "max")))
        reason = raw.get("reason") or " and ".join(b.describe() for b in bounds)
        return Rule(status=status, when=tuple(bounds), reason=str(reason))

    def opt(self, bound: dict[str, Any], key: str) -> float | None:
        if key not in bound:
            return None
        return self.number(bound, key, 0, 0, float("inf"))

    def transitions(self, raw: Any, statuses: dict[str, str]) -> dict[str, tuple[str, ...]]:
        if not isinstance(raw, dict):
            raise self.fail("transitions", "[transitions] must map a status to a list of statuses")
        moves: dict[str, tuple[str, ...]] = {}
        for source, targets in raw.items():
            self.status(source, statuses, "[transitions]")
            if not isinstance(targets, list):
                raise self.fail(source, f"transitions from {source!r} must be a list")
            moves[source] = tuple(
                self.status(t, statuses, f"[transitions] {source}") for t in targets
            )
        return moves

    def factchecks(self, raw: Any, statuses: dict[str, str]) -> FactCheckPolicy:
        if not isinstance(raw, dict):
            raise self.fail("factchecks", "[factchecks] must be a table")
        self.unknown(raw, FACTCHECK_KEYS, "[factchecks]")
        verdicts = raw.get("verdicts", {})
        wording = raw.get("wording", {})
        if not isinstance(verdicts, dict) or not isinstance(wording, dict):
            raise self.fail("factchecks", "verdicts and wording must be tables")
        self.unknown(verdicts, VERDICTS, "[factchecks.verdicts]")
        for verdict in wording.values():
            if verdict not in VERDICTS:
                raise self.fail(str(verdict), f"unknown verdict {verdict!r} in "
                                f"[factchecks.wording] (valid: {', '.join(VERDICTS)})")  # fmt: skip
        return FactCheckPolicy(
            suggest=self.number(raw, "suggest", 85, 0, 100),
            confirm=self.number(raw, "confirm", 95, 0, 100),
            verdicts={
                v: self.status(s, statuses, "[factchecks.verdicts]") for v, s in verdicts.items()
            },
            wording={str(k): str(v) for k, v in wording.items()},
        )

    def ratings(self, raw: Any, statuses: dict[str, str]) -> tuple[int, int, dict[str, Rating]]:
        if not isinstance(raw, dict):
            raise self.fail("claimreview", "[claimreview] must be a table")
        best = int(self.number(raw, "best_rating", 5, 1, 100))
        worst = int(self.number(raw, "worst_rating", 1, 0, 100))
        ratings: dict[str, Rating] = {}
        for key, value in raw.items():
            if key in ("best_rating", "worst_rating"):
                continue
            self.status(key, statuses, "[claimreview]")
            if not isinstance(value, dict):
                raise self.fail(key, f'rating for {key!r} must be {{ rating = N, name = "..." }}')
            self.unknown(value, {"rating", "name"}, f"the rating for {key!r}")
            rating = int(self.number(value, "rating", worst, worst, best))
            ratings[key] = Rating(rating, str(value.get("name", key.replace("_", " ").title())))
        return best, worst, ratings
