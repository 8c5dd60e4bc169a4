"""Article text → sentences → candidate claims with attribution, figures and check-worthiness.

Pure: strings in, frozen values out. Offsets always index into the text given.
"""

import re
from dataclasses import dataclass, field, replace
from typing import Any

from verify import attribution, checkworthiness, languages, nested, notclaims, quantities
from verify.sentences import Sentence, sentences
from verify.speakers import Attribution, attribute

# Re-exported: callers read sentences and attributions through extract.
__all__ = [
    "Attribution", "Candidate", "Extraction", "Sentence", "Skipped", "attribute", "sentences",
]  # fmt: skip

MIN_CHECKWORTHINESS = 0.28  # keeps 95 % of ClaimBuster's check-worthy sentences
# Outside English the mood rules (verify/notclaims.py) read little beyond first-person words, so
# opinion and sermon reach the score, whose floor is then the main filter. Chosen by leaving one
# gold document out at a time (eval/floor_cv.py): held out, checkable recall 0.856 and non-claims
# kept 0.166, against 0.878 and 0.213 with the English floor everywhere.
MIN_CHECKWORTHINESS_OTHER_LANGUAGES = 0.42
# News sites file columns, editorials and op-eds under a section of their own.
OPINION_SECTION_RE = re.compile(
    r"(?i)/(?:opinions?|commentary|commentisfree|editorials?|columns?|columnists?|op-?eds?)/"
)


@dataclass(frozen=True)
class Candidate:
    """A checkable claim found in an article. `disputed_by` and `dispute` keep who in the
    article disputes it and how ("the mayor", "called it 'nonsense'")."""

    text: str
    quote: str
    start: int
    end: int
    attributed_to: str | None
    quantities: tuple[quantities.Quantity, ...]
    checkworthiness: float
    features: dict[str, float] = field(default_factory=dict, compare=False)
    disputed_by: str | None = None
    dispute: str | None = None

    def quantity_dicts(self) -> list[dict[str, Any]]:
        """Figures in their stored form."""
        return [q.as_dict() for q in self.quantities]


@dataclass(frozen=True)
class Skipped:
    """A sentence left out of the queue, and why ("question", "heading", "prediction" …)."""

    text: str
    start: int
    end: int
    reason: str
    attributed_to: str | None = None


@dataclass(frozen=True)
class Extraction:
    """What an article yields: claims to queue, and the sentences left out with the reason."""

    candidates: list[Candidate]
    skipped: list[Skipped]
    lang: str = "en"


def read(text: str, *, min_score: float | None = None, url: str | None = None) -> Extraction:
    """Every sentence of an article, as a claim or as skipped with its reason. `min_score` is the
    check-worthiness floor; by default it depends on the article's language. An article whose
    address files it under opinion ("/opinion/", "/commentary/") speaks in its writer's voice:
    there only sentences that name a source are claims."""
    lang = languages.guess(text)
    column = bool(url and OPINION_SECTION_RE.search(url))
    if min_score is None:
        min_score = MIN_CHECKWORTHINESS if lang == "en" else MIN_CHECKWORTHINESS_OTHER_LANGUAGES
    spans = sentences(text)
    found = attribution.attribute_all([s.text for s in spans])
    candidates: list[Candidate] = []
    skipped: list[Skipped] = []
    named: list[str] = []
    for sentence, said in zip(spans, found, strict=True):
        result = _judge(sentence, said, lang, min_score)
        if column and isinstance(result, Candidate) and not said.who and not result.disputed_by:
            result = Skipped(sentence.text, sentence.start, sentence.end, "opinion")
        if isinstance(result, Candidate) and result.disputed_by and result.attributed_to:
            claimant = attribution.named_earlier(result.attributed_to, named)
            result = replace(result, attributed_to=claimant)  # "Hunter's claim": Rep. Hunter
        named.extend(who for who in (said.who,) if who)
        (candidates if isinstance(result, Candidate) else skipped).append(result)  # type: ignore[arg-type]
    return Extraction(candidates, skipped, lang)


def claims(text: str, *, min_score: float | None = None, url: str | None = None) -> list[Candidate]:
    """Checkable claims in an article, in reading order; pronoun speakers resolved from context."""
    return read(text, min_score=min_score, url=url).candidates


def _judge(
    sentence: Sentence, said: Attribution, lang: str, min_score: float
) -> Candidate | Skipped:
    inner = nested.find(sentence.text)
    assertion = inner.claim if inner else said.assertion
    why = notclaims.reason(sentence.text, assertion, attributed=said.who is not None, lang=lang)
    if why is not None:  # figures and scores are only worth reading for a claim
        return Skipped(sentence.text, sentence.start, sentence.end, why, said.who)
    figures = tuple(_shift(q, sentence.start) for q in quantities.find(sentence.text, lang))
    features = checkworthiness.score(
        sentence.text, attributed=said.who is not None, n_quantities=len(figures)
    )
    if why is None and features["score"] < min_score and not inner:
        why = "not check-worthy"
    if why is None and len(assertion.split()) < 3:
        why = "fragment"
    if why is not None:
        return Skipped(sentence.text, sentence.start, sentence.end, why, said.who)
    who, disputed_by = said.who, None
    if inner:
        who = inner.claimant
        disputed_by = (
            said.who if said.who and inner.disputed_by.lower() in _PRONOUNS else inner.disputed_by
        )
    return Candidate(
        text=assertion,
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        attributed_to=who,
        quantities=figures,
        checkworthiness=features["score"],
        features=features,
        disputed_by=disputed_by,
        dispute=inner.how if inner else None,
    )


_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def _shift(q: quantities.Quantity, offset: int) -> quantities.Quantity:
    """The same figure with offsets into the whole article instead of the sentence."""
    return replace(q, start=q.start + offset, end=q.end + offset)
