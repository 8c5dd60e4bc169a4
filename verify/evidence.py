"""The evidence a claim's candidate passages give, decided without a database: plain values
in, evidence drafts out. `check` reads the candidates from the index, calls `assess`, and
writes what it returns.

A fuzzy score alone is never evidence: it only picks which passages the stance judge reads
(`stance.judge_many`: rules where they are right, the trained model for the rest), and each
judgement carries a calibrated confidence. The claim's own articles, fetched as sources, never
count.
"""

import itertools
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
    speaker: str | None = None  # who asserts it


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
    min_score: float  # fuzzy score from which a candidate passage is judged at all
    tolerance: float
    suggest: float = 0.0  # confidence from which a judgement is kept as evidence
    per_source: int = 4  # a page's candidate passages judged, best first
    judge_top: int = 0  # best-ranked pages judged whatever their fuzzy score (the model decides)


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


Judge = Callable[[Sequence[stance.Pair]], list[stance.Judgement]]


@dataclass(frozen=True)
class Pick:
    """A candidate passage worth judging, with its fuzzy score."""

    source_id: int
    candidate: Candidate
    score: float


def shortlist(
    claim: ClaimView,
    candidates: Sequence[Candidate],
    sources: Mapping[int, SourceView],
    *,
    weight: Callable[[str], float],
    settings: Settings,
) -> list[Pick]:
    """The candidates worth judging: a page's passages alike enough to the claim (fuzzy score,
    shared rarer words), best first, or — for a page none of whose passages is, but which
    discusses the claim's subject as a whole (most of its rarer words), or which is among the
    index's `judge_top` best-ranked pages — its best-ranked one, to be judged with the page
    around it: a paraphrase in other words scores low on every fuzzy measure ("400 men cut
    their testicles off …" against "400 men were castrated on the orders of …"), and the
    stance model, not the floor, tells whether it speaks to the claim. The claim's own
    articles are left out."""
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
    chosen: dict[int, list[Pick]] = {}
    found: dict[int, tuple[set[str], Pick]] = {}
    for candidate, raw in zip(usable, scores, strict=True):
        pick = Pick(candidate.source_id, candidate, round(float(raw), 2))
        passage_words = matching.content_words(candidate.norm)
        found.setdefault(pick.source_id, (set(), pick))[0].update(passage_words)
        share = matching.overlap(words, passage_words, weight)
        if pick.score >= settings.min_score and share >= matching.JUDGE_SHARE:
            chosen.setdefault(pick.source_id, []).append(pick)
    top = set(itertools.islice(found, settings.judge_top))  # pages by their best passage
    for sid, (page_words, first) in found.items():
        if sid not in chosen and (
            sid in top or matching.overlap(words, page_words, weight) >= matching.RELATED_SHARE
        ):
            chosen[sid] = [first]
    return [
        pick
        for sid in sorted(chosen)
        for pick in sorted(chosen[sid], key=lambda p: -p.score)[: settings.per_source]
    ]


def decide(
    claim: ClaimView,
    picks: Sequence[Pick],
    sources: Mapping[int, SourceView],
    *,
    settings: Settings,
    pages: Mapping[int, str] | None = None,
    judge: Judge = stance.judge_many,
) -> list[Draft]:
    """Judge the picks (rules first, then the trained model, each with its page) and keep
    each source's best judgement: contradicts over supports over mentions, then the more
    confident; judgements below `suggest` confidence are dropped."""
    said = claim.text if not claim.speaker else f"{claim.speaker} said {claim.text}"
    pairs = [
        stance.Pair(said, claim.figures, p.candidate.text, (pages or {}).get(p.source_id),
                    settings.tolerance)
        for p in picks
    ]  # fmt: skip
    best: dict[int, tuple[stance.Judgement, Pick]] = {}
    for pick, verdict in zip(picks, judge(pairs) if pairs else [], strict=True):
        if verdict.label == "unrelated" or verdict.confidence < settings.suggest:
            continue
        kept = best.get(pick.source_id)
        rank = (RANK[Stance(verdict.label)], verdict.confidence)
        if kept is None or rank > (RANK[Stance(kept[0].label)], kept[0].confidence):
            best[pick.source_id] = (verdict, pick)
    return [_draft(sources[sid], pick, verdict) for sid, (verdict, pick) in sorted(best.items())]


def assess(
    claim: ClaimView,
    candidates: Sequence[Candidate],
    sources: Mapping[int, SourceView],
    *,
    weight: Callable[[str], float],
    settings: Settings,
    pages: Mapping[int, str] | None = None,
    judge: Judge = stance.judge_many,
) -> list[Draft]:
    """shortlist, then decide: the best evidence each candidate source gives the claim."""
    picks = shortlist(claim, candidates, sources, weight=weight, settings=settings)
    return decide(claim, picks, sources, settings=settings, pages=pages, judge=judge)


def _own(claim: ClaimView, source: SourceView) -> bool:
    return source.url in claim.own_urls or (source.final_url or "") in claim.own_urls


def _draft(source: SourceView, pick: Pick, verdict: stance.Judgement) -> Draft:
    return Draft(
        source_id=source.id, url=source.link, passage=pick.candidate.text,
        start=pick.candidate.start, end=pick.candidate.end, score=pick.score,
        stance=verdict.label, comparison=verdict.comparison, note=verdict.explanation,
        confidence=verdict.confidence,
    )  # fmt: skip
