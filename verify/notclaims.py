"""Sentences that are not claims, and why: datelines, bylines, captions, headings, table rows,
links, boilerplate, questions, instructions, exhortations, predictions and plans, opinion and
fragments. A reviewer sees these reasons in `verify ingest --json`. Pure.
"""

import re

from verify.sentences import DATELINE_RE

LINK_RE = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|html?)\S*$", re.I)
TIME_ONLY_RE = re.compile(r"^\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)\.?$", re.I)
BYLINE_RE = re.compile(
    r"^(?:\(?(?:by|written by|reporting by|additional reporting by|editing by|compiled by|"
    r"story by|words by)\s|©|\(c\)\s|copyright\b)",
    re.I,
)
BOILERPLATE_RE = re.compile(
    r"all rights reserved|may not be (?:published|reproduced)|adapted from its original source|"
    r"\bsign up\b|\bsubscribe\b|click here|read more\b|follow us\b|newsletter|cookies?\b|"
    r"terms of (?:use|service)|privacy policy|this (?:story|article) (?:was|has been) "
    r"(?:supplied|updated|originally published|first published|adapted|corrected)",
    re.I,
)
CAPTION_RE = re.compile(
    r"^\(?(?:graphic|photo|image|picture|video|main image|file photo)s?\b[^.]{0,80}(?:[:–-]|"
    r"credit)|image credit|photo credit|\((?:getty|reuters|ap|afp)(?: images)?\)$",
    re.I,
)
IMPERATIVE_VERBS = {
    "add", "eat", "boil", "fill", "put", "place", "heat", "stir", "remove", "let", "make",
    "take", "use", "try", "check", "click", "visit", "read", "see", "watch", "follow", "don't",
    "do", "never", "always", "be", "keep", "stay", "avoid", "go", "get", "give", "call",
    "contact", "wash", "cut", "core", "peel", "mix", "pour", "bring", "cook", "bake", "serve",
    "turn", "set", "wait", "store", "allow", "choose", "consider", "enjoy", "sign", "share",
    "imagine", "remember", "look", "start", "stop", "join", "find", "buy", "drink", "wear",
    "ladle", "cube", "wipe", "screw", "tighten", "seal", "simmer", "sterilize", "sterilise",
    "cover",
    "drain", "combine", "whisk", "chop", "slice", "spread", "sprinkle", "preheat", "note",
    "please", "tell", "ask", "pray", "forgive", "protect", "guide", "help", "learn", "download",
    "register", "apply", "subscribe", "vote", "support", "donate", "beware", "don’t",
}  # fmt: skip
INSTRUCTION_RE = re.compile(
    r"\byou(?:'ll| will)? (?:need|want|should|must|can|could|have to|may want)\b|"
    r"\b(?:make sure|be sure)\b|\bit(?:'s| is) (?:best|important|a good idea) to\b",
    re.I,
)
PRAYER_RE = re.compile(
    r"\b(?:we|i) pray\b|\bmay (?:god|allah|the lord)\b|\brest in peace\b|\bamen\b|"
    r"\b(?:semoga|mudah2an|mudah-mudahan)\b",
    re.IGNORECASE,
)
EXHORTATION_RE = re.compile(
    r"\b(?:let's|let’s|let us|we must|we should|we need to|we have to)\b", re.I
)
FUTURE_RE = re.compile(
    r"\b(?:will|won't|would|could|may|might|shall|should(?! be noted)|'ll|was set to|"
    r"were set to|is due to|"
    r"are due to|is expected to|are expected to|plans? to|planned to|intends? to|aims? to|"
    r"is likely to|are likely to|is going to|are going to|hopes? to|wants? to|is poised to|"
    r"looks like it's|is about to|are about to)\b",
    re.I,
)
PAST_OR_PRESENT_BEFORE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do)\b(?! (?:set|due|expected|likely|going|"
    r"poised|about) to)|(?<!the )(?<!a )\b\w+ed\b|\b(?:thought|knew|felt|found|made|took|gave|"
    r"got|went|came|saw|told|said|says|became|began|led|left|lost|won|paid|sent|spent|built|"
    r"held|kept|brought|bought|claimed|believes|thinks)\b",
    re.I,
)
OPINION_RE = re.compile(
    r"\b(?:i think|i believe|i feel|i prefer|i love|i hope|i don't know|i don’t know|in my "
    r"(?:view|opinion)|sadly|unfortunately|fortunately|hopefully|honestly|frankly|delicious|"
    r"wonderful|terrible|amazing|awesome|awful|lovely|beautiful|best|worst|yummy|easy|tasty|"
    r"chances are|needless to say|of course|(?:i|we|they|he|she) hopes?|hoped|hopeful|think|"
    r"welcomed?|welcomes|pleased|relieved|grateful|thank|thanks|thanked|praised?|condemned|"
    r"disappointed|unacceptable|outrageous|shameful|disgraceful|terribly|luckily|"
    r"end of an era|no further comment|vote of confidence)\b",
    re.I,
)
FIRST_SECOND_PERSON_RE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|you|your|you're|you’re)\b")
# First- and second-person words and imperative markers outside English (the gold set and the
# benchmark pages hold Indonesian), enough to tell sermons and advice from reports.
PERSONAL_WORDS = {
    "id": r"\b(?:jangan|janganlah|mari|marilah|hendaklah|sebaiknya|semoga|mudah2an|mudah-mudahan|"
    r"kita|kami|saya|aku|kamu|anda|engkau|kalian|ayo|harus|harusnya|seharusnya|tentu|"
    r"tentunya|mungkin|pasti|nah|cuma)\b|^jadi\b",
    "de": r"\b(?:ich|wir|du|ihr|Sie|mein|unser|dein)\b",
    "pt": r"\b(?:eu|nós|você|vocês|meu|nosso)\b",
    "es": r"\b(?:yo|nosotros|usted|ustedes|mi|nuestro)\b",
    "fr": r"\b(?:je|nous|vous|mon|notre)\b",
    "it": r"\b(?:io|noi|voi|mio|nostro)\b",
}
PERSONAL_RE = {lang: re.compile(words, re.I) for lang, words in PERSONAL_WORDS.items()}


def reason(sentence: str, assertion: str, *, attributed: bool, lang: str = "en") -> str | None:
    """Why a sentence is not a claim ("question", "heading", "prediction" …), or None."""
    text = sentence.strip()
    bare = text.strip("\"“”'‘’ ")
    words = bare.split()
    return (
        _structural(text, bare, words)
        or _mood(bare, assertion, words, attributed=attributed, lang=lang)
        or ("fragment" if len(words) < 3 or text.endswith(":") else None)
    )


def _structural(text: str, bare: str, words: list[str]) -> str | None:
    if LINK_RE.match(bare):
        return "link"
    if DATELINE_RE.match(text + " x") and len(text) < 60:
        return "dateline"
    if TIME_ONLY_RE.match(bare):
        return "dateline"
    if BYLINE_RE.match(bare):
        return "byline"
    if BOILERPLATE_RE.search(bare) and len(words) < 30:
        return "boilerplate"
    if CAPTION_RE.search(bare):
        return "caption"
    if re.match(r"^\[.*\]$", bare) or re.match(r"^\(.*\)$", bare):
        return "reference"
    if not re.search(r"[.!?:;\"”’)]$", text) and len(words) <= 12:
        if re.match(r"^[\d½¼¾⅓/-]", bare):
            return "table"
        if bare.isupper() or sum(w[:1].isupper() for w in words) >= len(words) - 1:
            return "heading"
    if re.match(r"^[\d½¼¾⅓][\d/.,-]*\s", bare) and "," in bare and not _has_verb(bare):
        return "table"
    chunks = re.split(r"[,:;(\[]", bare)
    if len(chunks) >= 3 and sum(bool(re.match(r"\s*[\d½¼¾⅓]", c)) for c in chunks) * 2 >= len(
        chunks
    ):
        return "table"  # "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp."
    if text.count("\t") >= 2 or text.count("|") >= 2:
        return "table"
    return None


def _mood(
    bare: str, assertion: str, words: list[str], *, attributed: bool, lang: str
) -> str | None:
    if bare.rstrip("”\"’' ").endswith("?"):
        return "question"
    if PRAYER_RE.search(bare):
        return "prayer"
    first = re.sub(
        r"^(?:then|now|next|finally|first|simply|just|also|please)\b,?\s*", "", bare, flags=re.I
    )
    head = first.split()[0].lower().strip(",.;:") if first.split() else ""
    if lang == "en" and head in IMPERATIVE_VERBS:
        return "instruction"
    if lang != "en" and lang in PERSONAL_RE and PERSONAL_RE[lang].search(bare):
        return "exhortation" if re.match(r"(?i)jangan|mari|ayo|hendaklah", bare) else "opinion"
    if lang == "en" and INSTRUCTION_RE.search(bare):
        return "instruction"
    if lang == "en" and EXHORTATION_RE.search(bare):
        return "exhortation"
    future = FUTURE_RE.search(assertion)
    if (
        lang == "en"
        and future
        and not PAST_OR_PRESENT_BEFORE_RE.search(assertion[: future.start()])
    ):
        return "prediction"
    if lang == "en" and OPINION_RE.search(bare):
        return "opinion"
    if lang == "en" and not attributed and FIRST_SECOND_PERSON_RE.search(bare):
        return "opinion"
    return None


def _has_verb(text: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|\w+ed)\b", text))
