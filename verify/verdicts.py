"""Publishers' ratings → one verdict (workflow.VERDICTS). Words decide first, in any case, with or
without accents, followed by an explanation ("FALSO: the video is from 2019") or led by an
intensifier ("really false"); else the rating's place on its own scale, when it lies on it.
Pure, and never raises on what a publisher wrote."""

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache

# verdict → publishers' words for it, across languages; [factchecks.wording] adds to these.
# Our own export's names are here too, so a review we wrote comes back with what it meant:
# "Disputed" says sources disagree, not that the claim is mostly false.
_WORDS = {
    "false": (
        "false", "pants on fire", "incorrect", "wrong", "fake", "fabricated", "not true", "untrue",
        "four pinocchios", "hoax", "scam", "altered", "false and misleading",
        "falso", "bulo", "no es cierto", "faux", "falsch", "frei erfunden", "onwaar", "fałsz",
        "salah", "hoaks", "yanlış", "ложь", "неправда", "фейк",
        "زائف", "خطأ", "كاذب", "غير صحيح", "مفبرك", "錯誤", "错误", "謠言", "谣言", "假訊息",
        "假信息", "誤り",
    ),
    "mostly_false": (
        "mostly false", "largely false", "three pinocchios", "plutôt faux", "mayormente falso",
        "größtenteils falsch", "grotendeels onwaar",
    ),
    "mixed": (
        "half true", "half truth", "mixture", "mixed", "partly true", "partly false",
        "partially true", "partially false", "two pinocchios", "disputed", "parcialmente falso",
        "parcialmente verdadero", "discutible", "partiellement faux", "partiellement vrai",
        "c'est plus compliqué", "teilweise falsch", "teilweise richtig", "полуправда",
        "sebagian benar",
        "نصف صحيح", "صحيح جزئيا", "部分錯誤", "部分错误", "半真半假",
    ),
    "misleading": (
        "misleading", "missing context", "needs context", "out of context", "lacks context",
        "exaggerated", "distorted", "miscaptioned", "outdated", "engañoso", "enganoso",
        "exagerado", "fuera de contexto", "sin contexto", "distorcido", "fora de contexto",
        "trompeur", "manque de contexte", "hors contexte", "exagéré", "irreführend",
        "fehlender kontext", "fuorviante", "misleidend", "yanıltıcı", "menyesatkan",
        "manipulacja", "манипуляция", "маніпуляція", "مضلل", "易生誤解", "易生误解", "誤導",
        "误导", "缺乏背景", "ミスリード",
    ),
    "mostly_true": (
        "mostly true", "largely true", "mostly accurate", "one pinocchio", "plutôt vrai",
        "mayormente verdadero", "größtenteils richtig", "c'eri quasi", "ほぼ正確",
    ),
    "true": (
        "true", "correct", "accurate", "corroborated", "geppetto checkmark", "verdadero", "cierto",
        "verdadeiro", "vrai", "richtig", "vero", "waar", "prawda", "benar", "doğru", "правда",
        "صحيح", "正確", "正确",
    ),
    "unproven": (
        "unproven", "unverified", "unsupported", "no evidence", "unsubstantiated", "not proven",
        "research in progress", "sin evidencia", "inchequeable", "infondé", "unbelegt",
        "senza prove", "證據不足", "证据不足", "根拠不明",
    ),
    "satire": ("satire", "labeled satire", "sátira", "satira", "ساخر"),
}  # fmt: skip
WORDING = {word: verdict for verdict, words in _WORDS.items() for word in words}
# Words that only make a rating louder: "really false", "totalmente falso" are "false".
# Written as _keys compares them: lower case, no accents ("völlig" → "vollig").
INTENSIFIERS = frozenset(
    {"really", "totally", "completely", "entirely", "absolutely", "clearly", "utterly", "100%",
     "totalmente", "completamente", "totalement", "completement", "vollig", "komplett"}
)  # fmt: skip
# Where a rating's word ends and the publisher's explanation begins ("FALSO: …", "False - …").
_EXPLANATION = re.compile(r"\s*(?::|\||\(|\[| [-–—] |\. )")
_JOINERS = re.compile(r"[\s_\-‐‑–—]+")
SCALE = ((0.2, "false"), (0.4, "mostly_false"), (0.6, "mixed"), (0.8, "mostly_true"))


def normalise(
    rating_text: str | None,
    value: float | None = None,
    best: float | None = None,
    worst: float | None = None,
    *,
    wording: Mapping[str, str] | None = None,
) -> str | None:
    """The verdict behind a publisher's rating: its words first, else its place on the scale."""
    table = _table(tuple(sorted((wording or {}).items())))
    if rating_text:
        for key in _keys(rating_text):
            if key in table:
                return table[key]
    return _on_scale(value, best, worst)


def _on_scale(value: float | None, best: float | None, worst: float | None) -> str | None:
    """A verdict from a number, only when it lies on a real scale (finite, best ≠ worst)."""
    if value is None or best is None or worst is None or best == worst:
        return None
    if not all(math.isfinite(x) for x in (value, best, worst)):
        return None
    share = (value - worst) / (best - worst)
    if not 0 <= share <= 1:  # off the publisher's own scale: says nothing
        return None
    return next((verdict for limit, verdict in SCALE if share <= limit), "true")


def _fold(text: str) -> str:
    """Lower case without accents or marks: "Engañoso" and "ENGANOSO" read alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> str:
    return " ".join(_JOINERS.sub(" ", text).split()).strip(" .!¡?¿,;:\"'“”‘’«»")


def _keys(rating_text: str) -> Iterator[str]:
    """The ways a rating may name a verdict: whole, before its explanation, without intensifiers."""
    folded = _fold(rating_text)
    whole = _words(folded)
    head = _words(_EXPLANATION.split(folded.strip(), maxsplit=1)[0])
    for key in (whole, head):
        yield key
        words = key.split()
        while words and words[0] in INTENSIFIERS:
            words = words[1:]
        yield " ".join(words)


@lru_cache(maxsize=16)
def _table(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Our wording and the workflow's (which wins), keyed as _keys reads a rating."""
    merged = {**WORDING, **dict(extra)}
    return {_words(_fold(word)): verdict for word, verdict in merged.items()}
