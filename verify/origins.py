"""Where evidence comes from: URL checks, origins (one per outlet) and the facts rules read.
Pure functions over plain values."""

import functools
import hashlib
import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import numpy as np

from verify.errors import InputError
from verify.models import Method, Stance
from verify.workflow import Facts

if TYPE_CHECKING:
    import tldextract

SHINGLE = 5  # words per shingle when comparing texts for syndication
SAME_TEXT = 0.5  # Jaccard of shingles at which two texts are copies of one story


@dataclass(frozen=True)
class EvidenceFact:
    """The parts of an Evidence row the facts are computed from."""

    url: str
    stance: str
    method: str
    score: float | None = None
    origin: str | None = None  # origin group, when known; else the registrable domain
    confidence: float | None = None  # the stance's, for evidence found by `check`


def check_url(url: str) -> str:
    """The URL stripped of blanks if it is an absolute http(s) URL with no control characters;
    else InputError."""
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
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in url):
        # escape sequences and bidi overrides would reach terminals and reports as they are
        raise InputError(
            f"refusing URL {url!r} (it holds control characters); percent-encode them or "
            "copy the address again"
        )
    return url


@functools.cache
def _extractor() -> "tldextract.TLDExtract":
    import tldextract  # 200 ms with requests: only when a domain is read

    # The bundled suffix list only: the default instance downloads it on first use, with no
    # timeout (it hung for more than 25 s here).
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(host: str) -> str:
    """The domain an outlet registered: news.bbc.co.uk → bbc.co.uk. Hosts under unknown
    suffixes keep their last two labels; IP addresses stay whole."""
    host = host.lower().rstrip(".").strip("[]")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    found = _extractor()(host).top_domain_under_public_suffix
    return found or ".".join(host.split(".")[-2:])


def origin_of(url: str) -> str:
    """The outlet a URL belongs to: its registrable domain."""
    return registrable_domain(urlsplit(url).hostname or "")


WORD_RE = re.compile(r"\w+")


@functools.lru_cache(maxsize=256)  # a long page's set is a few hundred kB
def shingles(text: str) -> frozenset[int]:
    """Hashed 5-word shingles of a text, for spotting copies of one story. Kept for the texts
    seen last: an ingest compares each new article with every candidate copy, and hashing the
    same texts again was a third of its time."""
    words = WORD_RE.findall(text.lower())
    grams = [" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))]
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes  # looked up once: a hash per word
    return frozenset([from_bytes(blake2b(g.encode(), digest_size=8).digest()) for g in grams])


PERMUTATIONS, BAND_ROWS = 60, 3  # 20 bands: a copy at Jaccard 0.5 shares one with p ≈ 0.93,
BANDS = PERMUTATIONS // BAND_ROWS  # at 0.7 with p > 0.999; unrelated news (≈ 0.01) ≈ 0.0001
_PRIME = np.uint64((1 << 61) - 1)
_RANDOM = np.random.default_rng(20261129)  # fixed: stored bands must stay comparable
_A = _RANDOM.integers(1, int(_PRIME), PERMUTATIONS, dtype=np.uint64)
_B = _RANDOM.integers(0, int(_PRIME), PERMUTATIONS, dtype=np.uint64)


def copy_bands(text: str) -> list[int]:
    """Locality-sensitive bands of the text's MinHash signature (as datasketch computes it,
    with products wrapping at 64 bits): two texts that share a band are candidate copies of
    one story, to be confirmed with `same_story`. Empty for texts under one shingle."""
    grams = shingles(text) if len(text.split()) >= SHINGLE else frozenset()
    if not grams:
        return []
    values = np.fromiter((g & 0xFFFFFFFF for g in grams), dtype=np.uint64, count=len(grams))
    signature = ((values[:, None] * _A + _B) % _PRIME).min(axis=0)
    return [
        int.from_bytes(hashlib.blake2b(band.tobytes(), digest_size=8).digest(), signed=True)
        for band in signature.reshape(BANDS, BAND_ROWS)
    ]


def same_story(a: str, b: str) -> bool:
    """True when two texts are copies of one story (Jaccard of their shingles ≥ SAME_TEXT)."""
    first, second = shingles(a), shingles(b)
    shared = len(first & second)
    union = len(first) + len(second) - shared
    return bool(union) and shared / union >= SAME_TEXT


def only_suggested(method: str, confidence: float | None, confirm: float) -> bool:
    """Evidence `check` found with a stance less sure than the workflow's `confirm`: shown as
    suggested, not counted by the rules until a person attaches it."""
    return method != Method.article and confidence is not None and confidence < confirm


def facts_for(
    evidence: Iterable[EvidenceFact], *, own_origins: Iterable[str] = (), confirm: float = 0.0
) -> Facts:
    """Count origins per stance; the origins of the claim's own articles never count, and
    neither does evidence whose stance is less sure than `confirm` (it is only suggested)."""
    excluded = set(own_origins)
    by_stance: dict[str, set[str]] = {stance: set() for stance in Stance}
    count = manual = 0
    best = 0.0
    for item in evidence:
        if item.method == Method.article:
            continue  # the claim's own article disputing it: shown, never a source
        if only_suggested(item.method, item.confidence, confirm):
            continue  # a person confirms it by attaching it
        count += 1
        manual += item.method == "manual"
        best = max(best, item.score or 0.0)
        origin = item.origin or origin_of(item.url)
        if origin not in excluded and item.stance in by_stance:
            by_stance[item.stance].add(origin)
    return Facts(
        supporting_origins=len(by_stance[Stance.supports]),
        contradicting_origins=len(by_stance[Stance.contradicts]),
        mentioning_origins=len(by_stance[Stance.mentions]),
        evidence_count=count,
        manual_evidence_count=manual,
        best_score=best,
    )
