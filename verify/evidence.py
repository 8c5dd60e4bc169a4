"""The evidence a claim's candidate passages give, decided without a database: plain values
in, evidence drafts out. `check` reads the candidates from the index, calls `assess`, and
writes what it returns.

Per source, the best passage wins: a contradiction over support over a mention, then the
higher similarity. A fuzzy score alone is never evidence (`matching.overlap` guards it), and a
source that discusses the claim's subject as a whole, though no sentence restates it, mentions
it. The claim's own articles, fetched as sources, never count.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process

from verify import matching, stance
from verify.matching import Candidate
from verify.models import Stance
from verify.quantities import Quantity

RANK = {Stance.contradicts: 3, Stance.supports: 2, Stance.mentions: 1}


@dataclass(frozen=True)
class ClaimView:
    """What assessing needs to know about a claim."""

    id: int
    text: str
    figures: tuple[Quantity, ...]
    own_urls: frozenset[str] = frozenset()  # URLs of the articles it was extracted from


@dataclass(frozen=True)
class SourceView:
    """What assessing needs to know about a fetched page."""

    id: int
    url: str
    final_url: str | None = None

    @property
    def link(self) -> str:
        return self.final_url or self.url


@dataclass(frozen=True)
class Settings:
    """The workflow's matching settings."""

    scorer: str
    min_score: float
    tolerance: float


@dataclass(frozen=True)
class Draft:
    """An automatic evidence row to write: one per claim and source."""

    source_id: int
    url: str
    passage: str
    start: int
    end: int
    score: float
    stance: str
    comparison: str | None
    note: str
    confidence: float | None = None


def assess(
    claim: ClaimView,
    candidates: Sequence[Candidate],
    sources: Mapping[int, SourceView],
    *,
    weight: Callable[[str], float],
    settings: Settings,
) -> list[Draft]:
    """The best evidence each candidate source gives the claim, in source order."""
    usable = [
        c for c in candidates if c.source_id in sources and not _own(claim, sources[c.source_id])
    ]
    if not usable:
        return []
    norm = matching.normalise(claim.text)
    words = matching.content_words(norm)
    scores = process.cpdist(
        [norm] * len(usable), [c.norm for c in usable],
        scorer=matching.SCORERS[settings.scorer], processor=None,
    ).tolist()  # fmt: skip
    best: dict[int, tuple[stance.Stance, Candidate, float]] = {}
    seen: dict[int, tuple[set[str], Candidate, float]] = {}
    for candidate, raw in zip(usable, scores, strict=True):
        score = round(float(raw), 2)
        passage_words = matching.content_words(candidate.norm)
        held = seen.setdefault(candidate.source_id, (set(), candidate, score))
        held[0].update(passage_words)
        share = matching.overlap(words, passage_words, weight)
        if score < settings.min_score or share < matching.MIN_SHARE:
            continue
        judged = stance.judge(
            claim.text, claim.figures, candidate.text, score=score, share=round(share, 3),
            min_score=settings.min_score, tolerance=settings.tolerance,
        )  # fmt: skip
        if judged.label == "unrelated":
            continue
        kept = best.get(candidate.source_id)
        if kept is None or (RANK[Stance(judged.label)], score) > (
            RANK[Stance(kept[0].label)],
            kept[2],
        ):
            best[candidate.source_id] = (judged, candidate, score)
    drafts = [
        _draft(sources[sid], candidate, score, judged)
        for sid, (judged, candidate, score) in best.items()
    ]
    for sid, (found_words, candidate, score) in seen.items():
        if sid in best:
            continue
        share = matching.overlap(words, found_words, weight)
        if share >= matching.RELATED_SHARE:
            note = (
                f"discusses its subject ({share:.0%} of its rarer words); no sentence restates it"
            )
            drafts.append(
                _draft(sources[sid], candidate, score, stance.Stance(Stance.mentions, note))
            )
    return sorted(drafts, key=lambda d: d.source_id)


def _own(claim: ClaimView, source: SourceView) -> bool:
    return source.url in claim.own_urls or (source.final_url or "") in claim.own_urls


def _draft(source: SourceView, candidate: Candidate, score: float, judged: stance.Stance) -> Draft:
    return Draft(
        source_id=source.id, url=source.link, passage=candidate.text, start=candidate.start,
        end=candidate.end, score=score, stance=judged.label, comparison=judged.comparison,
        note=judged.explanation,
    )  # fmt: skip
