"""Does a passage support a claim, contradict it, or only mention it? Pure.

`judge_many` is the judge. The trained model (`stance_model`) first says whether the passage
is about the claim at all; for the pairs it finds related, rules decide where they apply and
explain themselves (`rule`), and the model decides the rest; every judgement has a confidence.
- a passage sharing one word and a figure with the claim, about something else: unrelated;
- "12,000 troops" against "3,000 troops" contradicts however alike the sentences are, when the
  two figures count the same thing (not "28 girls went on the trip" against "7 girls fell
  pregnant");
- "the Kremlin called the footage fake" reports a denial: it mentions the claim, it is not the
  outlet denying it;
- a passage alone that is a question asserts nothing: it mentions the claim (with its page,
  the page is judged);
- a passage alone that says the claim's words with a negation the claim lacks contradicts it;
- nearly the claim's words, in the outlet's own voice or the claim's own speaker's: supports;
- the rest — paraphrases, hedged reports, denials in the outlet's own voice, whole pages — the
  model, whose reasons are put in the texts' own words (`stance_reasons`). What each part is
  worth on FNC-1 and Emergent: eval/README.md.

`judge` is the rules-only judge `verify check` used before the model; it stays until check
calls `judge_many`.
"""

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from verify import extract, figures, quantities, stance_features, stance_model, stance_reasons
from verify.matching import STOPWORDS
from verify.quantities import Quantity
from verify.stance_features import Pair
from verify.stance_model import StanceModel

__all__ = ["Judgement", "Pair", "Stance", "compare", "judge", "judge_many", "quantities_of"]

RELATED = 0.5  # p(related) from which a pair is judged at all
OFF_TOPIC = 0.25  # below this share of each other's rarer words, a passage is off topic
RESTATES = 0.9  # fuzzy token-set score (0–1) from which a passage restates the claim
NEGATED = 0.5  # share of the claim's rarer words (by stem) from which a negation negates it
CONTEXT = 3  # content words either side of a figure that say what it counts
CONTEXT_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
QUESTION_RE = re.compile(r"\?[\s\"'”’)\]]*$")
DENIAL_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|fake|false(?:ly)?|untrue|not true|no evidence|hoax|"
    r"fabricat\w+|baseless|groundless|unfounded|debunk\w*|dismiss\w*|refut\w+|rejects?|"
    r"rejected|never happened|misinformation|disinformation)\b",
    re.IGNORECASE,
)
# The outlet passes the claim on without vouching for it.
HEDGE_RE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|purportedly|supposedly|rumou?r(?:s|ed)?|unconfirmed|"
    r"unverified|is said to|are said to|claims? that|claimed that|may have|might have|"
    r"could have|appears? to|apparently)\b",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(r"\b(?:not|no|never|n't|neither|nor|without)\b", re.IGNORECASE)
# A negation that leaves both ways open ("Apple may or may not hold an event"): a hedge.
EITHER_WAY_RE = re.compile(r"\bor (?:(?:may|might|could|did|does|do|is|was) )?not\b", re.IGNORECASE)
# A speaker who denies: the subject of one of these verbs in its clause ("Obama administration
# DENIES congressman's claim that ...", "..., though an administration official denied it");
# not after a passive's auxiliary ("was denied"), and no past participle that headlines use
# as a passive ("claim ... dismissed as hoax").
DENIAL_VERB_RE = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"\b(?:den(?:ies|ied|y)|dismisses|rejects|refutes|debunks)\b",
    re.IGNORECASE,
)
MAX_SUBJECT_WORDS = 8
# Reporting verbs that name the claimant, not a denier ("US website claims street artist
# caught"): a denial elsewhere in the passage is the outlet's or someone unnamed.
CLAIM_VERBS = frozenset({"claim", "claims", "claimed"})


@dataclass(frozen=True)
class Stance:
    """A passage's stance towards a claim, with a one-line reason."""

    label: str  # supports | contradicts | mentions | unrelated
    explanation: str
    comparison: str | None = None


@dataclass(frozen=True)
class Judgement:
    """The stance of a passage (or page) towards a claim, how sure, and why."""

    label: str  # supports | contradicts | mentions | unrelated
    confidence: float  # calibrated probability that `label` is right, 0–1
    explanation: str  # one line: the rule that fired, or the model's top reasons
    comparison: str | None  # the figures compared, when they were
    by_rule: bool


def compare(
    claimed: Sequence[Quantity], found: Sequence[Quantity], tolerance: float
) -> Stance | None:
    """Figures of the same unit: all agreeing supports; any unit with no agreeing figure
    contradicts. None when the passage gives no figure the claim can be held against."""
    compared = figures.compare(claimed, found, tolerance)
    if compared is None:
        return None
    return Stance("supports" if compared.agrees else "contradicts", compared.text, compared.text)


def judge_many(pairs: Sequence[Pair], model: StanceModel | None = None) -> list[Judgement]:
    """Judge a batch of pairs (one feature pass, one matrix product): rules first, the model
    for the rest. `model` defaults to the one shipped in the package."""
    if not pairs:
        return []
    model = model or stance_model.shipped()
    vocabulary = model.indices if model.stance.bag is not None else None
    rows, bags = stance_features.features_and_bags(pairs, model.lexicon, vocabulary)
    extra = model.stance.bag_input(bags)
    related, stances = model.probabilities(rows, extra)
    return [
        _judge_one(pair, float(r), p, row, model, None if extra is None else extra[i])
        for i, (pair, r, p, row) in enumerate(zip(pairs, related, stances, rows, strict=True))
    ]


def rule(pair: Pair, row: np.ndarray) -> tuple[str, Judgement] | None:
    """The rule that decides a pair the model finds related, with its judgement (confidence
    1: `judge_many` sets it), or None when none applies. `row` is the pair's feature row.
    In order:
    - off topic: the passage gives one of the claim's figures (the same value of the same
      unit; a number in a name, "iPhone 6", is no figure) but shares one content word at most
      (by stem: "Watches" is "Watch"), little of the claim's rarer words or of its own, and
      the page no more ("60 cars burned" against "60 cars on show at the museum"): unrelated
      (without a shared figure the model decides: on the pairs of FNC-1 and Emergent it does,
      the rule was right 0.19 of the time there);
    - figures: a different figure for the same thing contradicts: the same unit, counting the
      same thing (`counting_alike`; on FNC-1 a figure of the same unit alone was right 3 times
      in 39: "28 girls went on the trip" against "7 girls fell pregnant"), stated, not asked
      ("What exec did I watch win $100k at blackjack?" asserts no figure);
    - denial: a denial reported in someone else's voice mentions the claim, with who (`denier`:
      a named speaker who denies, not the claimant nor a denial in the outlet's voice);
    - question: a passage alone that is a question asserts nothing; it mentions the claim (a
      page is judged as a whole: a question in a page that answers it is the page's stance,
      as the model reads it; the rule was right on 131 of 267 FNC-1 pages, 50 of 61 without);
    - negation: a passage alone that says the claim's words (half its rarer words or more)
      with a negation in the clause that holds them, which the claim lacks, contradicts it
      ("protesters did not set any cars alight"; not "..., but no one was hurt", nor "may or
      may not", which leaves both ways open);
    - restates: nearly the claim's words, in the outlet's own voice or its own speaker's, with
      no hedging, negation or denial either side lacks: supports (FNC-1 calls a report of
      what someone said "discuss", so the model alone leans "mentions" here)."""
    col = stance_features.NAMES.index
    found = stance_features.figures_in(pair.passage)
    compared = figures.compare(pair.figures, found, pair.tolerance)
    compared_text = compared.text if compared is not None else None
    if (
        compared is not None
        and compared.agrees
        and len(_stems(pair.claim) & _stems(pair.passage)) <= 1
        and row[col("stem_share_passage")] < OFF_TOPIC
        and row[col("passage_covered")] < OFF_TOPIC
        and row[col("rare_share_page")] < 2 * OFF_TOPIC
    ):
        text = "shares few of the claim's rarer words and says much the claim does not"
        return "off topic", Judgement("unrelated", 1.0, text, None, True)
    conflict = figures.compare(pair.figures, counting_alike(pair, found), pair.tolerance)
    asks = bool(QUESTION_RE.search(pair.passage)) and not QUESTION_RE.search(pair.claim)
    if conflict is not None and not conflict.agrees and not asks:
        return "figures", Judgement("contradicts", 1.0, conflict.text, conflict.text, True)
    if DENIAL_RE.search(pair.passage) and not DENIAL_RE.search(pair.claim):
        who = denier(pair.passage)
        if who:
            text = f"reports a denial by {who}, not the outlet's own finding"
            return "denial", Judgement("mentions", 1.0, text, None, True)
    if pair.page is None and asks:
        text = "asks whether it is so; a question asserts nothing"
        return "question", Judgement("mentions", 1.0, text, None, True)
    if (
        pair.page is None
        and row[col("passage_neg_main")]
        and not row[col("claim_neg")]
        and row[col("stem_share_passage")] >= NEGATED
        and not EITHER_WAY_RE.search(pair.passage)
    ):
        negation = stance_reasons.negation_words(pair.passage)
        text = f"says the claim's words with a negation ({negation})"
        return "negation", Judgement("contradicts", 1.0, text, compared_text, True)
    if (
        row[col("fuzzy_set")] >= RESTATES
        and row[col("cos_passage")] >= RESTATES - 0.1
        and not row[col("hedge_added")]
        and not row[col("neg_mismatch")]
        and not row[col("deny_mismatch")]
        and (not row[col("passage_attributed")] or row[col("same_speaker")])
    ):
        voice = "its own speaker's words" if row[col("same_speaker")] else "the outlet's own voice"
        text = f"restates it, in {voice}"
        if compared_text is not None:
            text = f"{text}; {compared_text}"
        return "restates", Judgement("supports", 1.0, text, compared_text, True)
    return None


def _stems(text: str) -> set[str]:
    """The stems of a text's content words."""
    words = stance_features.content_words(stance_features.tokens(text))
    return {stance_features.stem(w) for w in words}


def denier(passage: str) -> str | None:
    """Who a passage reports denying something, or None when the denial is not a named
    speaker's. The speaker `extract.attribute` finds is the denier unless the passage names
    them as the claimant ("Banksy arrest hoax: US website claims street artist caught": the
    hoax is the outlet's word; "Priest claim of seeing God ... dismissed as hoax": dismissed
    by no one named) or the denial word sits in the speaker's own span; then the denier is
    the subject of a denial verb in its clause, if one is named ("Obama administration DENIES
    congressman's claim" → "Obama administration"; "A congressman claimed ..., though an
    administration official denied it" → "an administration official")."""
    attribution = extract.attribute(passage)
    who = attribution.who
    if not who:
        return None
    if DENIAL_RE.search(who) or (attribution.verb or "").lower() in CLAIM_VERBS:
        return _denial_subject(passage)
    return who


def _denial_subject(passage: str) -> str | None:
    """The words before a denial verb in its clause, when they are a short subject."""
    for clause in stance_features.CLAUSE_RE.split(passage):
        verb = DENIAL_VERB_RE.search(clause)
        if verb is None:
            continue
        subject = clause[: verb.start()].strip(" \"'“”‘’-")
        if subject and len(subject.split()) <= MAX_SUBJECT_WORDS:
            return subject
    return None


def counting_alike(pair: Pair, found: Sequence[Quantity]) -> list[Quantity]:
    """The passage's figures that count the same thing as one of the claim's: the same unit,
    and a word in common among the CONTEXT content words either side of the two figures
    ("12,000 troops deployed to Russia" and "3,000 troops deployed"; not "28 girls went on
    the trip" and "7 girls fell pregnant")."""
    return [
        f for f in found
        if any(c.unit == f.unit and _context(pair.claim, c) & _context(pair.passage, f)
               for c in pair.figures)
    ]  # fmt: skip


def _context(text: str, q: Quantity) -> set[str]:
    """The stems of the content words just before and just after a figure, its unit aside.
    The figure is looked up by its words: a claim's stored offsets may be into another form
    of its text ("X said ..." in `evidence.decide`)."""
    unit = {*q.noun.lower().split(), q.unit.lower()}
    start = text.find(q.text)
    start, end = (q.start, q.end) if start < 0 else (start, start + len(q.text))

    def kept(part: str) -> list[str]:
        words = (w.lower() for w in CONTEXT_WORD_RE.findall(part))
        return [stance_features.stem(w) for w in words if w not in STOPWORDS and w not in unit]

    return {*kept(text[:start])[-CONTEXT:], *kept(text[end:])[:CONTEXT]}


def _judge_one(
    pair: Pair,
    related: float,
    stances: np.ndarray,
    row: np.ndarray,
    model: StanceModel,
    extra: np.ndarray | None,
) -> Judgement:
    if related < RELATED:
        reasons = stance_reasons.explain(
            pair, model.pushes(row, "unrelated", stances), model.lexicon
        )
        return Judgement("unrelated", round(1 - related, 4), f"model: {reasons}", None, False)
    fired = rule(pair, row)
    if fired is not None:
        name, by_rule = fired
        # A stance rule decides the stance by definition; how sure we are is how sure the
        # model is that the pair is about the same thing. Off topic overrules the model, so
        # its confidence is its own precision, measured on the training data.
        confidence = related
        if by_rule.label == "unrelated":
            confidence = float(model.meta.get("rules", {}).get(name, {}).get("precision", 0.5))
        return dataclasses.replace(by_rule, confidence=round(confidence, 4))
    best = int(np.argmax(stances))
    label = model.classes[best]
    found = stance_features.figures_in(pair.passage)
    compared = figures.compare(pair.figures, found, pair.tolerance)
    reasons = stance_reasons.explain(
        pair, model.pushes(row, label, stances, extra=extra), model.lexicon
    )
    return Judgement(
        label,
        round(related * float(stances[best]), 4),
        f"model: {reasons}",
        compared.text if compared is not None else None,
        False,
    )


def judge(
    claim: str,
    claimed: Sequence[Quantity],
    passage: str,
    *,
    score: float,
    share: float,
    min_score: float,
    tolerance: float,
) -> Stance:
    """The stance of a passage that the matcher paired with a claim."""
    if score < min_score:
        return Stance("unrelated", f"similarity {score:.0f} is below {min_score:.0f}")
    figures = compare(claimed, quantities.find(passage), tolerance)
    if figures is not None and figures.label == "contradicts":
        return figures
    passage_denies = bool(DENIAL_RE.search(passage)) and not DENIAL_RE.search(claim)
    if passage_denies:
        who = extract.attribute(passage).who
        if who:
            return Stance("mentions", f"reports a denial by {who}, not the outlet's own finding")
        return Stance("contradicts", "the source calls it false or denies it")
    if bool(NEGATION_RE.search(passage)) != bool(NEGATION_RE.search(claim)):
        return Stance("mentions", "one side is negated; needs a person to read")
    if HEDGE_RE.search(passage) and not HEDGE_RE.search(claim):
        return Stance("mentions", "passes it on without vouching for it (hedged wording)")
    if figures is not None:
        return figures
    if any(q.unit for q in claimed):
        return Stance("mentions", "similar wording, but it gives none of the claim's figures")
    if DENIAL_RE.search(claim) and not DENIAL_RE.search(passage):
        return Stance("mentions", "the claim is a denial the source does not repeat")
    if share >= 0.6:
        return Stance("supports", "says the same thing")
    return Stance("mentions", "related, but not the same assertion")


def quantities_of(stored: Sequence[dict[str, Any]]) -> list[Quantity]:
    """Figures as stored on a claim, back as Quantity values."""
    return [Quantity(**q) for q in stored]
