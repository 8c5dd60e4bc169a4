"""schema.org ClaimReview in and out. In: JSON-LD (an object, a list, an @graph, or embedded in
HTML pages), Google Fact Check Tools JSON (a `claims:search` answer or one claim object), and
CSV/TSV with a column mapping. Out: the pieces the ClaimReview report needs (typed speakers,
web addresses, JSON safe inside a page).

Pure, and never raises on what a file holds: a record that lacks a claim or a review address is
skipped with a Problem naming the file and record; an optional value that cannot be used (a
rating of NaN, a date in year 10000, a 5,000-character publisher name) is left out with a note,
and the record still imports. Every step takes time linear in its input.
"""

import csv
import functools
import html
import io
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

from lxml import etree

CSV_FIELDS = ("text", "rating", "url", "publisher", "date", "claimant", "language")
MAX_JSON_DEPTH = 100  # nesting levels; real ClaimReview needs fewer than ten
MAX_CLAIM_CHARS = 5_000  # a claim is a sentence or two, never a whole article
MAX_URL_CHARS = 2_048
MAX_NAME_CHARS = 1_000  # publisher, claimant, rating words, language
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # incl. lone surrogates: unstorable
_HTTP = ("http", "https")
_TOO_DEEP = f"nested more than {MAX_JSON_DEPTH} levels deep"


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
    """A record that could not be read (skipped), or a value of one that was left out."""

    source: str
    record: int  # 0: the file as a whole
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.source}: record {self.record}: {self.message}"


@dataclass(frozen=True)
class Page:
    """What an HTML page says about itself: its address (for relative URLs) and language."""

    url: str | None = None
    language: str | None = None


class _Bad(ValueError):
    """This record (or file) cannot be read."""


def parse(
    raw: bytes, source: str, columns: Mapping[str, str] | None = None
) -> tuple[list[Record], list[Problem]]:
    """Detect the format of a file and read its fact-checks."""
    first = raw.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if first == b"<":
        return from_html(raw, source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(source, 0, "not UTF-8 text; save it as UTF-8")]
    if first in (b"{", b"["):
        return from_json(text, source)
    return from_csv(text, source, columns or {})


def from_json(text: str, source: str) -> tuple[list[Record], list[Problem]]:
    """ClaimReview objects and Fact Check Tools claims anywhere in a JSON document."""
    try:
        data, ids = _load_json(text)
    except _Bad as exc:
        return [], [Problem(source, 0, str(exc))]
    reader = _Reader(source, ids=ids)
    reader.read(data)
    if not reader.records and not reader.problems:
        reader.problems.append(Problem(source, 0, "no ClaimReview or Fact Check Tools claim in it"))
    return reader.records, reader.problems


def from_html(raw: bytes | str, source: str) -> tuple[list[Record], list[Problem]]:
    """ClaimReview in a page's <script type="application/ld+json"> blocks, read with an HTML
    parser (lxml): quoted or not, any case, in linear time; relative review URLs resolve
    against the page's own address (<base>, <link rel=canonical> or og:url)."""
    try:
        found = _scan_html(raw)
    except (etree.LxmlError, ValueError) as exc:
        return [], [Problem(source, 0, f"not readable HTML ({exc})")]
    records: list[Record] = []
    problems: list[Problem] = []
    for number, block in enumerate(found.blocks, start=1):
        named = f"{source} (block {number})"
        try:
            data, ids = _load_json(_unwrap(block))
        except _Bad as exc:
            problems.append(Problem(source, number, f"JSON-LD block {number} is {exc}"))
            continue
        reader = _Reader(named, found.page, ids)
        reader.read(data)
        records += reader.records
        problems += reader.problems
    if not found.blocks:
        problems.append(Problem(source, 0, 'no <script type="application/ld+json"> in the page'))
    elif not records and not problems:
        problems.append(Problem(source, 0, f"no ClaimReview in its {len(found.blocks)} JSON-LD "
                                           "block(s)"))  # fmt: skip
    return records, problems


def from_csv(
    text: str, source: str, columns: Mapping[str, str]
) -> tuple[list[Record], list[Problem]]:
    """CSV or TSV (sniffed); `columns` maps text/rating/url/... to the file's header names."""
    first_line = text[: text.find("\n")] if "\n" in text else text
    dialect = "excel-tab" if first_line.count("\t") > first_line.count(",") else "excel"
    rows = csv.reader(io.StringIO(text), dialect=dialect)
    try:
        header = next(rows, [])
    except csv.Error as exc:
        return [], [Problem(source, 0, f"unreadable header ({_csv_error(exc)})")]
    wanted = {name: columns.get(name, name) for name in CSV_FIELDS}
    for name in ("text", "url"):
        if wanted[name] not in header:
            shown = ", ".join(h[:40] for h in header[:20]) or "none"
            return [], [Problem(source, 0, f"no column {wanted[name]!r} for {name} (columns: "
                                           f"{shown}); pass --{name}-col")]  # fmt: skip
    position = {name: header.index(wanted[name]) for name in CSV_FIELDS if wanted[name] in header}
    reader = _Reader(source)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            reader.skip(_csv_error(exc))
            continue
        if any(cell.strip() for cell in row):
            cells = {name: row[i] if i < len(row) else None for name, i in position.items()}
            reader.add(functools.partial(_csv_record, cells))
    return reader.records, reader.problems


def http_url(value: Any) -> str | None:
    """value when it is an absolute http(s) URL with a host and no blanks, else None."""
    if not isinstance(value, str) or len(value) > MAX_URL_CHARS or _CONTROL.search(value):
        return None
    if any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[::1" and friends
        return None
    return value if parts.scheme.lower() in _HTTP and parts.hostname else None


# Writing: the pieces of a ClaimReview export ---------------------------------------------------

# A speaker is a person when a role word names them ("a NATO spokesperson", "President Yoon Suk
# Yeol"), an organisation when an institution word does ("South Korea's spy agency"); a bare name
# of two to five capitalised words is a person ("Dmitry Peskov"); anything else an organisation.
PERSON_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
    "minister", "president", "secretary", "leader", "chief", "director", "envoy", "ambassador",
    "adviser", "advisor", "commander", "general", "senator", "governor", "mayor", "chancellor",
    "premier", "king", "queen", "pope", "analyst", "analysts", "expert", "experts", "lawmaker",
    "lawmakers", "mr", "mrs", "ms", "dr", "professor", "researcher", "researchers", "witness",
    "witnesses", "resident", "residents", "user", "users"
})  # fmt: skip
ORG_WORDS = frozenset({
    "agency", "service", "ministry", "government", "kremlin", "office", "council", "committee",
    "army", "military", "forces", "police", "department", "party", "parliament", "assembly",
    "congress", "senate", "court", "commission", "union", "bank", "company", "corporation", "inc",
    "ltd", "group", "institute", "university", "foundation", "association", "organisation",
    "organization", "news", "times", "post", "press", "media", "network", "bureau", "embassy",
    "administration", "authority", "authorities", "command", "navy", "cabinet", "intelligence",
    "house", "pentagon", "nations", "states", "republic", "kingdom", "federation", "alliance",
    "coalition", "fund", "society", "center", "centre", "watch"
})  # fmt: skip
ORG_ACRONYMS = frozenset({
    "NATO", "UN", "EU", "WHO", "IMF", "KCNA", "AFP", "AP", "BBC", "CNN", "NIS", "FBI", "CIA"
})  # fmt: skip
# A speaker that starts with one of these, or says one of the others, is a fragment of a
# sentence the extractor misread ("It said", "officials told reporters").
NOT_SPEAKERS = frozenset({
    "he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those", "there",
    "which", "who"
})  # fmt: skip
REPORTING = frozenset({
    "said", "says", "told", "tells", "according", "claimed", "claims", "stated", "reported"
})  # fmt: skip
_SPEAKER_CHARS = re.compile(r"^[\w .,'’&()-]+$")


def speaker(name: str | None) -> dict[str, str] | None:
    """schema.org author for who made a claim, as Person or Organization; None when the name is
    garbled (a pronoun, a sentence fragment, markup) and would mislead more than it tells."""
    text = " ".join((name or "").split())
    words = text.split()
    if not words or len(text) > 100 or len(words) > 10 or not _SPEAKER_CHARS.match(text):
        return None
    bare = [w.lower().strip(".,'’()").removesuffix("'s").removesuffix("’s") for w in words]
    acronym = len(words[0]) > 1 and words[0].isupper()  # "WHO", not "who"
    if bare[0] in NOT_SPEAKERS and not acronym or REPORTING & set(bare):
        return None
    if not any(c.isalpha() for c in text):
        return None
    titled = any(w in PERSON_WORDS for w in bare[:-1]) and words[-1][0].isupper()
    named = 2 <= len(words) <= 5 and all(w[0].isupper() for w in words)
    if bare[-1] in PERSON_WORDS or titled:
        kind = "Person"
    elif ORG_WORDS & set(bare) or ORG_ACRONYMS & {w.strip(".,()") for w in words} or not named:
        kind = "Organization"
    else:
        kind = "Person"
    return {"@type": kind, "name": text}


def page_safe_json(body: Any) -> str:
    """JSON that stays inert inside <script type="application/ld+json">: "<", ">" and "&"
    appear only inside strings, written as \\u escapes, so "</script>" can never end the block."""
    text = json.dumps(body, indent=2, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return text + "\n"


# Reading --------------------------------------------------------------------------------------


class _Values:
    """One record's optional values: what cannot be used is left out, with a note."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def text(self, value: Any, name: str, limit: int = MAX_NAME_CHARS) -> str | None:
        found = _name(value)
        if found is None:
            return None
        if len(found) > limit:
            self.notes.append(f"{name} is {len(found):,} characters (more than {limit:,}); "
                              "left out")  # fmt: skip
            return None
        return found

    def number(self, value: Any, name: str) -> float | None:
        if value is None or isinstance(value, bool) or value == "":
            return None
        try:
            number = float(value.strip() if isinstance(value, str) else value)
        except (TypeError, ValueError, OverflowError):
            number = math.nan
        if math.isfinite(number):
            return number
        self.notes.append(f"{name} {_shown(value)} is not a finite number; left out")
        return None

    def date(self, value: Any, name: str) -> datetime | None:
        if value is None or value == "":
            return None
        parsed = _date(value)
        if parsed is None:
            self.notes.append(f"{name} {_shown(value)} is not an ISO 8601 date in years "
                              "1–9999; left out")  # fmt: skip
        return parsed


class _Reader:
    """Collects records and problems from one document, numbering its records."""

    def __init__(
        self, source: str, page: Page | None = None, ids: Mapping[str, Any] | None = None
    ) -> None:
        self.source, self.page, self.ids = source, page or Page(), ids or {}
        self.records: list[Record] = []
        self.problems: list[Problem] = []
        self.count = 0

    def skip(self, message: str) -> None:
        self.count += 1
        self.problems.append(Problem(self.source, self.count, message))

    def add(self, build: Callable[[_Values], list[Record]]) -> None:
        """build(values) → records for the next record number; _Bad skips it."""
        self.count += 1
        values = _Values()
        try:
            self.records += build(values)
        except _Bad as exc:
            self.problems.append(Problem(self.source, self.count, str(exc)))
            return
        self.problems += [Problem(self.source, self.count, note, skipped=False)
                          for note in values.notes]  # fmt: skip

    def read(self, data: Any) -> None:
        """Every ClaimReview and Fact Check Tools claim, in document order (no recursion)."""
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict) and _is_review(node):
                self.add(functools.partial(self.review, node))
            elif isinstance(node, dict) and "claimReview" in node and "@type" not in node:
                self.google_claim(node)
            elif isinstance(node, dict):
                stack.extend(reversed([v for v in node.values() if isinstance(v, dict | list)]))

    def ref(self, value: Any) -> Any:
        """A node given by its @id alone, looked up in the document."""
        if isinstance(value, list):
            value = next((v for v in value if v), None)
        if isinstance(value, dict) and isinstance(value.get("@id"), str) and len(value) <= 2:
            return self.ids.get(value["@id"], value) if set(value) <= {"@id", "@type"} else value
        return value

    def review(self, review: dict[str, Any], values: _Values) -> list[Record]:
        """One ClaimReview object → one Record per claim it reviews."""
        claims = _claims(review.get("claimReviewed"))
        url = self.review_url(review.get("url"))
        rating = _rating(self.ref(review.get("reviewRating")))
        item = self.ref(review.get("itemReviewed"))
        item = item if isinstance(item, dict) else {}
        name, site = self.publisher(review)
        language = _language(review.get("inLanguage")) or self.page.language
        first = Record(
            claim_reviewed=claims[0],
            review_url=url,
            rating_text=values.text(rating.get("alternateName"), "alternateName")
            or values.text(rating.get("name"), "rating name"),
            rating_value=values.number(rating.get("ratingValue"), "ratingValue"),
            best_rating=values.number(rating.get("bestRating"), "bestRating"),
            worst_rating=values.number(rating.get("worstRating"), "worstRating"),
            publisher=values.text(name, "publisher"),
            publisher_site=values.text(site, "publisher url"),
            claimant=values.text(self.ref(item.get("author")), "claimant"),
            claim_date=values.date(item.get("datePublished"), "claim datePublished"),
            review_date=values.date(review.get("datePublished"), "datePublished"),
            language=values.text(language, "inLanguage", 100),
        )
        return [first] + [replace(first, claim_reviewed=claim) for claim in claims[1:]]

    def publisher(self, review: dict[str, Any]) -> tuple[Any, Any]:
        """The fact-checking organisation: `publisher`, else an `author` that is not a person
        (the article's writer is not the publisher), else the writer's organisation."""
        author = self.ref(review.get("author"))
        candidates = [self.ref(review.get("publisher"))]
        if _is_person(author):
            candidates += [self.ref(author.get("worksFor")), self.ref(author.get("affiliation"))]
        else:
            candidates.append(author)
        for org in candidates:
            if isinstance(org, dict) and not _is_person(org) and _name(org):
                return org, org.get("url")
            if isinstance(org, str) and org.strip():
                return org, None
        return None, None

    def review_url(self, value: Any) -> str:
        """The review's own http(s) address; relative ones resolve against the page."""
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if not isinstance(value, str) or not value.strip():
            raise _Bad("no http(s) url")
        url = value.strip()
        if len(url) > MAX_URL_CHARS:
            raise _Bad(f"url is longer than {MAX_URL_CHARS:,} characters")
        if _CONTROL.search(url) or any(c.isspace() for c in url):
            raise _Bad(f"url {_shown(url)} has blanks or control characters")
        try:
            relative = not urlsplit(url).scheme
        except ValueError:
            relative = False
        if relative:
            if not self.page.url:
                raise _Bad(f"url {_shown(url)} is relative and the file gives no page address "
                           "to resolve it against")  # fmt: skip
            url = urljoin(self.page.url, url)
        if http_url(url) is None:
            raise _Bad(f"url {_shown(url)} is not an http(s) URL")
        return url

    def google_claim(self, claim: dict[str, Any]) -> None:
        """A Fact Check Tools claim: its text, and one Record per review of it."""
        reviews = claim["claimReview"]
        reviews = [reviews] if isinstance(reviews, dict) else reviews
        if not isinstance(reviews, list) or not reviews:
            self.skip("claimReview is not a list of reviews")
            return
        for review in reviews:
            self.add(functools.partial(self.google_review, claim, review))

    def google_review(self, claim: dict[str, Any], review: Any, values: _Values) -> list[Record]:
        if not isinstance(review, dict):
            raise _Bad("review is not an object")
        text = _claims(claim.get("text"), missing="no claim text")[0]
        publisher = review.get("publisher")
        publisher = publisher if isinstance(publisher, dict) else {"name": publisher}
        return [Record(
            claim_reviewed=text,
            review_url=self.review_url(review.get("url")),
            rating_text=values.text(review.get("textualRating"), "textualRating"),
            publisher=values.text(publisher.get("name"), "publisher"),
            publisher_site=values.text(publisher.get("site"), "publisher site"),
            claimant=values.text(claim.get("claimant"), "claimant"),
            claim_date=values.date(claim.get("claimDate"), "claimDate"),
            review_date=values.date(review.get("reviewDate"), "reviewDate"),
            language=values.text(review.get("languageCode"), "languageCode", 100),
        )]  # fmt: skip


def _csv_record(cells: Mapping[str, str | None], values: _Values) -> list[Record]:
    needs = "needs claim text and an http(s) url"
    text = _claims(cells.get("text"), missing=needs)[0]
    url = (cells.get("url") or "").strip()
    if http_url(url) is None:
        raise _Bad(needs)
    return [Record(
        claim_reviewed=text,
        review_url=url,
        rating_text=values.text(cells.get("rating"), "rating"),
        publisher=values.text(cells.get("publisher"), "publisher"),
        claimant=values.text(cells.get("claimant"), "claimant"),
        review_date=values.date(cells.get("date"), "date"),
        language=values.text(cells.get("language"), "language", 100),
    )]  # fmt: skip


def _csv_error(exc: csv.Error) -> str:
    message = str(exc)
    if "field limit" in message:
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    return message


def _load_json(text: str) -> tuple[Any, dict[str, Any]]:
    """A JSON document and its nodes by @id. Raw control characters are allowed in strings
    (publishers' pages have them); nesting deeper than MAX_JSON_DEPTH is refused."""
    try:
        data = json.loads(text, strict=False)
    except RecursionError:
        raise _Bad(_TOO_DEEP) from None
    except ValueError as exc:  # JSONDecodeError, and integers of more than 4,300 digits
        raise _Bad(f"not valid JSON: {exc}") from None
    return data, _ids(data)


def _ids(data: Any) -> dict[str, Any]:
    """Nodes by @id, for references such as "author": {"@id": "#org"}; checks the depth."""
    ids: dict[str, Any] = {}
    stack = [(data, 1)] if isinstance(data, dict | list) else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise _Bad(_TOO_DEEP)
        children = node.values() if isinstance(node, dict) else node
        if isinstance(node, dict) and isinstance(node.get("@id"), str) and len(node) > 1:
            ids.setdefault(node["@id"], node)
        stack += [(child, depth + 1) for child in children if isinstance(child, dict | list)]
    return ids


def _is_review(node: dict[str, Any]) -> bool:
    return "ClaimReview" in _types(node)


def _is_person(node: Any) -> bool:
    return isinstance(node, dict) and "Person" in _types(node)


def _types(node: dict[str, Any]) -> set[str]:
    """Bare type names: "ClaimReview", "schema:ClaimReview", "https://schema.org/ClaimReview"."""
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {re.split(r"[/:#]", k)[-1] for k in kinds if isinstance(k, str)}


def _claims(value: Any, missing: str = "no claimReviewed") -> list[str]:
    """The claim texts reviewed (a string, or a list of them), cleaned, each once."""
    texts = value if isinstance(value, list) else [value]
    claims: list[str] = []
    for text in texts:
        cleaned = _clean(text) if isinstance(text, str) else ""
        if len(cleaned) > MAX_CLAIM_CHARS:
            raise _Bad(f"claim is {len(cleaned):,} characters (more than {MAX_CLAIM_CHARS:,}); "
                       "not one claim")  # fmt: skip
        if cleaned and cleaned not in claims:
            claims.append(cleaned)
    if not claims:
        raise _Bad(missing)
    return claims


def _rating(value: Any) -> dict[str, Any]:
    """The rating that says something: the first with words or a value."""
    ratings = [r for r in (value if isinstance(value, list) else [value]) if isinstance(r, dict)]
    said = (r for r in ratings if r.get("alternateName") or r.get("ratingValue") is not None)
    return next(said, ratings[0] if ratings else {})


def _language(value: Any) -> str | None:
    """inLanguage: a code, a name, or a Language object (its code preferred)."""
    if isinstance(value, dict):
        return _name(value.get("alternateName")) or _name(value.get("name"))
    return _name(value)


def _name(value: Any, depth: int = 0) -> str | None:
    """A clean name from a string, a list of them, or an object's `name` (a few levels)."""
    if isinstance(value, str):
        return _clean(value) or None
    if depth > 3:
        return None
    if isinstance(value, list):
        return next((n for n in (_name(v, depth + 1) for v in value[:20]) if n), None)
    if isinstance(value, dict):
        return _name(value.get("name"), depth + 1)
    return None


def _clean(text: str) -> str:
    """Entities decoded ("&#8217;" → "’"), control characters dropped, blanks collapsed."""
    return " ".join(_CONTROL.sub(" ", html.unescape(text)).split())


def _date(value: Any) -> datetime | None:
    """An ISO 8601 date or time as UTC, when it exists in years 1–9999 once in UTC."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
        return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError):  # "0001-01-01T00:00+05:00" is year 0 in UTC
        return None


def _shown(value: Any) -> str:
    """A value as it appears in a message: repr, at most 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


# HTML -----------------------------------------------------------------------------------------


@dataclass
class _Scan:
    """An lxml parser target: the JSON-LD blocks and what the page says about itself. Only
    events are handled, so no tree is built and nesting depth costs nothing."""

    blocks: list[str] = field(default_factory=list)
    lang: str | None = None
    base: str | None = None
    canonical: str | None = None
    _inside: list[str] | None = None

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        if tag == "script":
            kind = (attrib.get("type") or "").split(";")[0].strip().lower()
            self._inside = [] if kind == "application/ld+json" else None
        elif tag == "html" and self.lang is None:
            self.lang = attrib.get("lang") or attrib.get("xml:lang")
        elif tag == "base" and self.base is None:
            self.base = attrib.get("href")
        elif tag == "link" and "canonical" in (attrib.get("rel") or "").lower().split():
            self.canonical = self.canonical or attrib.get("href")
        elif tag == "meta" and (attrib.get("property") or "").lower() == "og:url":
            self.canonical = self.canonical or attrib.get("content")

    def end(self, tag: str) -> None:
        if tag == "script" and self._inside is not None:
            self.blocks.append("".join(self._inside))
            self._inside = None

    def data(self, data: str) -> None:
        if self._inside is not None:
            self._inside.append(data)

    def close(self) -> "_Scan":
        self.end("script")  # a block the page never closed
        return self

    @property
    def page(self) -> Page:
        own = http_url((self.canonical or "").strip())
        base = (self.base or "").strip()
        url = http_url(urljoin(own, base) if own and base else base) or own
        language = _clean(self.lang or "")[:100] or None
        return Page(url, language)


def _scan_html(raw: bytes | str) -> _Scan:
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    try:
        raw.decode("utf-8")
        encoding: str | None = "utf-8"
    except UnicodeDecodeError:
        encoding = None  # let the parser read the page's own <meta charset>
    target = _Scan()
    parser = etree.HTMLParser(  # the stubs' ParserTarget protocol wants every optional event
        target=cast(Any, target), encoding=encoding, huge_tree=True, no_network=True
    )
    parser.feed(raw)
    parser.close()
    return target


def _unwrap(block: str) -> str:
    """A block without the comment or CDATA wrapper some sites put around it."""
    text = block.strip()
    for opener in ("//<![CDATA[", "<![CDATA[", "<!--"):
        if text.startswith(opener):
            text = text[len(opener) :].strip()
            break
    for closer in ("//]]>", "]]>", "//-->", "-->"):
        if text.endswith(closer):
            text = text[: -len(closer)].strip()
            break
    return text
