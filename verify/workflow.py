"""Workflows: statuses, rules over facts, allowed manual moves and ClaimReview ratings, read
from TOML into frozen objects. Every unknown name is an error with file, line and a suggestion."""

import difflib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from verify.errors import RoleError, TransitionError

SCORERS = ("token_set_ratio", "token_sort_ratio", "partial_ratio", "ratio", "WRatio", "QRatio")
TOP_KEYS = {
    "name", "description", "initial", "pending", "statuses", "match", "rules", "transitions",
    "claimreview", "factchecks", "roles", "capture",
}  # fmt: skip
TABLES = {"statuses", "match", "transitions", "claimreview", "factchecks", "roles", "capture"}
ROLES = ("reviewer", "editor", "admin")  # each may do what the ones before it may
CAPTURE_KEYS = {"screenshots"}
FACTCHECK_KEYS = {"suggest", "confirm", "verdicts", "wording"}
VERDICTS = ("false", "mostly_false", "mixed", "misleading", "mostly_true", "true", "unproven",
            "satire")  # fmt: skip
MATCH_KEYS = {
    "scorer", "min_score", "quantity_tolerance", "candidates", "query_terms", "query_postings",
    "judge_top", "suggest", "confirm",
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
    judge_top: int = 0  # best-ranked pages the stance model judges even below min_score
    suggest: float = 0.4  # stance confidence from which source evidence is kept (suggested)
    confirm: float = 0.6  # ...and from which the rules count it
    roles: dict[str, str] = field(default_factory=dict)  # status → least role that may set it
    screenshots: bool = False  # [capture] screenshots: `fetch` photographs each new capture

    def check_status(self, status: str) -> str:
        """The status if the workflow has it; else TransitionError with the choices."""
        if status not in self.statuses:
            raise TransitionError(
                f"unknown status {status!r} (workflow {self.name!r} has: "
                f"{', '.join(self.statuses)}){suggest(status, self.statuses)}"
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
    from verify import workflow_file  # it builds this module's classes

    return workflow_file.load(path)


def suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
