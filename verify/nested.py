"""Claims inside other claims: "The mayor called the utility's claim that power was restored
within 12 hours 'nonsense'" queues the utility's claim (the checkable one) with the mayor's
dispute kept beside it; "A denied that Y" queues Y disputed by A; "A disputed B's figure of N"
queues B's figure. Pure.
"""

import functools
import re
from dataclasses import dataclass

from verify import prefilter, speakers

DISPUTE_VERBS = (
    "called|calls|dismissed|dismisses|rejected|rejects|denied|denies|deny|disputed|disputes|"
    "dispute|refuted|refutes|branded|brands|labelled|labeled|described|describes|mocked|"
    "questioned|questions|challenged|challenges|contested|contests|shot down|shoots down|"
    # "cast doubt on the Islamic State's claim", "is pushing back against a claim made by …"
    "cast doubt on|casts doubt on|pushed back against|pushes back against|"
    "(?:is|are|was|were) pushing back against"
)
NEEDS_JUDGEMENT = {"called", "calls", "branded", "brands", "labelled", "labeled", "described"}
JUDGEMENT = (
    r"(?:as\s+)?[\"“'‘]?(?:an?\s+)?(?:outright\s+|complete\s+|total\s+)?"
    # "an old and sick trick"
    r"(?:(?:old|sick|cheap|desperate|blatant|obvious|pathetic)\s+(?:and\s+)?){0,3}"
    r"(?:lie|lies|nonsense|false|trick|hoax|bogus|illogical|"
    r"untrue|fake(?: news)?|baseless|absurd|ridiculous|wrong|misleading|inaccurate|fabrication|"
    r"fabricated|exaggerated|exaggeration|rubbish|propaganda|fiction|groundless|unfounded)"
    r"[\"”'’]?"
)
# "has consistently denied", "Tuesday emphatically rejected", "An Iraqi official on Wednesday
# denied"
ADVERBS = rf"(?:(?:on\s+)?(?:{speakers.WEEKDAYS})\s+)?" + speakers.ADVERBS
NOUNS = (
    r"claims?|assertions?|allegations?|reports?|statements?|suggestions?|figures?|estimates?|"
    r"accounts?|contention|insistence|version|account|accusations?|charges?|postings?|posts?|"
    r"articles?|stories|story|rumou?rs?"
)
# Where a disputed report appeared or who made it, after its noun: "reports on Scottish media
# sites on Monday", "a posting on the National Report website".
SOURCE = (
    r"(?:(?:made|published|posted|spread|circulated)\s+)?"  # "a claim made by Rep. Hunter that"
    # "a claim from a California Congressman", "claims made in a viral Weibo post"
    r"(?:by|on|from|in)\s+(?P<by>(?:the\s+|an?\s+(?:[a-z]+\s+)?)?[A-Z][^,]*?)"
    r"(?:\s+(?:on|last)\s+[A-Z]\w+)?"
)
WEEKDAY_WHEN = (
    rf"(?:\s+(?:on\s+|late\s+|early\s+)?(?:{speakers.WEEKDAYS})"
    r"(?:\s+(?:night|morning|afternoon|evening))?)?"
)
# Who made a denied claim, after it: "…, as claimed by Islamist websites".
AS_CLAIMED_BY_RE = re.compile(
    r",?\s+as\s+(?:claimed|reported|alleged|stated|suggested)\s+by\s+"
    r"(?P<by>[^,.;]+?)(?=\s+(?:that|who|which)\b|[,.;]|$)"
)
# Words that grade a claim before its noun: "denies both the tweet and the bogus claim that …".
DISMISSIVE = (
    r"(?:(?:bogus|false|fake|unfounded|baseless|viral|widespread|latest|new|recent|online|"
    r"persistent|wild|outlandish)\s+){0,2}"
)
FALSE_WORDS = r"false|untrue|wrong|inaccurate|not accurate|baseless|unfounded|nonsense|a lie"
FALSE_WORD_RE = re.compile(rf"\b(?:{FALSE_WORDS})\b", re.I)
DISPUTE_WORD_RE = re.compile(rf"\b(?:{DISPUTE_VERBS})\b", re.IGNORECASE)
CLAIM_OF_RE = re.compile(
    rf"^(?P<a>[^\"“”]{{2,120}}?)\s+{ADVERBS}(?P<verb>{DISPUTE_VERBS}){WEEKDAY_WHEN}\s+"
    rf"(?:(?P<b>(?:the\s+|a\s+)?[^\s,]+(?:\s+[^\s,]+){{0,5}}?)['’]s?\s+|"
    rf"(?:both\s+[^,]{{1,40}}?\s+and\s+)?(?:(?:the|a|an)\s+)?{DISMISSIVE})"
    rf"(?:{NOUNS})(?:\s+{SOURCE})?\s+(?:that\s+(?:(?-i:said)\s+)?(?P<y>.+?)|of\s+(?P<n>.+?))"
    rf"(?:,?\s+(?P<judgement>{JUDGEMENT}))?\s*[.!:]?$",
    re.DOTALL | re.IGNORECASE,
)
DISPUTED_CLAIM_RE = re.compile(
    rf"^(?P<a>[^\"“”]{{2,120}}?)\s+{ADVERBS}(?P<verb>{DISPUTE_VERBS})\s+"
    # "disputed Hunter's claim", "disputed the ISIS claim"
    rf"(?P<b>(?:the\s+)?[A-Z][^\s,]*(?:\s+[A-Z][^\s,]*){{0,3}}?)(?:['’]s?)?\s+(?:{NOUNS})"
    r"(?:\s+(?:on|in|at|last|this)\s+[^,]{1,40})?"
    rf"(?:\s+(?P<judgement>{JUDGEMENT}))?"  # 'called ISIS's claim "an old and sick trick."'
    r"(?:,\s*(?:saying|calling|adding|insisting)\b.*|\s+but\s+.*)?\s*[.!]?[\"”’']?$",
    re.DOTALL,
)
# The judgement before the claim it judges: "Robert Plant's publicist has described as
# "rubbish" a Daily Mirror report that he rejected a £500m Led Zeppelin reunion."
JUDGED_FIRST_RE = re.compile(
    rf"^(?P<a>[^\"“”]{{2,120}}?)\s+{ADVERBS}(?P<verb>{DISPUTE_VERBS})\s+(?P<judgement>{JUDGEMENT})"
    rf"\s+(?:the|a|an)\s+(?P<b>(?:[A-Z][\w’'.&-]*\s+){{1,4}})?(?:{NOUNS})(?:\s+{SOURCE})?"
    r"\s+that\s+(?:said\s+)?(?P<y>.+?)"
    r"\s*[.!]?$",
    re.DOTALL,
)
DENIED_THAT_RE = re.compile(
    rf"^(?P<a>[^\"“”]{{2,120}}?)\s+{ADVERBS}(?P<verb>denied|denies|deny|disputed|disputes|"
    rf"rejected|rejects|refuted|refutes){WEEKDAY_WHEN}\s+(?:that\s+(?P<y>.+?)|(?P<gerund>\w+ing\b.+?))"
    r"\s*[.!]?$",
    re.DOTALL,
)

# A claim reported before, denied by a noun that points back to it: "The company flat-out denied
# the allegations in a statement", "The Pentagon rejected these accusations as 'patently false'".
DENIED_EARLIER_RE = re.compile(
    rf"^(?P<a>[^\"“”]{{2,120}}?)\s+{ADVERBS}(?P<verb>denied|denies|deny|rejected|rejects|"
    rf"dismissed|dismisses|disputed|disputes|refuted|refutes){WEEKDAY_WHEN}\s+"
    rf"(?:these|those|the|this|that|such|their|his|her|its)\s+{DISMISSIVE}"
    r"(?:claims?|allegations?|accusations?|charges?|reports?|suggestions?|rumou?rs?)\b"
    r"(?!\s+(?:that|of|by|from|on|in\s+(?:the|a)\s+[A-Z]))",
)

# A claim judged false as the sentence's predicate: "Hunter's claim is 'categorically false'",
# "The suggestion that individuals … have been apprehended is categorically false", "Reports
# that Comcast will deny service … are false". Not "These rumors are false," the agency said:
# there the annotators keep the speaker (and the claim is the one reported before).
FALSE = (
    r"[\"'‘“]?(?:(?:categorically|entirely|completely|patently|absolutely|simply|totally|utterly)"
    rf"\s+)?(?:{FALSE_WORDS})\b"
)
OWNED_CLAIM_FALSE_RE = re.compile(
    r"(?P<b>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})['’]s?\s+"
    rf"(?:{NOUNS})\s+(?:otherwise\s+)?(?:is|was|are|were)\s+{FALSE}"
)
CLAIM_THAT_FALSE_RE = re.compile(
    rf"^(?:(?:the|this|that|these|those|such)\s+)?{DISMISSIVE}(?:{NOUNS}|suggestions?|ideas?|notion)"
    rf"\s+that\s+(?P<y>.+?),?\s+(?:is|was|are|were)\s+{FALSE}",
    re.IGNORECASE | re.DOTALL,
)


# A denial that names the claim's source after it: "Ibrahim said she is not al-Baghdadi's wife,
# as Lebanese officials had claimed."
AS_HAD_CLAIMED_RE = re.compile(
    r",\s+as\s+(?P<by>(?:the\s+)?[A-Z][^,.;]{1,60}?)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:claimed|alleged|reported|suggested)\s*[.!]?$"
)
# The negation a denial puts on the claim it denies: "she is not al-Baghdadi's wife".
NEGATED_RE = re.compile(r"\b(is|are|was|were|has|have|had)\s+not\b|\b(is|are|was|were)n['’]t\b")


@dataclass(frozen=True)
class Nested:
    """A claim reported inside a dispute: what is claimed, by whom, and who disputes it how."""

    claim: str
    claimant: str | None
    disputed_by: str
    how: str
    # "The Kremlin has dismissed the reports": the claim is one reported before, not stated here
    refers_back: bool = False


def _judged_false(body: str) -> Nested | None:
    """A claim whose falseness the sentence states, disputed by the sentence's speaker (the
    writer when none is named)."""
    how = "called it false"
    that = CLAIM_THAT_FALSE_RE.match(body.lstrip("'\"‘“ "))
    if that:
        who = speakers.attribute(body).who or "the writer"
        return Nested(speakers.clean_assertion(that.group("y")), None, who, how)
    owned = OWNED_CLAIM_FALSE_RE.search(body)
    if owned:
        who = speakers.attribute(body).who or "the writer"
        claimant = speakers.clean_who(owned.group("b"))
        return Nested(speakers.clean_assertion(body), claimant, who, how, refers_back=True)
    return None


def _denied_as_claimed(body: str) -> Nested | None:
    """ "X said she is not Y's wife, as Lebanese officials had claimed": the officials' claim,
    the negation taken off, disputed by the speaker."""
    source = AS_HAD_CLAIMED_RE.search(body)
    if not source or not speakers.is_speaker(source.group("by")):
        return None
    said = speakers.attribute(body[: source.start()] + ".")
    negated = NEGATED_RE.search(said.assertion)
    if not said.who or not negated:
        return None
    claim = NEGATED_RE.sub(lambda m: m.group(1) or m.group(2), said.assertion, count=1)
    return Nested(
        speakers.clean_assertion(claim),
        speakers.clean_who(source.group("by")),
        said.who,
        f"{said.verb or 'said'} not",
    )


def _owner(words: str) -> str:
    """The claim's owner as named before its noun: "the Islamic State's" is the Islamic State,
    "the ISIS" (claim) ISIS."""
    return re.sub(r"^the\s+(?=[A-Z]{2,}\b)", "", re.sub(r"['’]s?$", "", words))


def _named(claimant: str | None) -> str | None:
    """A claimant the words name, not a day: "shot down claims on Thursday that …"."""
    claimant = (claimant or "").strip()
    return claimant if claimant and speakers.is_speaker(claimant) else None


@functools.lru_cache(maxsize=4096)  # pure, and read twice per sentence (speakers, claims)
def find(sentence: str) -> Nested | None:
    """The disputed claim inside a sentence, if the sentence reports a dispute of one."""
    if (
        not DISPUTE_WORD_RE.search(sentence)
        and not FALSE_WORD_RE.search(sentence)
        and not AS_HAD_CLAIMED_RE.search(sentence)
    ):
        return None  # most sentences: one quick scan
    body = speakers.LEADING_FILLER_RE.sub("", sentence.strip())
    match = CLAIM_OF_RE.match(body)
    if match and speakers.is_speaker(match.group("a")):
        verb = match.group("verb").lower()
        if verb in NEEDS_JUDGEMENT and not match.group("judgement"):
            return None
        claimant = _named(match.group("b") or match.group("by"))
        if match.group("y"):
            claim = match.group("y")
        else:
            owner = f"{claimant}'s figure" if claimant else "The figure"
            claim = f"{owner} of {match.group('n')}"
        how = f"{verb} it {match.group('judgement')}" if match.group("judgement") else verb
        return Nested(
            claim=speakers.clean_assertion(claim),
            claimant=speakers.clean_who(claimant) if claimant else None,
            disputed_by=speakers.clean_who(match.group("a")),
            how=how.strip(),
        )
    match = DISPUTED_CLAIM_RE.match(body)
    if match and match.group("verb").lower() in NEEDS_JUDGEMENT and not match.group("judgement"):
        match = None  # "called Hunter's claim" alone judges nothing
    if match and speakers.is_speaker(match.group("a").rstrip(",")):  # "disputed Hunter's claim"
        return Nested(
            claim=speakers.clean_assertion(body),
            # "the ISIS claim": ISIS
            claimant=speakers.clean_who(_owner(match.group("b"))),
            disputed_by=speakers.clean_who(match.group("a").rstrip(",")),
            how=" it ".join(filter(None, (match.group("verb").lower(), match.group("judgement")))),
            refers_back=True,
        )
    match = JUDGED_FIRST_RE.match(body)
    if match and speakers.is_speaker(match.group("a")):
        claimant = _named(match.group("b") or match.group("by")) or ""
        return Nested(
            claim=speakers.clean_assertion(match.group("y")),
            claimant=speakers.clean_who(claimant) if claimant else None,
            disputed_by=speakers.clean_who(match.group("a")),
            how=f"{match.group('verb').lower()} it {match.group('judgement')}",
        )
    match = DENIED_EARLIER_RE.match(body)
    if match and speakers.is_speaker(match.group("a")):  # the claimant was named before
        return Nested(
            claim=speakers.clean_assertion(body),
            claimant=None,
            disputed_by=speakers.clean_who(match.group("a")),
            how=match.group("verb").lower(),
            refers_back=True,
        )
    judged = _judged_false(body)
    if judged:
        return judged
    denied_as = _denied_as_claimed(body)
    if denied_as:
        return denied_as
    match = DENIED_THAT_RE.match(body)
    if match and speakers.is_speaker(match.group("a")):
        claim = match.group("y") or body
        by = AS_CLAIMED_BY_RE.search(claim)
        return Nested(
            claim=speakers.clean_assertion(claim[: by.start()] if by else claim),
            claimant=speakers.clean_who(by.group("by")) if by else None,
            disputed_by=speakers.clean_who(match.group("a")),
            how=match.group("verb").lower(),
        )
    return None


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
