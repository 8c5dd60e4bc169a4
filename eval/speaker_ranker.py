"""Who speaks, ranked: candidate speakers for each sentence of an article, scored by a learned
model. An experiment of the fifth round, measured by `eval/fit_speakers.py` and not shipped: under
cross-validation by document it did no better than the rules on kept sentences, and it doubled
the cost of extraction (eval/README.md, "Fifth round").

The rules (`verify.speakers`, `verify.attribution`) read a speaker from the forms they know
("X said", "“…,” said X", "according to X") and resolve pronouns. Rules added class by class
from one set's mismatches did not reach pages they were not written from (eval/README.md:
held-out-3's speaker accuracy rose 0.02 where held-out-2's rose 0.30). Here the rules' speaker
is one candidate among others: the noun phrases of the sentence (capitalised names, "the
study", "some consumers", the words before a verb) and the speakers of the sentences before it.
A conditional logit (a softmax over one sentence's candidates, "nobody" among them) over each
candidate's surroundings (the words beside it, a verb of speech after it, "to"/"by" before it,
its shape, whether the rules chose it, how far back it was named) picks the most probable one.
English pages only, as for the checkable model.
"""

import re
from collections import Counter
from dataclasses import dataclass

from verify import attribution, checkable, speakers
from verify.speakers import Attribution

TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Prof|prof|St|Gen|Lt|Col|Sgt|Jr|Sr|Inc|Co|Corp|"
    r"Ltd|Capt|Rev|Gen|Supt|Insp)\.|[^\W\d_](?:[\w’'&.-]*[^\W_])?|\d[\d.,]*\w*|[^\w\s]"
)
# Words that end a name or start none: a capitalised "The" or "But" opens a sentence.
STOP = {
    "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "to", "for", "by", "with",
    "from", "as", "when", "while", "after", "before", "that", "this", "these", "those", "it",
    "he", "she", "they", "we", "i", "you", "is", "are", "was", "were", "has", "have", "had",
    "be", "been", "not", "no", "if", "so", "than", "then", "there", "here", "what", "which",
    "who", "whom", "whose", "how", "why", "where", "also", "however", "meanwhile", "its", "his",
    "her", "their", "our", "my", "your", "will", "would", "can", "could", "may", "might", "said",
    "says", "during", "since", "because", "although", "though", "into", "about", "over", "under",
    "yet", "still", "even", "just", "only", "now", "all", "any", "more", "most", "very",
    "always", "never", "often", "again", "already", "twice", "once", "later", "earlier", "first",
}  # fmt: skip
JOINERS = {"of", "for", "the", "and", "de", "du", "la", "van", "von", "al", "bin", "on", "&"}
DETERMINERS = {
    "the", "a", "an", "some", "many", "several", "his", "her", "their", "its", "two", "three",
    "four", "both", "other", "local", "one", "most", "few", "state", "federal", "senior",
}  # fmt: skip
# Verbs that report what a source says, writes or finds; the model weighs each by itself.
VERBS = set(re.findall(r"[a-z]+", speakers.SPEECH_VERBS)) | {
    "quotes", "quoted", "termed", "terms", "detail", "detailed", "details", "showed", "shows",
    "show", "released", "publishes", "published", "pegs", "pegged", "put", "puts", "cited",
    "recorded", "identified", "concluded", "according", "observed", "saying", "told", "denied",
    "agreed", "agree", "agrees", "recalled", "recalls", "thinks", "think", "knows", "know",
    "believe", "argue", "warn", "expects", "expect", "expected", "accuse", "prices", "priced",
}  # fmt: skip
SPEECH = set(re.findall(r"[a-z]+", speakers.SPEECH_VERBS)) - {
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "been",
    "had",
}
# Participles whose agent ("identified by MOTIE", "brought by the CBI") is a source.
PASSIVE = {
    "identified", "brought", "profiled", "published", "released", "compiled", "conducted",
    "commissioned", "issued", "filed", "made", "reported", "announced", "confirmed", "led",
}  # fmt: skip
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
CONTEXT = 3  # earlier speakers offered as candidates
# A name in full, title kept: "Kremlin spokesman Dmitry Peskov", "Rep. Duncan Hunter".
FULL_NAME_RE = re.compile(r"(?:[\w.’'-]+\s+){0,3}[A-Z][\w’'-]+\s+[A-Z][\w’'-]+")
NOBODY = ""  # the candidate that says the sentence names no speaker


@dataclass(frozen=True)
class Candidate:
    """A possible speaker of one sentence and what the model reads about it."""

    name: str
    signals: dict[str, float]


def key(name: str) -> str:
    """A name compared without case, punctuation or a leading article."""
    words = re.findall(r"[^\W_]+", name.lower().replace("’s", " s").replace("'s", " s"))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def candidates(texts: list[str], found: list[Attribution]) -> list[list[Candidate]]:
    """Every sentence's candidate speakers: the rules' choice (`found`, already resolved), the
    noun phrases in it and the speakers of the sentences before it."""
    out: list[list[Candidate]] = []
    earlier: list[tuple[int, str]] = []  # (sentence index, speaker) as the rules found them
    for i, (text, said) in enumerate(zip(texts, found, strict=True)):
        merged: dict[str, Candidate] = {}
        sentence = _sentence_signals(text, said)
        words = set(key(text).split())
        if said.who:
            _add(merged, said.who, {"rule": 1.0, **_rule_signals(said, text)}, sentence, "rule")
        for name, signals in _spans(text):
            _add(merged, name, {"np": 1.0, **signals}, sentence, "np")
        times = Counter(key(who) for _, who in earlier)
        seen: set[str] = set()
        for j, who in reversed(earlier):
            if len(seen) >= CONTEXT:
                break
            if not key(who) or key(who) in seen:
                continue
            seen.add(key(who))
            signals = {
                "ctx": 1.0,
                f"back:{min(i - j, 4)}": 1.0,
                f"ctx:{len(seen)}": 1.0,
                f"kind:{_kind(who)}": 1.0,
                f"times:{min(times[key(who)], 3)}": 1.0,
                "named_here": float(key(who).rpartition(" ")[2] in words),
                f"pronoun_for:{_kind(who)}": float(sentence["s:pronoun"]),
            }
            _add(merged, who, signals, sentence, "ctx")
        if said.who:
            _relate(merged, key(said.who))
            earlier.append((i, said.who))
        nobody = Candidate(
            NOBODY, {"nobody": 1.0, **{f"nobody|{k}": v for k, v in sentence.items()}}
        )
        out.append([*merged.values(), nobody])
    return out


def _relate(merged: dict[str, "Candidate"], rule: str) -> None:
    """How each other candidate stands to the rules' speaker: its head ("the German automaker"
    of "the German automaker, which …"), its end, a part of it, or a longer form of it."""
    for k, c in merged.items():
        if k == rule:
            continue
        c.signals["rule_prefix"] = float(rule.startswith(k + " "))
        c.signals["rule_suffix"] = float(rule.endswith(" " + k))
        c.signals["rule_inside"] = float(f" {k} " in f" {rule} ")
        c.signals["rule_within"] = float(f" {rule} " in f" {k} ")


def _add(
    merged: dict[str, Candidate],
    name: str,
    signals: dict[str, float],
    sentence: dict[str, float],
    source: str,
) -> None:
    """One candidate per name: signals from every source that offered it."""
    k = key(name)
    if not k:
        return
    crossed = {f"{source}|{s}": v for s, v in sentence.items()}
    if k in merged:
        merged[k].signals.update(signals)
        merged[k].signals.update(crossed)
        return
    merged[k] = Candidate(name.strip(" ,.;:\"“”'’"), {**signals, **crossed, **_shape(name)})


def _sentence_signals(text: str, said: Attribution) -> dict[str, float]:
    """What the sentence is like: quoted, opening with a quote or pronoun, with a verb of
    speech, with a speaker the rules found."""
    stripped = text.strip()
    words = [w.lower() for w in TOKEN_RE.findall(stripped)]
    first = next((w for w in words if w[:1].isalnum()), "")
    return {
        "s:quotes": float(any(c in stripped for c in '"“”')),
        "s:opens_quote": float(stripped[:1] in "\"“‘'"),
        "s:verb": float(any(w in VERBS for w in words)),
        "s:pronoun": float(first in PRONOUNS),
        "s:first_person": float(bool({"i", "we", "my", "our"} & set(words))),
        "s:rule": float(said.who is not None),
        "s:bias": 1.0,
    }


def _rule_signals(said: Attribution, text: str) -> dict[str, float]:
    who = said.who or ""
    in_text = key(who) in key(text)
    return {
        f"rule_verb:{said.verb or 'none'}": 1.0,
        "rule_in_text": float(in_text),
        f"rule_len:{min(len(who.split()), 8)}": 1.0,
        "rule_comma": float("," in who),
        "rule_clause": float(bool(re.search(r"\b(?:who|which|that|whose)\b", who))),
        "rule_lower_start": float(who[:1].islower()),
    }


def _shape(name: str) -> dict[str, float]:
    words = name.split()
    lower = name.lower()
    return {
        f"len:{min(len(words), 5)}": 1.0,
        "title": float(attribution.PERSON_TITLES.search(name) is not None),
        "person": float(attribution.NAME_RE.search(name) is not None),
        "org": float(bool(attribution.ORG_WORDS & set(re.findall(r"[\w.]+", lower)))),
        "capital": float(bool(words) and words[-1][:1].isupper()),
        "plural": float(bool(words) and words[-1].endswith("s") and words[-1].islower()),
        "possessive": float(lower.endswith(("’s", "'s"))),
        "pronoun": float(lower in PRONOUNS),
        "digit": float(any(c.isdigit() for c in name)),
        "comma": float("," in name),
    }


def _kind(who: str) -> str:
    head = re.split(r",|\s+of\s+", who)[0].split()
    org = attribution.ORG_WORDS & {w.lower().strip(".,") for w in head}
    if attribution.PERSON_TITLES.search(who) or attribution.NAME_RE.search(who) and not org:
        return "person"
    if head and head[-1].endswith("s") and head[-1].islower():
        return "group"
    return "org"


def _spans(text: str) -> list[tuple[str, dict[str, float]]]:
    """Noun phrases that may name a speaker, each with the words around it."""
    tokens = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    lowered = [t.lower().strip(".") for t, _, _ in tokens]
    quoted = _inside_quotes(text, tokens)
    spans: set[tuple[int, int]] = set()
    i = 0
    while i < len(tokens):  # capitalised names: "NASA’s Office of the Inspector General"
        if not _capital(tokens[i][0]) or lowered[i] in STOP:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (
            _capital(tokens[j][0])
            or lowered[j] in JOINERS
            and j + 1 < len(tokens)
            and _capital(tokens[j + 1][0])
        ):
            j += 1
        spans.add((i, j))
        if j < len(tokens) and _noun(tokens[j][0], lowered[j]):  # "NASA scientists"
            spans.add((i, j + 1))
        i = j
    for i, word in enumerate(lowered):  # "the study", "a senior Kurdish source"
        if word in DETERMINERS:
            for n in (1, 2, 3):
                end = i + 1 + n
                if end <= len(tokens) and all(_noun(*_pair(tokens, lowered, k)) for k in
                                              range(i + 1, end)):  # fmt: skip
                    spans.add((i, end))
        if word in VERBS and i:  # the words right before a verb: "officials say"
            for n in (1, 2):
                start = i - n
                if start >= 0 and all(_noun(*_pair(tokens, lowered, k)) for k in range(start, i)):
                    spans.add((start, i))
    return [
        (text[tokens[s][1] : tokens[e - 1][2]], _context(lowered, s, e, quoted))
        for s, e in sorted(spans)
    ]


def _stem(word: str) -> str:
    """A verb without its ending: "reported", "reports", "reporting" are one signal."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word


def _pair(tokens: list[tuple[str, int, int]], lowered: list[str], k: int) -> tuple[str, str]:
    return tokens[k][0], lowered[k]


def _capital(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


def _noun(token: str, low: str) -> bool:
    """A word that may be part of a noun phrase: not a stop word, verb or punctuation."""
    return (
        token[:1].isalpha()
        and low not in STOP
        and low not in VERBS
        and not low.endswith("ly")
        and not (low.endswith("ed") and token.islower())
    )


def _inside_quotes(text: str, tokens: list[tuple[str, int, int]]) -> list[bool]:
    inside, out = False, []
    for token, _, _ in tokens:
        if token in ("“", "”", '"'):
            inside = token == "“" or (token == '"' and not inside)
        out.append(inside)
    return out


def _context(lowered: list[str], s: int, e: int, quoted: list[bool]) -> dict[str, float]:
    """The words around a span: before it ("to", "by", "said"), after it (a verb), and where."""
    before = lowered[s - 1] if s else "<s>"
    before2 = lowered[s - 2] if s > 1 else "<s>"
    after = lowered[e] if e < len(lowered) else "</s>"
    after2 = lowered[e + 1] if e + 1 < len(lowered) else "</s>"
    verb_at = next((k - e for k in range(e, min(e + 5, len(lowered))) if lowered[k] in VERBS), -1)
    verb_before = any(lowered[k] in VERBS for k in range(max(0, s - 2), s))
    first = all(not w[:1].isalnum() or w in STOP for w in lowered[:s])
    speech = verb_at in (0, 1) and lowered[e + verb_at] in SPEECH
    verb = _stem(lowered[e + verb_at]) if verb_at >= 0 else "-"
    return {
        "subject_speech": float(first and speech),
        "speech_after": float(speech),
        f"subject_verb:{verb if first else '-'}": 1.0,
        f"verb:{verb}": 1.0,
        f"before_stem:{_stem(before)}": 1.0,
        "agent": float(before == "by" and before2 in VERBS | PASSIVE),
        "after_comma": float(after == ","),
        f"before:{before}": 1.0,
        f"before2:{before2} {before}": 1.0,
        f"after:{after}": 1.0,
        f"after2:{after} {after2}": 1.0,
        f"verb_at:{verb_at}": 1.0,
        "verb_after": float(verb_at >= 0),
        "verb_before": float(verb_before),
        "subject": float(first),
        "in_quote": float(quoted[s]),
        f"where:{min(4, 5 * s // max(1, len(lowered)))}": 1.0,
    }


def choose(texts: list[str], found: list[Attribution], model: checkable.Model) -> list[str | None]:
    """Each sentence's speaker: the most probable candidate, nobody included; a surname the
    rules or an earlier sentence give in full is given in full ("Peskov" as "Kremlin spokesman
    Dmitry Peskov")."""
    chosen: list[str | None] = []
    for offered in candidates(texts, found):
        best = max(offered, key=lambda c: model.probability(c.signals))
        chosen.append(_in_full(best, offered) or None)
    return chosen


def _in_full(best: Candidate, offered: list[Candidate]) -> str:
    """The chosen name, or the person's fuller name the rules or an earlier sentence gave."""
    tail = " " + key(best.name)
    fuller = [
        c
        for c in offered
        if ("rule" in c.signals or "ctx" in c.signals)
        and key(c.name).endswith(tail)
        and FULL_NAME_RE.fullmatch(c.name)
        and _kind(c.name) == "person"
    ]
    fuller.sort(key=lambda c: ("rule" not in c.signals, -c.signals.get("ctx:1", 0.0)))
    return fuller[0].name if len(best.name.split()) == 1 and fuller else best.name
