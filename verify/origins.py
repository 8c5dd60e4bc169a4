"""Where evidence comes from: URL checks, origins (one per outlet) and the facts rules read.
Pure functions over plain values."""

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from verify.errors import InputError
from verify.workflow import Facts

STANCES = ("supports", "contradicts", "mentions")


@dataclass(frozen=True)
class EvidenceFact:
    """The parts of an Evidence row the facts are computed from."""

    url: str
    stance: str
    method: str
    score: float | None = None


def check_url(url: str) -> str:
    """The URL stripped of blanks if it is an absolute http(s) URL; else InputError."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError as exc:
        raise InputError(f"invalid URL {url!r} ({exc}); give a full http(s):// address") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(
            f"refusing URL {url!r} (only http and https links can be evidence); "
            "give a full http(s):// address"
        )
    if not parts.hostname or not port_ok or any(c.isspace() for c in url):
        raise InputError(f"invalid URL {url!r} (no valid host); give a full http(s):// address")
    return url


def origin_of(url: str) -> str:
    """The outlet a URL belongs to: its host without a leading www."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def facts_for(evidence: Iterable[EvidenceFact], *, own_origins: Iterable[str] = ()) -> Facts:
    """Count origins per stance; the articles' own outlets never count as independent."""
    excluded = set(own_origins)
    by_stance: dict[str, set[str]] = {stance: set() for stance in STANCES}
    count = manual = 0
    best = 0.0
    for item in evidence:
        count += 1
        manual += item.method == "manual"
        best = max(best, item.score or 0.0)
        origin = origin_of(item.url)
        if origin not in excluded and item.stance in by_stance:
            by_stance[item.stance].add(origin)
    return Facts(
        supporting_origins=len(by_stance["supports"]),
        contradicting_origins=len(by_stance["contradicts"]),
        mentioning_origins=len(by_stance["mentions"]),
        evidence_count=count,
        manual_evidence_count=manual,
        best_score=best,
    )
