"""Generated news-like pages and claims for the benchmarks, stored through the library path
`verify fetch` uses (source rows, archived bodies, passages + full-text index, origin groups,
due claims) — never straight into tables that would skip the index.

The text is made up but shaped like news where it matters for an index: a Zipf-distributed
vocabulary (a few words in most passages, most words in few), function words, named places and
people, figures with units, reported speech, 15–30 words a sentence, 25 sentences a page, and
some stories syndicated on several outlets.
"""

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, insert

from verify import fetch, origins, passages, sources
from verify.models import Claim, Source
from verify.pipeline import fetching

FUNCTION = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "it",
    "has",
    "have",
    "had",
    "be",
    "been",
    "were",
    "are",
    "said",
    "says",
    "will",
    "would",
    "could",
    "after",
    "before",
    "over",
    "about",
    "into",
    "than",
    "more",
    "also",
    "its",
    "their",
    "his",
    "her",
    "they",
    "he",
    "she",
    "we",
    "not",
    "but",
    "this",
    "which",
    "who",
    "when",
    "while",
    "during",
    "against",
    "under",
    "between",
]
VERBS = ("said", "told reporters", "announced", "confirmed", "estimated", "reported", "warned")
UNITS = ("troops", "people", "cars", "homes", "dollars", "tonnes", "flights", "jobs", "votes")
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "te",
    "vo",
    "su",
    "ne",
    "pi",
    "da",
    "ko",
    "re",
    "sa",
    "tu",
    "ba",
    "ge",
    "hi",
    "jo",
    "lu",
    "ma",
    "no",
    "ri",
    "si",
    "ta",
    "ve",
    "wa",
    "zo",
]


class Words:
    """A vocabulary with Zipf frequencies (exponent ~1, as in English text)."""

    def __init__(self, rng: random.Random, size: int = 60_000) -> None:
        seen: set[str] = set()
        while len(seen) < size:
            seen.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
        self.words = sorted(seen)
        rng.shuffle(self.words)
        self.weights = [1 / (rank + 1) ** 1.05 for rank in range(size)]
        self.cumulative = list(_accumulate(self.weights))
        self.rng = rng

    def some(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def name(self) -> str:
        return " ".join(w.title() for w in self.some(2))


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


def sentence(words: Words) -> str:
    rng = words.rng
    body = []
    for _ in range(rng.randint(12, 26)):
        body.append(rng.choice(FUNCTION) if rng.random() < 0.42 else words.some(1)[0])
    if rng.random() < 0.35:
        body.insert(rng.randrange(len(body)), f"{rng.randint(2, 900) * 10:,} {rng.choice(UNITS)}")
    text = " ".join(body)
    if rng.random() < 0.4:
        text = f"{words.name()} {rng.choice(VERBS)} {text}"
    return text[0].upper() + text[1:] + "."


def page(words: Words, sentences: int = 25) -> tuple[str, str]:
    """(title, text) of one page."""
    paragraphs = [" ".join(sentence(words) for _ in range(3)) for _ in range(sentences // 3)]
    return words.name() + " " + " ".join(words.some(4)), "\n\n".join(paragraphs)


def store_pages(
    engine: Engine, n: int, folder: Path, *, seed: int = 7, outlets: int = 400
) -> list[str]:
    """n generated pages fetched and indexed as `verify fetch` stores them (HTTP and HTML
    extraction aside); returns one sentence of every 50th page, for making claims."""
    rng = random.Random(seed)
    words = Words(rng)
    settings = fetch.FetchSettings()
    summary = fetching.Summary()
    picked: list[str] = []
    batch: list[fetching.Result] = []
    story = ""
    for i in range(n):
        syndicated = i % 40 == 1 and story  # some stories run on several outlets
        title, text = ("Wire story", story) if syndicated else page(words)
        if i % 40 == 0:
            story = text
        url = f"http://outlet{rng.randrange(outlets)}.test/news/{i}"
        if i % 50 == 0:
            picked.append(rng.choice([s.text for s in passages.split(text)]))
        batch.append((url, title, text))  # type: ignore[arg-type]
        if len(batch) == fetching.WRITE_EVERY or i == n - 1:
            _write(engine, batch, folder, summary, settings)  # type: ignore[arg-type]
            batch = []
    return picked


def _write(
    engine: Engine,
    pages: list[tuple[str, str, str]],
    folder: Path,
    summary: fetching.Summary,
    settings: fetch.FetchSettings,
) -> None:
    from verify import database, warc

    with database.session_on(engine) as session:
        added = sources.add(session, [u for u, _, _ in pages], by="bench")
        jobs = [(a.source.id or 0, a.source.url) for a in added]
    results = []
    with warc.Writer(folder) as writer:
        for (source_id, url), (_, title, text) in zip(jobs, pages, strict=True):
            body = f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>"
            job = fetching.Job(source_id, url, "page", None, None)
            page_ = fetch.Page(url, url, 200, "text/html; charset=utf-8", body.encode())
            extracted = fetching.Extracted(
                title, text, None, None, tuple(passages.split(text)),
                tuple(origins.copy_bands(text)),
            )  # fmt: skip
            results.append(fetching._kept(writer, folder, (job, page_, extracted, None)))
    fetching._write(engine, results, summary, "bench", settings)


def store_claims(engine: Engine, texts: list[str]) -> list[int]:
    """Claims as ingest queues them (status unverified, never checked)."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        rows = [
            {"text": t, "quote": t, "quantities": [], "checkworthiness": 0.5, "priority": 0.5,
             "status": "unverified", "pinned": False, "version": 1, "checks": 0,
             "created_at": now, "updated_at": now}
            for t in texts
        ]  # fmt: skip
        result = conn.execute(insert(Claim).returning(Claim.__table__.c.id), rows)  # type: ignore[attr-defined]
        return [int(i) for i in result.scalars()]


def paraphrase(text: str, rng: random.Random) -> str:
    """A claim in other words: the sentence with a word dropped and two swapped."""
    tokens = text.rstrip(".").split()
    if len(tokens) > 8:
        tokens.pop(rng.randrange(1, len(tokens)))
        i, j = rng.sample(range(1, len(tokens)), 2)
        tokens[i], tokens[j] = tokens[j], tokens[i]
    return " ".join(tokens) + "."


def count_sources(engine: Engine) -> int:
    from sqlmodel import Session, func, select

    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(Source)).one())
