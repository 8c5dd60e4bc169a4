"""Pure helpers for the desk's pages: queue filters and cursors from query strings, article
context around a mention, evidence grouped by origin, links that are safe to follow."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from verify import origins
from verify.claims import Cursor, EvidenceView, QueueFilter
from verify.errors import InputError, RoleError
from verify.workflow import Workflow

CONTEXT = 280  # characters of article text shown either side of a mention
PAGE_SIZES = (10, 25, 50, 100)


def encode_cursor(cursor: Cursor | None) -> str | None:
    """A cursor as a query-string value: priority~created_at~id."""
    if cursor is None:
        return None
    return f"{cursor.priority!r}~{cursor.created_at.isoformat()}~{cursor.id}"


def decode_cursor(value: str | None) -> Cursor | None:
    """The cursor a query-string value names; InputError for anything else."""
    if not value:
        return None
    try:
        priority, created, claim_id = value.split("~")
        moment = datetime.fromisoformat(created)
        if moment.tzinfo is None:
            raise ValueError("no time zone")
        return Cursor(float(priority), moment.astimezone(UTC), int(claim_id))
    except ValueError as exc:
        raise InputError(
            f"cannot read the page position {value[:60]!r} ({exc}); start from the first page"
        ) from exc


def _day(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name} must be a date like 2024-10-25, not {value[:40]!r}") from exc
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass(frozen=True)
class QueueQuery:
    """The queue page's query string, parsed: the filter, the page size and position."""

    filter: QueueFilter
    limit: int = 50
    after: Cursor | None = None
    before: Cursor | None = None
    params: dict[str, Any] = field(default_factory=dict)  # what to repeat in page links


def queue_query(flow: Workflow, args: Mapping[str, Any], me: str) -> QueueQuery:
    """Parse the queue's filters (status, assignee, mine, unassigned, outlet, article, q,
    since, until) and paging (limit, after, before)."""
    statuses = [flow.check_status(s) for s in args.get("status", []) if s]
    every = args.get("every") == "1"
    assignee = (args.get("assignee") or "").strip() or None
    mine = args.get("mine") == "1"
    article = (args.get("article") or "").strip()
    if article and not article.isdigit():
        raise InputError(f"the article filter takes an article id (a number), not {article!r}")
    text = (args.get("q") or "").strip() or None
    since = _day(args.get("since"), "since")
    until = _day(args.get("until"), "until")
    limit_value = args.get("limit") or "50"
    if not str(limit_value).isdigit() or int(limit_value) not in PAGE_SIZES:
        raise InputError(f"limit must be one of {', '.join(map(str, PAGE_SIZES))}")
    chosen = tuple(statuses) if statuses else None if every else flow.pending
    wanted = QueueFilter(
        statuses=chosen,
        assignee=me if mine else assignee,
        unassigned=args.get("unassigned") == "1",
        outlet=(args.get("outlet") or "").strip() or None,
        article_id=int(article) if article else None,
        text=text,
        since=since,
        until=until + timedelta(days=1) if until else None,
    )
    params = {
        "status": statuses, "every": "1" if every else None, "assignee": assignee,
        "mine": "1" if mine else None, "unassigned": args.get("unassigned") or None,
        "outlet": wanted.outlet, "article": article or None, "q": text,
        "since": args.get("since") or None, "until": args.get("until") or None,
        "limit": None if int(limit_value) == 50 else limit_value,
    }  # fmt: skip
    return QueueQuery(
        wanted,
        int(limit_value),
        decode_cursor(args.get("after")),
        decode_cursor(args.get("before")),
        {k: v for k, v in params.items() if v},
    )


def query_string(params: Mapping[str, Any], **extra: Any) -> str:
    """params (lists repeat their key) plus extra, as a query string."""
    merged = {**params, **{k: v for k, v in extra.items() if v is not None}}
    return urlencode(merged, doseq=True)


def safe_href(url: str | None) -> str | None:
    """The URL if a browser may follow it (http or https); None for javascript:, data: and
    the rest, which the page then shows as text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


@dataclass(frozen=True)
class Context:
    """A mention in its article: text before, the claim's own words, text after."""

    before: str
    claim: str
    after: str


def context(text: str, start: int, end: int, width: int = CONTEXT) -> Context:
    """The words around [start, end) of text, cut at spaces, with … where it was cut."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = max(0, start - width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), end + width)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return Context(
        ("…" if left > 0 else "") + text[left:start],
        text[start:end],
        text[end:right] + ("…" if right < len(text) else ""),
    )


@dataclass(frozen=True)
class OriginGroup:
    """The evidence from one origin (an outlet, or one syndicated story)."""

    origin: str
    items: list[EvidenceView]

    @property
    def stances(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for item in self.items:
            found[item.evidence.stance] = found.get(item.evidence.stance, 0) + 1
        return found


STANCE_ORDER = {"contradicts": 0, "supports": 1, "mentions": 2}


def by_origin(views: Sequence[EvidenceView]) -> list[OriginGroup]:
    """Evidence grouped by origin; contradicting origins first, then supporting, then the
    rest; within a group, best score first."""
    groups: dict[str, list[EvidenceView]] = {}
    for view in views:
        origin = view.origin_group or origins.origin_of(view.evidence.url)
        groups.setdefault(origin, []).append(view)
    result = [
        OriginGroup(origin, sorted(items, key=lambda v: -(v.evidence.score or 0)))
        for origin, items in groups.items()
    ]
    result.sort(
        key=lambda g: (min(STANCE_ORDER.get(i.evidence.stance, 3) for i in g.items), g.origin)
    )
    return result


@dataclass(frozen=True)
class Move:
    """A status the person could set from the claim's current one."""

    status: str
    allowed: bool
    needs: str


def moves(flow: Workflow, current: str, role: str) -> list[Move]:
    """The workflow's manual moves from current, and whether this role may make each."""
    found = []
    for target in flow.transitions.get(current, ()):
        try:
            flow.check_role(role, target)
            allowed = True
        except RoleError:
            allowed = False
        found.append(Move(target, allowed, flow.role_for(target)))
    return found
