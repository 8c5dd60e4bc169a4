"""Read published fact-checks: schema.org ClaimReview as JSON-LD (an object, a list, an @graph,
or embedded in HTML pages), Google Fact Check Tools `claims:search` JSON, and CSV/TSV with a
column mapping. Ratings are normalised across publishers' wording. Pure: text in, records out;
every malformed record becomes a Problem naming the file and record, and the rest still import.
"""

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

# Publishers' wording → a verdict (workflow.VERDICTS); [factchecks.wording] adds to it.
WORDING = {
    "false": "false", "pants on fire": "false", "pants on fire!": "false", "faux": "false",
    "falso": "false", "falsch": "false", "incorrect": "false", "wrong": "false", "fake": "false",
    "fabricated": "false", "not true": "false", "four pinocchios": "false", "hoax": "false",
    "scam": "false", "mostly false": "mostly_false", "largely false": "mostly_false",
    "three pinocchios": "mostly_false", "plutôt faux": "mostly_false", "half true": "mixed",
    "half-true": "mixed", "mixture": "mixed", "mixed": "mixed", "partly true": "mixed",
    "partly false": "mixed", "partially true": "mixed", "partially false": "mixed",
    "two pinocchios": "mixed", "misleading": "misleading", "missing context": "misleading",
    "out of context": "misleading", "lacks context": "misleading", "exaggerated": "misleading",
    "distorted": "misleading", "mostly true": "mostly_true", "largely true": "mostly_true",
    "mostly accurate": "mostly_true", "one pinocchio": "mostly_true", "true": "true",
    "correct": "true", "accurate": "true", "vrai": "true", "verdadero": "true",
    "geppetto checkmark": "true", "unproven": "unproven", "unverified": "unproven",
    "unsupported": "unproven", "no evidence": "unproven", "unsubstantiated": "unproven",
    "research in progress": "unproven", "satire": "satire", "labeled satire": "satire",
}  # fmt: skip
CSV_FIELDS = ("text", "rating", "url", "publisher", "date", "claimant", "language")
SCRIPT_RE = re.compile(
    r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Record:
    """One fact-check as read, before storing."""

    claim_reviewed: str
    review_url: str
    rating_text: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    publisher: str | None = None
    publisher_site: str | None = None
    claimant: str | None = None
    claim_date: datetime | None = None
    review_date: datetime | None = None
    language: str | None = None


@dataclass(frozen=True)
class Problem:
    """A record that could not be read, and why."""

    source: str
    record: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}: record {self.record}: {self.message}"


class _Bad(ValueError):
    pass


def normalise_verdict(
    rating_text: str | None,
    value: float | None = None,
    best: float | None = None,
    worst: float | None = None,
    *,
    wording: Mapping[str, str] | None = None,
) -> str | None:
    """The verdict behind a publisher's rating: its words first, else its place on the scale."""
    table = {**WORDING, **{k.lower(): v for k, v in (wording or {}).items()}}
    if rating_text:
        key = re.sub(r"\s+", " ", rating_text.strip().lower()).strip(" .!")
        if key in table:
            return table[key]
    if value is not None and best is not None and worst is not None and best != worst:
        share = (value - worst) / (best - worst)
        for limit, verdict in ((0.2, "false"), (0.4, "mostly_false"), (0.6, "mixed"),
                               (0.8, "mostly_true")):  # fmt: skip
            if share <= limit:
                return verdict
        return "true"
    return None


def _date(value: Any) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return next((n for n in (_name(v) for v in value) if n), None)
    if isinstance(value, dict):
        return _name(value.get("name"))
    return None


def _is_review(node: Any) -> bool:
    kind = node.get("@type") if isinstance(node, dict) else None
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.split("/")[-1] == "ClaimReview" for k in kinds)


def _reviews(node: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview object inside a JSON-LD document (lists, @graph, nested objects)."""
    if isinstance(node, list):
        for item in node:
            yield from _reviews(item)
    elif isinstance(node, dict):
        if _is_review(node):
            yield node
            return
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _reviews(value)


def _rating(review: dict[str, Any]) -> dict[str, Any]:
    rating = review.get("reviewRating")
    if isinstance(rating, list):  # several ratings: the first that says something
        said = [r for r in rating if isinstance(r, dict)]
        rating = next(
            (r for r in said if r.get("alternateName") or r.get("ratingValue") is not None), None
        )
    return rating if isinstance(rating, dict) else {}


def from_review(review: dict[str, Any]) -> Record:
    """One ClaimReview object → Record; _Bad when a required field is missing."""
    claim = review.get("claimReviewed")
    url = review.get("url")
    if not isinstance(claim, str) or not claim.strip():
        raise _Bad("no claimReviewed")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise _Bad("no http(s) url")
    rating = _rating(review)
    item = review.get("itemReviewed") if isinstance(review.get("itemReviewed"), dict) else {}
    author = review.get("author")
    site = author.get("url") if isinstance(author, dict) else None
    return Record(
        claim_reviewed=" ".join(claim.split()),
        review_url=url.strip(),
        rating_text=_name(rating.get("alternateName")) or _name(rating.get("name")),
        rating_value=_number(rating.get("ratingValue")),
        best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")),
        publisher=_name(author),
        publisher_site=site if isinstance(site, str) else None,
        claimant=_name(item.get("author")) if isinstance(item, dict) else None,
        claim_date=_date(item.get("datePublished")) if isinstance(item, dict) else None,
        review_date=_date(review.get("datePublished")),
        language=_name(review.get("inLanguage")),
    )


def _collect(nodes: list[Any], source: str, first: int = 1) -> tuple[list[Record], list[Problem]]:
    records, problems = [], []
    for number, node in enumerate(nodes, start=first):
        try:
            records.append(from_review(node))
        except _Bad as exc:
            problems.append(Problem(source, number, str(exc)))
    return records, problems


def from_jsonld(data: Any, source: str) -> tuple[list[Record], list[Problem]]:
    """ClaimReview objects anywhere in a JSON-LD document."""
    return _collect(list(_reviews(data)), source)


def from_google(data: dict[str, Any], source: str) -> tuple[list[Record], list[Problem]]:
    """The JSON of Google Fact Check Tools `claims:search`: claims, each with claimReview."""
    records, problems = [], []
    number = 0
    for claim in data.get("claims") or []:
        for review in (claim.get("claimReview") or []) if isinstance(claim, dict) else [None]:
            number += 1
            try:
                if not isinstance(review, dict):
                    raise _Bad("not an object")
                records.append(_google_review(claim, review))
            except _Bad as exc:
                problems.append(Problem(source, number, str(exc)))
    return records, problems


def _google_review(claim: dict[str, Any], review: dict[str, Any]) -> Record:
    text, url = claim.get("text"), review.get("url")
    if not isinstance(text, str) or not text.strip():
        raise _Bad("no claim text")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise _Bad("no http(s) url")
    publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
    return Record(
        claim_reviewed=" ".join(text.split()),
        review_url=url,
        rating_text=_name(review.get("textualRating")),
        publisher=_name(publisher.get("name")) if publisher else None,
        publisher_site=_name(publisher.get("site")) if publisher else None,
        claimant=_name(claim.get("claimant")),
        claim_date=_date(claim.get("claimDate")),
        review_date=_date(review.get("reviewDate")),
        language=_name(review.get("languageCode")),
    )


def from_html(text: str, source: str) -> tuple[list[Record], list[Problem]]:
    """ClaimReview in a page's <script type="application/ld+json"> blocks."""
    records, problems = [], []
    for block, raw in enumerate(SCRIPT_RE.findall(text), start=1):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(source, block, f"JSON-LD block {block} is not valid JSON: {exc}")
            )
            continue
        found, bad = from_jsonld(data, f"{source} (block {block})")
        records += found
        problems += bad
    return records, problems


def from_csv(
    text: str, source: str, columns: Mapping[str, str]
) -> tuple[list[Record], list[Problem]]:
    """CSV or TSV (sniffed); `columns` maps text/rating/url/... to the file's header names."""
    dialect = (
        "excel-tab"
        if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",")
        else "excel"
    )
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = reader.fieldnames or []
    wanted = {field: columns.get(field, field) for field in CSV_FIELDS}
    for field in ("text", "url"):
        if wanted[field] not in header:
            return [], [Problem(source, 0, f"no column {wanted[field]!r} for {field} (columns: "
                                f"{', '.join(header)}); pass --{field}-col")]  # fmt: skip
    records, problems = [], []
    for number, row in enumerate(reader, start=1):

        def cell(field: str, row: dict[str, Any] = row) -> str | None:
            value = row.get(wanted[field])
            return value.strip() if isinstance(value, str) and value.strip() else None

        text_, url = cell("text"), cell("url")
        if not text_ or not url or not url.startswith(("http://", "https://")):
            problems.append(Problem(source, number, "needs claim text and an http(s) url"))
            continue
        records.append(Record(
            claim_reviewed=" ".join(text_.split()), review_url=url, rating_text=cell("rating"),
            publisher=cell("publisher"), claimant=cell("claimant"), review_date=_date(cell("date")),
            language=cell("language"),
        ))  # fmt: skip
    return records, problems


def parse(
    raw: bytes, source: str, columns: Mapping[str, str] | None = None
) -> tuple[list[Record], list[Problem]]:
    """Detect the format of a file and read its fact-checks."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(source, 0, "not UTF-8 text")]
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return [], [Problem(source, 0, f"not valid JSON: {exc}")]
        if isinstance(data, dict) and isinstance(data.get("claims"), list):
            return from_google(data, source)
        return from_jsonld(data, source)
    if stripped.startswith("<"):
        return from_html(text, source)
    return from_csv(text, source, columns or {})
