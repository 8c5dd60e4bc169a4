"""Article text → sentences → candidate claims with attribution, figures and check-worthiness.

Pure: strings in, frozen values out. Offsets always index into the text given.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process, utils

from verify import checkworthiness, quantities

MIN_CHECKWORTHINESS = 0.4
DUPLICATE_SCORE = 90.0  # token_sort_ratio on processed text; syndicated copies score 95+
SUBSET_SCORE = 95.0  # token_set_ratio, only when the texts have similar word counts
SUBSET_SHARE = 0.75
NEGATIONS = {"not", "no", "never", "nt", "denied", "denies", "deny", "false", "fake"}

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov", "pres",
    "st", "jr", "sr", "prof", "no", "vs", "etc", "inc", "corp", "ltd", "co", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "adm", "maj", "u.s",
    "u.k", "u.n", "e.g", "i.e", "approx", "est", "dept", "univ",
}  # fmt: skip
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+|$)|\n\s*\n|\n(?=\s*[-*#>])|(?m:^[#>].*$)")
REPORTING_VERBS = (
    "said|says|say|told|tells|stated|states|claimed|claims|claim|reported|reports|announced|"
    "announces|warned|warns|added|adds|noted|notes|insisted|insists|argued|argues|confirmed|"
    "confirms|denied|denies|estimated|estimates|believes|believe|called|calls|dismissed|"
    "dismisses|described|describes|accused|accuses|alleged|alleges|wrote|writes|maintained|"
    "maintains|acknowledged|acknowledges|suggested|suggests|asserted|asserts|declared|declares|"
    "explained|explains|rejected|rejects|branded|brands|labelled|labeled|spoke|speaks"
)
# Verbs whose object is the assertion itself ("called the footage fake news"): the whole
# sentence stays the claim text instead of what follows the verb.
FRAMING_VERBS = {
    "called", "calls", "dismissed", "dismisses", "described", "describes", "accused", "accuses",
    "denied", "denies", "rejected", "rejects", "branded", "brands", "labelled", "labeled",
    "spoke", "speaks",
}  # fmt: skip
WHEN_WORDS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|morning|"
    "afternoon|evening|night|january|february|march|april|may|june|july|august|september|"
    "october|november|december"
)
DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([^)]{1,40}\))?\s*[-–—]+\s*")
LEADING_FILLER_RE = re.compile(
    r"^(?:(?:but|and|yet|so|however|meanwhile|earlier|later|separately|also|still|instead|"
    r"in a statement|in response|(?:on|late on|early on) (?:{WHEN})(?: \d+)?|"
    r"(?:last|this|next) (?:{WHEN}))\s*,?\s+)+".replace("{WHEN}", WHEN_WORDS),
    re.IGNORECASE,
)
WHO = r"(?P<who>(?:the |The |a |A |an |An )?[A-Z][\w'’.-]*(?:\s+(?:[\w'’.-]+)){0,7}?)"
LEADING_RE = re.compile(
    rf"^{WHO}(?:,\s*[^,]{{1,60}}?,)?\s+"
    rf"(?:has\s+|had\s+|have\s+|also\s+|previously\s+|earlier\s+|later\s+|again\s+)*"
    rf"(?P<verb>{REPORTING_VERBS})\b(?:\s+(?:on|late on|early on)\s+\w+)?"
    rf"(?:(?:(?<=\btold)|(?<=\btells)|(?<=\bwarned)|(?<=\bassured))"
    rf"\s+[\w'’ -]{{1,40}}?(?=\s+that\b))?(?:\s+that\b)?[,:]?\s*"
    rf"(?P<rest>.*)$",
    re.DOTALL,
)
TRAILING_RE = re.compile(
    rf"^(?P<rest>.+?)[,;]\s*[\"”’]?\s*{WHO}\s+(?:has\s+|had\s+)?(?P<verb>{REPORTING_VERBS})"
    rf"(?:\s+(?:on|late on)\s+\w+)?(?:\s*,.*)?[.!]?$",
    re.DOTALL,
)
INVERTED_RE = re.compile(
    rf"^(?P<rest>.+?)[,;]\s*[\"”’]?\s*(?P<verb>{REPORTING_VERBS})\s+"
    rf"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,4}})(?:\s*,.*)?[.!]?$",
    re.DOTALL,
)
ACCORDING_RE = re.compile(r",?\s*according to (?P<who>[^,.;]+?)(?=[,.;]|$)", re.IGNORECASE)
ROLE_NAME_RE = re.compile(
    r"^(?:.*\s)?(?:spokesman|spokeswoman|spokesperson|minister|secretary|official|chief|"
    r"director|envoy|ambassador|adviser|advisor|commander|leader)\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)$"
)
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
NOT_A_SPEAKER = {"this", "that", "these", "those", "there", "which", "what", "who", "many"}


@dataclass(frozen=True)
class Sentence:
    """A sentence's verbatim text and where it sits in the article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """Who asserts a sentence, and the assertion without the attribution."""

    who: str | None
    assertion: str


@dataclass(frozen=True)
class Candidate:
    """A checkable claim found in an article."""

    text: str
    quote: str
    start: int
    end: int
    attributed_to: str | None
    quantities: tuple[quantities.Quantity, ...]
    checkworthiness: float
    features: dict[str, float] = field(default_factory=dict, compare=False)

    def quantity_dicts(self) -> list[dict[str, Any]]:
        """Figures in their stored form."""
        return [q.as_dict() for q in self.quantities]


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences; abbreviations such as "Gen." and "U.S." do not end one."""
    found: list[Sentence] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _ends_in_abbreviation(text, match.start()):
            continue
        found.extend(_trimmed(text, start, end))
        start = end
    found.extend(_trimmed(text, start, len(text)))
    return found


def _ends_in_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or len(token) == 1 and token.isalpha()


def _trimmed(text: str, start: int, end: int) -> Iterator[Sentence]:
    """Sentence span without surrounding blanks and list or heading markers."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    marker = re.match(r"(?:[-*#>]+\s+)+", chunk)
    if marker:
        lead += marker.end()
        chunk = chunk[marker.end() :]
    if chunk:
        yield Sentence(chunk, start + lead, start + lead + len(chunk))


def attribute(sentence: str) -> Attribution:
    """Who asserts the sentence ("the Kremlin", "South Korea's spy agency"), and what."""
    body = LEADING_FILLER_RE.sub("", DATELINE_RE.sub("", sentence.strip()))
    according = ACCORDING_RE.search(body)
    if according:
        rest = (body[: according.start()] + body[according.end() :]).strip(" ,")
        return Attribution(_clean_who(according.group("who")), _clean_assertion(rest))
    for pattern in (LEADING_RE, TRAILING_RE, INVERTED_RE):
        match = pattern.match(body)
        if match and _plausible_speaker(match.group("who")):
            rest = match.group("rest")
            if pattern is LEADING_RE and match.group("verb").lower() in FRAMING_VERBS:
                rest = body
            return Attribution(_clean_who(match.group("who")), _clean_assertion(rest))
    return Attribution(None, _clean_assertion(body))


def _plausible_speaker(who: str) -> bool:
    words = who.split()
    first = words[0].lower()
    if first in NOT_A_SPEAKER or len(words) > 8:
        return False
    return first in PRONOUNS or any(w[0].isupper() for w in words)


def _clean_who(who: str) -> str:
    who = who.strip(" ,\"“”'’")
    named = ROLE_NAME_RE.match(who)
    if named:
        who = named.group("name")
    return re.sub(r"^The\b", "the", who)


def _clean_assertion(text: str) -> str:
    text = text.strip().strip('"“”').strip()
    text = re.sub(r"[,;:]$", "", text)
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:] if text else text


def claims(text: str, *, min_score: float = MIN_CHECKWORTHINESS) -> list[Candidate]:
    """Checkable claims in an article, in reading order; pronoun speakers resolved from context."""
    found: list[Candidate] = []
    last_speaker: str | None = None
    speakers: list[str] = []
    for sentence in sentences(text):
        attribution = attribute(sentence.text)
        who = attribution.who
        if who and who.lower() in PRONOUNS:
            who = last_speaker
        elif who:
            who = _full_name(who, speakers)
            speakers.append(who)
            last_speaker = who
        figures = tuple(quantities.find(sentence.text))
        shifted = tuple(_shift(q, sentence.start) for q in figures)
        features = checkworthiness.score(
            sentence.text, attributed=who is not None, n_quantities=len(figures)
        )
        if features["score"] < min_score or len(attribution.assertion.split()) < 3:
            continue
        found.append(
            Candidate(
                text=attribution.assertion,
                quote=sentence.text,
                start=sentence.start,
                end=sentence.end,
                attributed_to=who,
                quantities=shifted,
                checkworthiness=features["score"],
                features=features,
            )
        )
    return found


def _full_name(who: str, speakers: list[str]) -> str:
    """A bare surname ("Peskov") becomes the full name used earlier ("Dmitry Peskov")."""
    if " " in who or not who[:1].isupper():
        return who
    for earlier in reversed(speakers):
        if earlier.split()[-1] == who and " " in earlier:
            return earlier
    return who


def _shift(q: quantities.Quantity, offset: int) -> quantities.Quantity:
    """The same figure with offsets into the whole article instead of the sentence."""
    return replace(q, start=q.start + offset, end=q.end + offset)


def normalised(text: str) -> str:
    """Lower-case, punctuation-free form used to spot the same claim worded the same way."""
    return str(utils.default_process(text))


def figure_signature(figures: list[dict[str, Any]]) -> tuple[tuple[float, str], ...]:
    """Sorted (value, unit) pairs: near-duplicates must state the same figures."""
    return tuple(sorted((float(q["value"]), str(q["unit"])) for q in figures))


def same_claim(a: str, b: str) -> bool:
    """True when two normalised claim texts are near-copies (syndication, light edits).

    token_set_ratio alone scores any subset 100 ("is it true" vs a long sentence), so it only
    counts when the shorter text holds most of the longer one's words; a negation on one side
    only ("did not send") always keeps them apart."""
    words_a, words_b = set(a.split()), set(b.split())
    if (words_a & NEGATIONS) != (words_b & NEGATIONS):
        return False
    if fuzz.token_sort_ratio(a, b, score_cutoff=DUPLICATE_SCORE):
        return True
    shorter, longer = sorted((len(words_a), len(words_b)))
    return shorter >= SUBSET_SHARE * longer and bool(
        fuzz.token_set_ratio(a, b, score_cutoff=SUBSET_SCORE)
    )


def find_same(text: str, others: Sequence[str]) -> int | None:
    """Index of a near-copy of text among others (all normalised), or None.

    rapidfuzz's C loop with a score cutoff picks the few candidates; same_claim decides."""
    for scorer, cutoff in (
        (fuzz.token_sort_ratio, DUPLICATE_SCORE),
        (fuzz.token_set_ratio, SUBSET_SCORE),
    ):
        # processor=None: both sides are already normalised
        for _, _, index in process.extract(
            text, others, scorer=scorer, processor=None, score_cutoff=cutoff, limit=10
        ):
            if same_claim(text, others[index]):
                return int(index)
    return None
