"""Which language an article is written in, from its commonest short words. Pure.

Only what figures need: the language decides how "17.000" and "3,5" read (Indonesian and German
group thousands with "." and write decimals with ","). Counting a handful of function words is
enough for whole articles and costs microseconds; a trained identifier would add a model to load.
"""

import re
from collections import Counter

DEFAULT = "en"
# Words frequent in one language and rare in the others (case-folded).
COMMON_WORDS = {
    "en": ("the", "and", "of", "to", "is", "that", "was", "for", "with", "said"),
    "id": ("yang", "dan", "di", "dengan", "untuk", "tidak", "dari", "ini", "itu", "akan"),
    "de": ("der", "die", "und", "das", "nicht", "ist", "mit", "auf", "sich", "dem"),
    "fr": ("le", "les", "des", "et", "est", "une", "pour", "dans", "qui", "pas"),
    "es": ("el", "los", "las", "del", "y", "por", "una", "con", "es", "lo"),
    "pt": ("os", "às", "dos", "não", "uma", "em", "ao", "são", "também", "foi"),
    "it": ("il", "che", "della", "per", "non", "sono", "gli", "nel", "anche", "alla"),
    "nl": ("het", "een", "van", "niet", "zijn", "voor", "ook", "wordt", "naar", "dat"),
    "ru": ("и", "в", "не", "на", "что", "с", "по", "это", "как", "для"),
}
_OWNER = {w: lang for lang, words in COMMON_WORDS.items() for w in words}
# Scripts that belong to one language (or that no rule here reads): a page mostly in one of them
# is that language, whatever English words it quotes. Read by code point, no word list needed.
SCRIPTS = {
    "ko": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),  # Hangul
    "ja": re.compile(r"[\u3040-\u30ff]"),  # kana (Japanese mixes them with kanji)
    "zh": re.compile(r"[\u4e00-\u9fff]"),  # Han without kana
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "he": re.compile(r"[\u0590-\u05ff]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "hi": re.compile(r"[\u0900-\u097f]"),
}
MIN_SCRIPT_SHARE = 0.3  # of the sample's letters
WORD_RE = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 4000
MIN_HITS = 5


# Scripts written without spaces between words: kana and Han (Hangul uses spaces).
UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def word_count(text: str) -> int:
    """How many words text has. Japanese and Chinese put no spaces between words: there, about
    one word for every two characters (a sentence of 40 kana and kanji is some 20 words, not
    one), so length rules ("a fragment of two words") read them as they read English."""
    spaced = len(text.split())
    unspaced = len(UNSPACED_RE.findall(text))
    return spaced + unspaced // 2 if unspaced else spaced


def guess(text: str) -> str:
    """ISO 639-1 code of the language text is most likely in; English when unsure."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(c.isalpha() for c in sample)
    for lang, script in SCRIPTS.items():
        if letters and len(script.findall(sample)) >= MIN_SCRIPT_SHARE * letters:
            return lang
    counts = Counter(
        _OWNER[w] for w in (m.group().lower() for m in WORD_RE.finditer(sample)) if w in _OWNER
    )
    if not counts:
        return DEFAULT
    lang, hits = counts.most_common(1)[0]
    return lang if hits >= MIN_HITS else DEFAULT
