"""The shape of report data (`verify report --format json`, `claims show --json`, the desk's
`/api/claims/ID`), as typed dictionaries mirroring docs/report-json.md. Renderers read these
keys; mypy checks each one exists. Fields are only ever added, never renamed or removed."""

from typing import Any, NotRequired

# pydantic (the desk's API schema) needs typing_extensions' TypedDict before Python 3.12
from typing_extensions import TypedDict

# History entries have a "from" key, a Python keyword: the functional form spells it.
HistoryEntry = TypedDict(
    "HistoryEntry",
    {
        "from": str | None,
        "to": str,
        "reason": str,
        "actor": str,
        "at": str,
        "facts": dict[str, Any] | None,
    },
)


class QuantityEntry(TypedDict):
    """A figure the claim states (verify.quantities.Quantity) and its human form."""

    value: float
    unit: str
    approx: bool
    bound: str  # exact | min | max | range
    low: float | None
    text: str
    start: int
    end: int
    currency: str | None
    noun: str
    qualifier: str
    described: str


class WarcEntry(TypedDict):
    path: str
    offset: int | None
    length: int | None
    record_id: str | None


class ScreenshotEntry(TypedDict):
    path: str
    sha256: str | None
    width: int | None
    height: int | None
    taken_at: str | None


class CaptureEntry(TypedDict):
    """The page as it was when evidence was found in it."""

    id: int | None
    url: str
    final_url: str
    status: int | None
    content_type: str | None
    fetched_at: str
    sha256: str
    size: int
    path: str | None
    warc: WarcEntry | None
    screenshot: ScreenshotEntry | None


class EvidenceEntry(TypedDict):
    id: int | None
    url: str
    stance: str
    method: str
    score: float | None
    confidence: float | None  # calibrated, 0-1; None for evidence a person attached
    suggested: bool  # below the workflow's `confirm`: shown, not counted by the rules
    passage: str | None
    quantity_comparison: str | None
    note: str | None
    origin: str | None
    source_title: str | None
    added_by: str
    added_at: str
    capture: CaptureEntry | None
    capture_error: str | None


class MentionEntry(TypedDict):
    article_id: int | None
    title: str | None
    outlet: str | None
    url: str | None
    published_at: str | None
    char_start: int
    char_end: int


class ActivityEntry(TypedDict):
    kind: str
    detail: str
    evidence_id: int | None
    actor: str
    at: str


class Why(TypedDict):
    reason: str
    actor: str
    at: str


class ClaimEntry(TypedDict):
    id: int | None
    text: str
    quote: str
    status: str
    status_description: str
    pinned: bool
    version: int
    rules_suggest: str | None
    attributed_to: str | None
    quantities: list[QuantityEntry]
    checkworthiness: float
    priority: float
    assignee: str | None
    why: Why | None
    facts: dict[str, float]
    mentions: list[MentionEntry]
    evidence: list[EvidenceEntry]
    history: list[HistoryEntry]
    activity: list[ActivityEntry]
    created_at: str
    updated_at: str


class RatingEntry(TypedDict):
    value: int
    name: str


class Organisation(TypedDict, total=False):
    """Who publishes the report (ClaimReview's author); set by `report` and the desk."""

    name: str
    url: str


class Report(TypedDict):
    verify_report: int  # format version
    generated_at: str
    workflow: str
    initial_status: str
    ratings: dict[str, RatingEntry]
    best_rating: int
    worst_rating: int
    summary: dict[str, int]
    total: int
    articles: int
    claims: list[ClaimEntry]
    organisation: NotRequired[Organisation]
