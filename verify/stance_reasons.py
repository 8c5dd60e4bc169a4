"""The model's reasons in a reviewer's words. Pure.

`stance_model.StanceModel.pushes` names the features that pushed a pair towards its label;
this module says what they found in the texts themselves: "shares the figure 12,000 troops
and the rare words 'deploying', 'korea'; no negation where the passage restates the claim"
rather than feature names and numbers. Features that say the same thing (the similarity
scores, the page's scores, ...) are one aspect, named once; features that say nothing about
why (the claim alone, the texts' lengths) are not named.
"""

import functools
import re
from collections.abc import Iterable

from verify import figures, stance_features
from verify.stance_features import CUES, REPORTED, Lexicon, Pair, content_words, stem, tokens

REASONS = 3  # aspects named per judgement
SHOWN = 3  # words quoted per aspect

CUE_NAMES = {"neg": "negation", "deny": "denial words", "doubt": "doubt words",
             "hedge": "hedging", "confirm": "confirming words", "report": "reported speech",
             "question": "a question mark"}  # fmt: skip
SIDE_NAMES = {"claim": "the claim", "passage": "the passage", "top": "the page's nearest sentences",
              "page": "the page", "first": "the page's first sentence"}  # fmt: skip
OVERLAP = {"cos_passage", "fuzzy_set", "fuzzy_sort", "bigram_jaccard", "bm25",
           "rare_share_passage", "passage_covered", "shared_words",
           "stem_share_passage"}  # fmt: skip
PAGE = {"cos_page", "cos_page_best", "cos_page_top", "page_related_share", "rare_share_page",
        "rarest_in_page", "stem_share_page"}  # fmt: skip
# Features that may push but say nothing about why the passage supports, contradicts or is
# about the claim: the claim on its own, how long the texts are, whether a page was read.
FILLER = {"claim_words", "passage_words", "page_words", "has_page", "claim_figures"}


def explain(
    pair: Pair, pushes: Iterable[tuple[str, float, bool]], lexicon: Lexicon, k: int = REASONS
) -> str:
    """One line: the first `k` aspects among the features that pushed (name, value, above
    the mean), each in words found in the pair's texts."""
    phrases: list[str] = []
    seen: set[str] = set()
    for name, value, high in pushes:
        aspect = _aspect(name, high, pair.page is not None)
        if aspect in seen or aspect == "nothing":
            continue
        seen.add(aspect)
        phrase = _phrase(pair, aspect, name, value, high, lexicon)
        if phrase:
            phrases.append(phrase)
        if len(phrases) == k:
            break
    return "; ".join(phrases) or "no strong cue"


def _aspect(name: str, high: bool, has_page: bool) -> str:
    """Features that would say the same thing share an aspect: the similarity scores; the
    page's scores; one cue present wherever it is (a lone passage is its own nearest
    sentence). "nothing" for what says nothing about the pair (`FILLER`), a cue of the claim
    alone, and a cue's absence from one text ("no hedging in the passage": the features
    that hold the passage against the claim say that where it matters)."""
    if name in OVERLAP:
        return "overlap"
    if name in PAGE:
        return "page"
    if name in FILLER:
        return "nothing"
    side, _, cue = name.partition("_")
    if side in SIDE_NAMES and cue in CUE_NAMES:
        if side == "claim" or not high or (not has_page and side in ("page", "first")):
            return "nothing"
        return f"{cue} {high}"
    if name.startswith("top_") and not has_page:
        return name.replace("top_", "passage_", 1)
    if name in ("hedge_added", "deny_mismatch"):
        return f"{name.split('_')[0]} {high}"
    return name


def _phrase(pair: Pair, aspect: str, name: str, value: float, high: bool, lexicon: Lexicon) -> str:
    if aspect == "overlap":
        return _overlap(pair, high, lexicon)
    if aspect == "page":
        return _page(pair, high, lexicon)
    if name.startswith("top_") and pair.page is None:
        name = name.replace("top_", "passage_", 1)  # a lone passage is its own nearest sentence
    special = _special(pair, name, high)
    if special is not None:
        return special
    side, _, cue = name.partition("_")
    if side in SIDE_NAMES and cue in CUE_NAMES:
        return _cue(pair, side, cue)
    return ""


def _quoted(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in list(words)[:SHOWN])


def _rarest(words: Iterable[str], lexicon: Lexicon) -> list[str]:
    return sorted(words, key=lambda w: (-lexicon.weight(w), w))


# A piece of a figure in the matching form ("$800 million" is "8e 08"), not a word to show.
FIGURE_CODE_RE = re.compile(r"\d+e")


@functools.lru_cache(maxsize=4096)
def cached_tokens(text: str) -> tuple[str, ...]:
    """A text's tokens, remembered: a page's serve each of its passages' reasons."""
    return tuple(tokens(text))


@functools.lru_cache(maxsize=4096)
def cached_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words, remembered."""
    return frozenset(stem(w) for w in content_words(cached_tokens(text)))


def _shared(claim: str, other: str, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """(the claim's content words found in `other` by stem, rarest first; the rest)."""
    mine = {w for w in content_words(cached_tokens(claim)) if not FIGURE_CODE_RE.fullmatch(w)}
    theirs = cached_stems(other)
    found = [w for w in _rarest(mine, lexicon) if stem(w) in theirs]
    return found, [w for w in _rarest(mine, lexicon) if stem(w) not in theirs]


def _overlap(pair: Pair, high: bool, lexicon: Lexicon) -> str:
    found, missing = _shared(pair.claim, pair.passage, lexicon)
    figure, units = _figures_shared(pair)
    found = [w for w in found if w not in units]
    if high and (found or figure):
        words = f"the rare words {_quoted(found)}" if found else ""
        return "shares " + " and ".join(part for part in (figure, words) if part)
    if not found:
        return "shares none of the claim's words"
    return f"shares few of the claim's words (only {_quoted(found)}; not {_quoted(missing)})"


def _figures_shared(pair: Pair) -> tuple[str, set[str]]:
    """("the figure 12,000 troops" for the claim's figures the passage agrees with, the words
    of their units)."""
    found = stance_features.figures_in(pair.passage)
    agreeing = [c for c in pair.figures if c.unit and any(
        f.unit == c.unit and figures.agree(c, f, pair.tolerance) for f in found)]  # fmt: skip
    if not agreeing:
        return "", set()
    units = {w for q in agreeing for w in tokens(f"{q.unit} {q.noun}")}
    return "the figure " + ", ".join(q.describe() for q in agreeing[:SHOWN]), units


def _page(pair: Pair, high: bool, lexicon: Lexicon) -> str:
    if pair.page is None:
        return ""
    found, missing = _shared(pair.claim, pair.page, lexicon)
    if high and found:
        return f"the page shares the rare words {_quoted(found)}"
    if not found:
        return "the page shares none of the claim's words"
    return f"the page is mostly about something else (lacks {_quoted(missing)})"


def _texts(pair: Pair, side: str) -> list[str]:
    """The texts a cue feature of `side` reads."""
    if side == "claim":
        return [pair.claim]
    if side == "passage" or pair.page is None:
        return [pair.passage]
    return [pair.page]


def _cue(pair: Pair, side: str, cue: str) -> str:
    """A cue present in a text of the pair (`_aspect` leaves out the absent ones)."""
    where = SIDE_NAMES[side] if side != "top" or pair.page is not None else "the passage"
    if cue == "question":
        return f"{where} asks a question"
    words = CUES.get(cue, REPORTED)
    found = sorted({t for text in _texts(pair, side) for t in cached_tokens(text) if t in words})
    found = list(dict.fromkeys(_as_written(t) for t in found))
    quoted = f" ({_quoted(found)})" if found and (side != "top" or pair.page is None) else ""
    return f"{CUE_NAMES[cue]} in {where}{quoted}"


def negation_words(text: str) -> str:
    """The negations of a text, quoted: "'not', 'n't'"."""
    found = sorted({t for t in cached_tokens(text) if t in stance_features.NEGATION})
    return _quoted(_as_written(w) for w in found)


def _as_written(token: str) -> str:
    """A cue word as a reader knows it: the tokens split "didn't" into "didn" and "t"."""
    return "n't" if token == "t" else token


# What a feature's value says, above its mean and below it ("" for nothing worth saying):
# {negation} is the passage's negation words, {who} the passage's speaker.
TEMPLATES = {
    "passage_neg_main": ("a negation ({negation}) where the passage restates the claim",
                         "no negation where the passage restates the claim"),
    "passage_neg_other": ("a negation ({negation}) only in another clause", ""),
    "neg_mismatch": ("only one side is negated", "negated on both sides or neither"),
    "passage_deny_main": ("denial words where the passage restates the claim",
                          "no denial in the passage"),
    "deny_mismatch": ("only one side denies it", "no denial the claim lacks"),
    "hedge_added": ("the passage hedges where the claim does not", "no hedging the claim lacks"),
    "passage_attributed": ("reported speech ({who} says so)", "in the outlet's own voice"),
    "same_speaker": ("the claim's own speaker says it", ""),
    "reported_denial": ("reports a denial by {who}", ""),
    "top_neg_main": ("negation where the page's nearest sentences restate the claim",
                     "no negation where the page restates the claim"),
    "top_deny_main": ("denial words where the page's nearest sentences restate the claim",
                      "no denial where the page restates the claim"),
    "shared_numbers": ("{shared}", "shares no figure"),
    "new_numbers": ("{new}", ""),
}  # fmt: skip
FIGURES = {"passage_figures_agree": "passage", "passage_figures_conflict": "passage",
           "page_figures_agree": "page", "page_figures_conflict": "page"}  # fmt: skip


def _special(pair: Pair, name: str, high: bool) -> str | None:
    """The phrase of a feature that is not a cue, or None for a cue."""
    if name in FIGURES:
        return _compared(pair, pair.passage if FIGURES[name] == "passage" else pair.page)
    if name not in TEMPLATES:
        return None
    template = TEMPLATES[name][0 if high else 1]
    fields = {"negation": "", "who": "", "shared": "", "new": ""}
    if "{negation}" in template:
        fields["negation"] = negation_words(pair.passage)
    if "{who}" in template:
        fields["who"] = stance_features.speaker(pair.passage) or "someone"
    if "{shared}" in template or "{new}" in template:
        fields["shared"], fields["new"] = _numbers(pair, shared=True), _numbers(pair, shared=False)
    return template.format(**fields)


def _compared(pair: Pair, text: str | None) -> str:
    if text is None:
        return ""
    compared = figures.compare(pair.figures, stance_features.figures_in(text), pair.tolerance)
    return "" if compared is None else compared.text


def _numbers(pair: Pair, *, shared: bool) -> str:
    mine = _numbers_as_written(pair.claim)
    theirs = _numbers_as_written(pair.passage)
    found = [theirs[k] for k in sorted(theirs) if (k in mine) == shared]
    if not found:
        return ""
    if shared:
        return f"shares the number {', '.join(found[:SHOWN])}"
    return f"gives numbers the claim lacks ({', '.join(found[:SHOWN])})"


DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=4096)
def _numbers_as_written(text: str) -> dict[str, str]:
    """A text's numbers by value, each as the text writes it: its figures ("$800 million"),
    then the numbers no figure holds ("2014"). The matching form cannot be shown: it spells
    $800 million as "8e 08"."""
    found: dict[str, str] = {}
    spans = []
    for q in stance_features.figures_in(text):
        found.setdefault(f"{q.value:g}", q.text.strip())
        spans.append((q.start, q.end))
    clean = stance_features.clean(text)  # the text figures_in reads, so the spans line up
    for match in DIGITS_RE.finditer(clean):
        if not any(start <= match.start() < end for start, end in spans):
            found.setdefault(match.group().replace(",", ""), match.group())
    return found
