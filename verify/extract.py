"""Article text → sentences → candidate claims with attribution, figures and check-worthiness.

Pure: strings in, frozen values out. Offsets always index into the text given.
"""

import re
from dataclasses import dataclass, field, replace
from typing import Any

from verify import attribution, checkable, checkworthiness, languages, nested, notclaims, quantities
from verify.sentences import Sentence, sentences
from verify.speakers import Attribution, attribute

# Re-exported: callers read sentences and attributions through extract.
__all__ = [
    "Attribution", "Candidate", "Extraction", "Reading", "Sentence", "Skipped", "attribute",
    "readings", "sentences",
]  # fmt: skip

# Outside English the checkable model has too few sentences to learn from (its words are
# English words), so there the check-worthiness score keeps a floor. On the 8 non-English pages
# of the three gold sets it keeps 0.645 of checkable sentences and 0.146 of non-claims;
# eval/floor_cv.py, leaving one page out, would pick 0.38–0.40 (held out: 0.724 and 0.253).
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
    # The index (in the same extraction) of the claim this one disputes when it only points
    # back to it ("The Kremlin has dismissed the reports."): a mention and a dispute of that
    # claim, not a claim of its own.
    refers_to: int | None = None

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


@dataclass(frozen=True)
class Reading:
    """One sentence as the extractor reads it before deciding: who says it, the claim inside a
    dispute, the rules' verdict (`notclaims.reason`), its figures, the check-worthiness
    features (`worth`) and the signals the checkable model reads. Training reads the same."""

    sentence: Sentence
    said: Attribution
    inner: nested.Nested | None
    assertion: str
    rule: str | None
    figures: tuple[quantities.Quantity, ...]
    worth: dict[str, float]
    signals: dict[str, float]


def readings(text: str) -> tuple[str, list[Reading]]:
    """The article's language and each of its sentences as read, in order."""
    lang = languages.guess(text)
    spans = sentences(text)
    opens = frozenset(
        k for k, s in enumerate(spans) if not k or "\n" in text[spans[k - 1].end : s.start]
    )
    found = attribution.attribute_all([s.text for s in spans], opens)
    return lang, [
        _reading(s, said, lang, lead=k < LEAD_SENTENCES)
        for k, (s, said) in enumerate(zip(spans, found, strict=True))
    ]


LEAD_SENTENCES = 3  # a page's opening lines: its title and summary
LEAD_IN_END_RE = re.compile(r"(?:[:…]|\.\.\.|\bthe following\.?)\s*$", re.IGNORECASE)


def _reading(sentence: Sentence, said: Attribution, lang: str, *, lead: bool = False) -> Reading:
    inner = nested.find(sentence.text)
    assertion = inner.claim if inner else said.assertion
    lead_in = LEAD_IN_END_RE.search(sentence.text)  # "…, notes:", "told TMZ ...", "the following."
    quoted = sentence.text.lstrip()[:1] in "\"“‘'"  # '"No comment," a spokesman told Reuters.'
    if (
        said.who
        and not inner
        and languages.word_count(assertion) < 3
        and not lead_in
        and not quoted
    ):
        # "witnesses say that Brown fled.", "That's according to a new survey from Piper
        # Jaffray.": too little is left without the source; the sentence is the claim
        assertion = sentence.text.strip()
    attributed = said.who is not None
    rule = notclaims.reason(sentence.text, assertion, attributed=attributed, lang=lang, lead=lead)
    if rule is not None and (rule not in checkable.SOFT_RULES or lang != "en"):
        return Reading(sentence, said, inner, assertion, rule, (), {}, {})  # not worth reading
    figures = tuple(_shift(q, sentence.start) for q in quantities.find(sentence.text, lang))
    worth = checkworthiness.score(sentence.text, attributed=attributed, n_quantities=len(figures))
    signals = checkable.signals(
        sentence.text, attributed=attributed, n_quantities=len(figures), worth=worth, rule=rule
    )
    return Reading(sentence, said, inner, assertion, rule, figures, worth, signals)


def read(text: str, *, url: str | None = None, model: checkable.Model | None = None) -> Extraction:
    """Every sentence of an article, as a claim or as skipped with its reason. After the rules,
    `model` judges what is checkable (default: the shipped one). An article whose address files
    it under opinion ("/opinion/", "/commentary/") speaks in its writer's voice: there only
    sentences that name a source are claims."""
    model = model or checkable.shipped()
    column = bool(url and OPINION_SECTION_RE.search(url))
    lang, found = readings(text)
    candidates: list[Candidate] = []
    skipped: list[Skipped] = []
    named: list[str] = []
    for k, reading in enumerate(found):
        result = _judge(reading, model, lang)
        said = reading.said
        if column and isinstance(result, Candidate) and not said.who and not result.disputed_by:
            result = Skipped(result.quote, result.start, result.end, "opinion")
        if isinstance(result, Candidate) and result.disputed_by and result.attributed_to:
            claimant = attribution.named_earlier(result.attributed_to, named)
            result = replace(result, attributed_to=claimant)  # "Hunter's claim": Rep. Hunter
        elif isinstance(result, Candidate) and result.disputed_by:
            # "Big Machine have twice denied doing anything wrong": the claim denied is most
            # likely the one queued last, by someone other than the one denying it (not a
            # sentence left out: "A NATO official said … could not yet confirm"), unless a
            # sentence of the page, before or after, says it in the same words
            queued = [c.attributed_to for c in candidates if c.attributed_to]
            others = [w for w in queued if w not in (result.disputed_by, said.who)]
            told = _claimant_by_words(found, k, result.text, (result.disputed_by, said.who))
            result = replace(result, attributed_to=told or (others[-1] if others else None))
        if isinstance(result, Candidate) and reading.inner and reading.inner.refers_back:
            earlier = [
                i for i, c in enumerate(candidates)
                if c.attributed_to == result.attributed_to and c.refers_to is None
            ]  # fmt: skip
            result = replace(result, refers_to=earlier[-1] if earlier else None)
        named.extend(who for who in (said.who,) if who)
        (candidates if isinstance(result, Candidate) else skipped).append(result)  # type: ignore[arg-type]
    return Extraction(candidates, skipped, lang)


WORD_RE = re.compile(r"[^\W\d_]{4,}")
# Words too common in reports of a dispute to tell one claim from another.
DISPUTE_TALK = frozenset(
    re.findall(
        r"\w+",
        "that this with have been were said says told reported report reports claim claims "
        "denied denies deny false true they their there would could about after from which "
        "also what when where into than them will",
    )
)


def _claimant_by_words(
    found: list[Reading], k: int, claim: str, not_them: tuple[str | None, ...]
) -> str | None:
    """Who else on the page says what sentence k disputes: the speaker of the sentence sharing
    most of its words (three at least), the nearest on a tie ("An Iraqi official denied that a
    woman detained in Lebanon is a wife of al-Baghdadi." … "Lebanese authorities said they
    are holding a woman believed to be Mr. al-Baghdadi's wife.")."""
    wanted = {w.lower() for w in WORD_RE.findall(claim)} - DISPUTE_TALK
    best: tuple[int, int, str] | None = None
    for j, other in enumerate(found):
        who = other.said.who
        if j == k or not who or who in not_them or other.inner:
            continue
        shared = len(wanted & {w.lower() for w in WORD_RE.findall(other.sentence.text)})
        rank = (shared, -abs(j - k), who)
        if shared >= 3 and (best is None or rank[:2] > best[:2]):
            best = rank
    return best[2] if best else None


def claims(
    text: str, *, url: str | None = None, model: checkable.Model | None = None
) -> list[Candidate]:
    """Checkable claims in an article, in reading order; pronoun speakers resolved from context."""
    return read(text, url=url, model=model).candidates


def _judge(r: Reading, model: checkable.Model, lang: str) -> Candidate | Skipped:
    sentence, said, inner = r.sentence, r.said, r.inner
    why = r.rule
    english = lang == "en"
    # A forecast, comment or imperative ("will be able to go 300 miles") is the model's call: it
    # reads the rule's verdict beside the rest (signals exist only then).
    soft = why in checkable.SOFT_RULES and bool(r.signals)
    p = model.probability(r.signals) if (why is None or soft) and english else 0.0
    if soft and english and p >= model.threshold:
        why = None
    # A source named with a reporting verb ("The Mirror is reporting that …", "according to
    # …") makes a report of the sentence, whatever the model reads in its words.
    reported = english and said.verb in SOURCE_VERBS and languages.word_count(r.assertion) >= 5
    # A dispute the rules found always queues the claim disputed: a desk must see it.
    if why is None and not inner and english and p < model.threshold and not reported:
        why = "not checkable"
    elif why is None and not inner and not english:
        why = "not check-worthy" if r.worth["score"] < MIN_CHECKWORTHINESS_OTHER_LANGUAGES else None
    if why is None and languages.word_count(r.assertion) < 3:
        why = "fragment"
    if why is not None:
        return Skipped(sentence.text, sentence.start, sentence.end, why, said.who)
    who, disputed_by = said.who, None
    if inner:
        who = inner.claimant
        # "he", "the company": the one named before, as the sentence's speaker was resolved
        described = inner.disputed_by.lower() in _PRONOUNS or inner.disputed_by.startswith("the ")
        disputed_by = said.who if said.who and described else inner.disputed_by
    return Candidate(
        text=r.assertion,
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        attributed_to=who,
        quantities=r.figures,
        checkworthiness=r.worth["score"],
        features={**r.worth, **({"checkable": round(p, 4)} if english else {})},
        disputed_by=disputed_by,
        dispute=inner.how if inner else None,
    )


_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# the verbs of that rule (speakers.REPORTING_VERBS are journalism's, a narrower list)
SOURCE_VERBS = frozenset(
    {"reported", "reports", "report", "is reporting", "are reporting", "was reporting",
     "according", "confirmed", "confirms", "announced", "announces", "revealed", "reveals",
     "named", "identified"}
)  # fmt: skip


def _shift(q: quantities.Quantity, offset: int) -> quantities.Quantity:
    """The same figure with offsets into the whole article instead of the sentence."""
    return replace(q, start=q.start + offset, end=q.end + offset)
