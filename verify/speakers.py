"""Who asserts a sentence: "X said …", "… , said X", "“…,” X said", "according to X",
"X told reporters", "X says". Titles stay with names; fragments ("At the", "He is") never pass
as speakers. Pure; context across sentences (pronouns, quotes) lives in `attribution.py`.
"""

import re
from dataclasses import dataclass

SPEECH_VERBS = (
    "said|says|say|told|tells|tell|stated|states|claimed|claims|claim|reported|reports|report|"
    "are reporting|is reporting|announced|announces|warned|warns|added|adds|noted|notes|"
    "insisted|insists|argued|argues|confirmed|confirms|denied|denies|deny|estimated|estimates|"
    "believes|believe|called|calls|dismissed|dismisses|described|describes|accused|accuses|"
    "alleged|alleges|wrote|writes|maintained|maintains|acknowledged|acknowledges|suggested|"
    "suggests|asserted|asserts|declared|declares|explained|explains|rejected|rejects|branded|"
    "brands|labelled|labeled|admitted|admits|assured|assures|cited|cites|predicted|predicts|"
    "revealed|reveals|disclosed|discloses|complained|complain|complains|criticised|criticized"
)
# Verbs whose object is the assertion itself ("called the footage fake news"): the whole
# sentence stays the claim text instead of what follows the verb.
FRAMING_VERBS = {
    "called", "calls", "dismissed", "dismisses", "described", "describes", "accused", "accuses",
    "denied", "denies", "deny", "rejected", "rejects", "branded", "brands", "labelled",
    "labeled", "cited", "cites", "criticised", "criticized", "complained", "complain",
    "complains",
}  # fmt: skip
ADVERBS = r"(?:has |had |have |also |previously |earlier |later |again |then |first |recently |)"
WHEN = (
    r"(?:\s+(?:on|late on|early on|in|at|last|this|in a|in an)\s+[^,\"“”]{1,60}?"
    r"(?=\s+(?:that\b|,|:))|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|yesterday|today)\b)?"
)
LEADING_RE = re.compile(
    rf"^(?P<who>[^\"“”]{{2,140}}?)\s+{ADVERBS}(?P<verb>{SPEECH_VERBS})\b"
    rf"(?P<object>(?:(?<=told)|(?<=tells))\s+(?:reporters|lawmakers|journalists|the paper|Reuters|"
    rf"(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,3}}|[a-z]+ (?:reporters|officials)))?"
    rf"{WHEN}(?:\s+that\b)?[,:]?\s*(?P<rest>.+)$",
    re.DOTALL,
)
QUOTE_THEN_WHO_RE = re.compile(
    rf"^(?P<rest>.*[,?!…][\"”’]|.*[\"”’][,?!])\s*(?P<who>[^\"“”]{{2,120}}?)\s+{ADVERBS}"
    rf"(?P<verb>{SPEECH_VERBS})\b(?P<tail>[^\"“”]*)$",
    re.DOTALL,
)
QUOTE_THEN_VERB_RE = re.compile(
    rf"^(?P<rest>.*[,?!…][\"”’]|.*[\"”’][,?!])\s*(?P<verb>{SPEECH_VERBS})\s+"
    r"(?P<who>[^\"“”]{2,160}?)\s*[.!]?$",
    re.DOTALL,
)
TRAILING_RE = re.compile(
    rf"^(?P<rest>.+?)[,;]\s*(?P<who>[^,\"“”]{{2,120}}?)\s+{ADVERBS}(?P<verb>{SPEECH_VERBS})"
    rf"\b(?P<tail>[^\"“”]{{0,80}})$",
    re.DOTALL,
)
INVERTED_RE = re.compile(
    r"^(?P<rest>.+?)[,;]\s*(?P<verb>said|says|reports|reported|writes|wrote|adds|added|"
    r"explained|noted|told)\s+(?P<who>[A-Z\"“][^\"“”]{1,160}?)\s*[.!]?$",
    re.DOTALL,
)
ACCORDING_RE = re.compile(
    r"(?:,\s*)?\b(?:according to|per) (?P<who>(?:the |a |an )?[^,.;:—]{2,80}?)(?=\s*[,.;:—]|$)",
    re.IGNORECASE,
)
LEADING_FILLER_RE = re.compile(
    r"^(?:(?:but|and|yet|so|however|meanwhile|separately|also|still|instead|in addition|"
    r"in a statement|in response|on \w+day|late on \w+day|earlier|later)\s*,?\s+)+",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
NOT_SPEAKER_START = {
    "at", "in", "on", "when", "while", "if", "as", "after", "before", "because", "since",
    "although", "though", "this", "that", "these", "those", "there", "which", "what", "who",
    "where", "how", "why", "here", "to", "for", "with", "from", "by", "of", "into", "than",
    "whether", "even", "so", "many", "much", "more", "most", "all", "some", "any", "no",
    "not", "its", "his", "her", "their", "our", "your", "my", "i", "you", "we",
}  # fmt: skip
FINITE_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|do|does|did|not|"
    r"n't|may|might|must|should|shall|said|says|reported|according)\b",
    re.IGNORECASE,
)
BAD_ENDINGS = {
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "first", "also", "who",
    "that", "which", "it", "this", "is", "was", "be", "for", "with", "by", "as",
}  # fmt: skip


@dataclass(frozen=True)
class Attribution:
    """Who asserts a sentence, and the assertion without the attribution."""

    who: str | None
    assertion: str
    verb: str | None = None


def attribute(sentence: str) -> Attribution:
    """Who asserts the sentence ("the Kremlin", "South Korea's spy agency"), and what."""
    body = LEADING_FILLER_RE.sub("", sentence.strip())
    for pattern in (QUOTE_THEN_WHO_RE, QUOTE_THEN_VERB_RE, LEADING_RE, TRAILING_RE, INVERTED_RE):
        match = pattern.match(body)
        if match and is_speaker(match.group("who")):
            verb = match.group("verb").lower()
            rest = body if pattern is LEADING_RE and verb in FRAMING_VERBS else match.group("rest")
            who = match.group("who")
            if pattern is INVERTED_RE or pattern is QUOTE_THEN_VERB_RE:
                who = re.sub(r"\s+(?:in|on|at)\s+(?:a|an|the)\s+\w+$", "", who)
            return Attribution(clean_who(who), clean_assertion(rest), verb)
    according = ACCORDING_RE.search(body)
    if according and is_speaker(according.group("who")):
        rest = (body[: according.start()] + body[according.end() :]).strip(" ,")
        return Attribution(clean_who(according.group("who")), clean_assertion(rest), "according")
    return Attribution(None, clean_assertion(body))


def is_speaker(who: str) -> bool:
    """A plausible speaker: a noun phrase, not a fragment such as "At the", "He is" or
    "When Afghan President Ashraf Ghani first"."""
    who = who.strip(" ,\"“”'’")
    words = who.split()
    if not words or len(words) > 16:
        return False
    first, last = words[0].lower().strip("'’"), words[-1].lower().strip(".,")
    if first in PRONOUNS:
        return len(words) == 1
    if first in NOT_SPEAKER_START or last in BAD_ENDINGS or FINITE_VERBS.search(who):
        return False
    if re.search(r"\d", who) and not re.search(r"[A-Za-z]\d|\d[A-Za-z]", who):
        return False  # "3,248 cases reported": a counted thing, not a speaker
    return any(w[0].isupper() for w in words) or bool(
        re.search(r"(?:ists?|ials?|ities|ers|ors|ents?|sources?|people|police|experts?)$", last)
    )


def clean_who(who: str) -> str:
    """The speaker as written, titles kept: "White House Press Secretary Stephanie Grisham"."""
    who = who.strip(" ,\"“”'’").rstrip(".") if not who.endswith(("Inc.", "Co.", "Corp.")) else who
    return re.sub(r"^The\b", "the", who.strip(" ,\"“”'’"))


def clean_assertion(text: str) -> str:
    """The assertion as a sentence: quotes and trailing separators gone, capital first."""
    text = text.strip().strip('"“”').strip()
    text = re.sub(r"\s*[,;:—–-]$", "", text)
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:] if text else text
