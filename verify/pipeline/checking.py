"""Check claims against fetched sources: match passages, judge each one's stance, group sources
into independent origins, and let the workflow's rules move each claim. Every rule-made change
is a StatusChange by "rules" with the facts that fired it; pinned claims keep their status."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from verify import claims, extract, factchecks, matching, origins, sources, stance
from verify.models import Article, Claim, Evidence, Mention, Source, StatusChange, utcnow
from verify.pipeline import decisions
from verify.workflow import Decision, Workflow

RULES = decisions.RULES_ACTOR
MIN_PASSAGE_WORDS = 5
RANK = {"contradicts": 3, "supports": 2, "mentions": 1}


@dataclass(frozen=True)
class Passage:
    """A sentence of a fetched source."""

    source: Source
    text: str
    start: int
    end: int


@dataclass
class Summary:
    """What a check did."""

    claims: int = 0
    sources: int = 0
    passages: int = 0
    evidence_new: int = 0
    evidence_updated: int = 0
    changes: list[StatusChange] = field(default_factory=list)
    held: list[tuple[int, str, str]] = field(default_factory=list)  # pinned: id, status, rules say


def check(session: Session, flow: Workflow, *, claim_ids: Sequence[int] = ()) -> Summary:
    """Match the claims (default: all pending) against every fetched source and re-decide them."""
    batch = (
        claims.get_claims(session, claim_ids)
        if claim_ids
        else claims.list_claims(session, statuses=flow.pending)
    )
    pages = sources.with_text(session)
    summary = Summary(claims=len(batch), sources=len(pages))
    if not batch:
        return summary
    _group_origins(session, pages, batch)
    passages = [
        Passage(page, s.text, s.start, s.end)
        for page in pages
        for s in extract.sentences(page.text or "")
        if len(s.text.split()) >= MIN_PASSAGE_WORDS
    ]
    summary.passages = len(passages)
    normed_claims = [matching.normalise(c.text) for c in batch]
    normed = [matching.normalise(p.text) for p in passages]
    index = matching.BlockingIndex(normed) if normed else None
    found = matching.find(
        normed_claims, normed, scorer=flow.scorer, min_score=flow.min_score, index=index
    )
    best: dict[tuple[int, int], tuple[stance.Stance, matching.Match]] = {}
    for m in found:
        claim, passage = batch[m.claim], passages[m.passage]
        judged = stance.judge(
            claim.text, stance.quantities_of(claim.quantities), passage.text,
            score=m.score, share=m.overlap, min_score=flow.min_score,
            tolerance=flow.quantity_tolerance,
        )  # fmt: skip
        key = (m.claim, passage.source.id or 0)
        held = best.get(key)
        if judged.label != "unrelated" and (
            held is None or (RANK[judged.label], m.score) > (RANK[held[0].label], held[1].score)
        ):
            best[key] = (judged, m)
    own = claims.article_urls(session, [c.id or 0 for c in batch])
    for (i, _), (judged, m) in sorted(best.items(), key=lambda kv: kv[0]):
        _record(session, batch[i], passages[m.passage], judged, m.score, own, summary)
    if index is not None:
        corpus = (normed_claims, normed, index)
        _record_discussed(session, flow, batch, passages, corpus, set(best), own, summary)
    confirmed = _match_factchecks(session, flow, batch, summary)
    session.flush()
    decided = decisions.rule_decisions(session, flow, batch)
    for claim in batch:
        verdict = confirmed.get(claim.id or 0)
        _decide(session, flow, claim, verdict or decided[claim.id or 0], summary)
    return summary


FACTCHECK_STANCE = {
    "false": "contradicts", "mostly_false": "contradicts", "misleading": "contradicts",
    "true": "supports", "mostly_true": "supports",
}  # fmt: skip


def _match_factchecks(
    session: Session, flow: Workflow, batch: list[Claim], summary: Summary
) -> dict[int, tuple[Decision, dict[str, float]]]:
    """Attach published fact-checks that match each claim; return the verdicts that are close
    enough (the workflow's `confirm`) to set a status by the workflow's verdict map."""
    policy = flow.factchecks
    index = factchecks.Index(session)
    if not index.rows:
        return {}
    confirmed: dict[int, tuple[Decision, dict[str, float]]] = {}
    hits = index.search([c.text for c in batch], scorer=flow.scorer, limit=3)
    for claim, claim_hits in zip(batch, hits, strict=True):
        words = matching.content_words(matching.normalise(claim.text))
        for hit in claim_hits:
            fc = hit.factcheck
            reviewed = matching.content_words(matching.normalise(fc.claim_reviewed))
            share = matching.overlap(words, reviewed, index.blocking.weight)
            if hit.score < policy.suggest or share < matching.MIN_SHARE:
                continue
            rating = fc.rating_text or fc.verdict or "unrated"
            note = f"fact-check by {fc.publisher or 'unknown publisher'}: rated {rating!r}"
            values = {
                "passage": fc.claim_reviewed, "score": hit.score, "note": note,
                "stance": FACTCHECK_STANCE.get(fc.verdict or "", "mentions"),
                "quantity_comparison": None,
            }  # fmt: skip
            _upsert(session, claim, fc.review_url, "factcheck", summary, values)
            status = policy.verdicts.get(fc.verdict or "")
            if status and hit.score >= policy.confirm and claim.id not in confirmed:
                reason = f"matches a {note} (similarity {hit.score:.0f})"
                decision = Decision(status, reason, None)
                confirmed[claim.id or 0] = (decision, {"factcheck_score": hit.score})
    return confirmed


def _record_discussed(
    session: Session,
    flow: Workflow,
    batch: list[Claim],
    passages: list[Passage],
    corpus: tuple[list[str], list[str], matching.BlockingIndex],
    matched: set[tuple[int, int]],
    own: dict[int, set[str]],
    summary: Summary,
) -> None:
    """Sources that discuss a claim as a whole, though no sentence restates it: "mentions"."""
    normed_claims, normed, index = corpus
    documents = [p.source.id or 0 for p in passages]
    for i, j, share in matching.discussed(
        normed_claims, normed, documents, index=index, matched=matched
    ):
        score = matching.SCORERS[flow.scorer](normed_claims[i], normed[j], processor=None)
        explanation = (
            f"discusses its subject ({share:.0%} of its rarer words); no sentence restates it"
        )
        judged = stance.Stance("mentions", explanation)
        _record(session, batch[i], passages[j], judged, round(float(score), 2), own, summary)


def _group_origins(session: Session, pages: list[Source], batch: list[Claim]) -> None:
    """Store each source's and article's origin group: one outlet, or one syndicated story."""
    ids = [c.id for c in batch]
    articles = session.exec(
        select(Article).where(
            col(Article.id).in_(select(Mention.article_id).where(col(Mention.claim_id).in_(ids)))
        )
    ).all()
    docs = [(f"s{p.id}", p.final_url or p.url, p.text or "") for p in pages]
    docs += [(f"a{a.id}", a.url or f"article://{a.id}", a.text) for a in articles]
    groups = origins.group_origins(docs)
    for page in pages:
        page.origin_group = groups[f"s{page.id}"]
        session.add(page)
    for article in articles:
        article.origin_group = groups[f"a{article.id}"]
        session.add(article)


def _record(
    session: Session,
    claim: Claim,
    passage: Passage,
    judged: stance.Stance,
    score: float,
    own: dict[int, set[str]],
    summary: Summary,
) -> None:
    """Add or refresh the automatic evidence row for one claim and one source."""
    source = passage.source
    own_urls = own.get(claim.id or 0, set())
    if source.url in own_urls or source.final_url in own_urls:
        return  # the claim's own article, fetched as a source
    values = {
        "passage": passage.text, "char_start": passage.start, "char_end": passage.end,
        "score": score, "stance": judged.label, "quantity_comparison": judged.comparison,
        "note": judged.explanation,
    }  # fmt: skip
    _upsert(session, claim, source.final_url or source.url, "auto", summary, values, source)


def _upsert(
    session: Session,
    claim: Claim,
    url: str,
    method: str,
    summary: Summary,
    values: dict[str, object],
    source: Source | None = None,
) -> None:
    """Add or refresh the rules' evidence row for one claim and one source or fact-check."""
    query = select(Evidence).where(Evidence.claim_id == claim.id, Evidence.method == method)
    if source is not None:
        query = query.where(Evidence.source_id == source.id)
    else:
        query = query.where(Evidence.url == url)
    row = session.exec(query).first()
    values = {**values, "url": url}
    if row is None:
        row = Evidence(
            claim_id=claim.id or 0,
            source_id=source.id if source is not None else None,
            url=url,
            method=method,
            added_by=RULES,
        )
        summary.evidence_new += 1
    elif any(getattr(row, k) != v for k, v in values.items()):
        summary.evidence_updated += 1
        row.added_at = utcnow()
    else:
        return
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)


def _decide(
    session: Session,
    flow: Workflow,
    claim: Claim,
    decided: tuple[Decision, dict[str, float]],
    summary: Summary,
) -> None:
    if claim.pinned:
        if decided[0].status != claim.status:
            summary.held.append((claim.id or 0, claim.status, decided[0].status))
        return
    change = decisions.apply_rules(session, flow, claim, decided)
    if change is not None:
        summary.changes.append(change)
