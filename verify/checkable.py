"""Checkable or not: a learned judgement, after the rules, of whether a sentence asserts
something another source could confirm. Pure; scoring needs nothing beyond the standard library.

The rules (`verify.notclaims`) turn down what has a form: datelines, questions, headings, plans
stated as plans. What is left was judged by a hand-weighted check-worthiness floor, and opinion,
comment and small talk passed it on every outlet the rules were not written from (eval/README.md:
the blind held-out-2 set kept 39 % of its non-claims). This logistic regression reads the
sentence's words and word pairs, how it opens and ends, the check-worthiness features, whether
it names a source and how many figures it holds. It judges English pages; on the others, which
are too few to learn from, the check-worthiness floor stays (`verify.extract`). It is trained
on the English sentences of the development gold sets by `eval/fit_checkable.py`, which
measures it by document, and its weights are refitted there, never edited by hand.
"""

import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from verify import prefilter
from verify.errors import InputError

FORMAT = 1
MODEL_FILE = "checkable-model.json"
# Words, with every number read as one "0": "12,000 troops" and "3 troops" share their signals.
WORD_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
# Rules whose verdict the model weighs, with or without figures: a forecast ("will be able to go
# 300 miles"), an opinion (two in five of the sentences its signs, "we", "you", "of course", turn
# down on the development sets are checkable; since round seventeen), an exhortation and an
# instruction (an imperative opening is often a report's: "Read more: 12 died", "Note that the
# plant closed in 2019"; since round twenty-six, when it cut non-claims kept at recall 0.88 from
# 0.252 to 0.233 under cross-validation by document).
SOFT_RULES = frozenset({"prediction", "opinion", "exhortation", "instruction"})
QUOTE_CHARS = "\"“”„«»‘’'「」"


@dataclass(frozen=True)
class Model:
    """A logistic regression as a bias and a weight per named signal. Below `threshold` a
    sentence is not queued (chosen under cross-validation by document)."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, signals: dict[str, float]) -> float:
        """P(checkable) from a sentence's signals (`signals`); unknown names weigh nothing."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in signals.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def as_json(self, **about: Any) -> dict[str, Any]:
        """The stored form; `about` adds provenance (data hashes, numbers) before the weights."""
        weights = {k: round(w, 4) for k, w in sorted(self.weights.items()) if abs(w) >= 1e-4}
        return {
            "format": FORMAT,
            "bias": round(self.bias, 4),
            "threshold": self.threshold,
            **about,
            "weights": weights,
        }


def signals(
    sentence: str,
    *,
    attributed: bool,
    n_quantities: int,
    worth: dict[str, float],
    rule: str | None = None,
) -> dict[str, float]:
    """What the model reads: lower-cased words and word pairs, the first word, how the sentence
    opens and ends, the check-worthiness features (`worth`, its score left out), attribution and
    figures, and the verdict of a rule in SOFT_RULES that turned the sentence down.
    English pages only: the other languages' pages are too few to learn their words."""
    text = sentence.strip()
    words = [w if not w[0].isdigit() else "0" for w in WORD_RE.findall(text.lower())]
    out: dict[str, float] = {f"w:{w}": 1.0 for w in words}
    out.update((f"b:{a} {b}", 1.0) for a, b in zip(words, words[1:], strict=False))
    if words:
        out[f"first:{words[0]}"] = 1.0
    out["attributed"] = float(attributed)
    out["figures"] = float(min(n_quantities, 3))
    out["opens_quote"] = float(text[:1] in QUOTE_CHARS)
    out["quotes"] = float(any(c in QUOTE_CHARS for c in text))
    bare = text.rstrip(QUOTE_CHARS + " )]")
    out[f"ends:{bare[-1:] if bare[-1:] in tuple('.!?:;,') else 'other'}"] = 1.0
    out.update((f"cw:{k}", v) for k, v in worth.items() if k != "score")
    if rule is not None:  # a rule in SOFT_RULES turned it down: the model weighs its verdict
        out[f"rule:{rule}"] = 1.0
    return out


def from_json(data: dict[str, Any]) -> Model:
    """A model from its stored form; a file of another format is a clear error."""
    if data.get("format") != FORMAT:
        raise InputError(
            f"checkable model format {data.get('format')!r} (expected {FORMAT}); "
            "refit it with eval/fit_checkable.py"
        )
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return Model(float(data["bias"]), weights, float(data["threshold"]))


@functools.cache
def shipped() -> Model:
    """The model shipped with verify, read once."""
    text = resources.files("verify").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return from_json(json.loads(text))


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
