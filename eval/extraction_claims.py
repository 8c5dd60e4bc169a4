"""Score verify's claim extraction (`verify.extract.claims`) on the hand-annotated gold set
(`eval/data/claims_gold.jsonl`, guidelines in `eval/data/README.md`).

    python eval/extraction_claims.py ../shared/data            # metrics beside their targets
    python eval/extraction_claims.py ../shared/data --show 5   # and 5 mismatches per category
    python eval/extraction_claims.py ../shared/data --gold OTHER.jsonl  # another gold file

Each gold document's full text (and its address, where the data set gives one, as ingest passes
the page's) goes through `extract.claims`; each candidate is aligned to the
gold sentence it overlaps most (character offsets). A gold sentence is "kept" when a candidate
aligns to it. Figures match when value, unit, bound and currency agree (units and currencies
normalised as described in the README); speakers match after normalising case, punctuation and
articles. Only the attributes `start`, `end`, `attributed_to` and `quantities` (each with `value`,
`unit`, `bound`, `low`, `approx`, `start`, `end`, and `currency` when it exists) are read, so
the extractor's API may grow without breaking this script.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from claims_gold import (
    GOLD,
    DocKey,
    Figure,
    GoldError,
    GoldSentence,
    document_urls,
    load_with_documents,
)

from verify import extract

TARGETS = {
    "figure_precision": 0.95,
    "figure_recall": 0.90,
    "speaker_accuracy": 0.90,
    "checkable_recall": 0.85,
    "non_claims_kept": 0.10,  # at most
}

# Unit spellings that mean the same thing (compared after lower-casing and singularising).
UNIT_SYNONYMS = {
    "percent": "%", "per cent": "%", "pct": "%", "percentage": "%",
    "people": "person", "persons": "person", "orang": "person",
    "men": "man", "women": "woman", "children": "child",
    "yr": "year", "tahun": "year", "год": "year", "года": "year", "лет": "year",
    "hr": "hour", "min": "minute", "sec": "second",
    "feet": "foot", "ft": "foot", "mm": "millimeter", "millimetre": "millimeter",
    "metre": "meter", "km": "kilometer", "kilometre": "kilometer", "km/h": "kph", "kmh": "kph",
    "miles per hour": "mph",
    "tablespoon": "tbsp", "teaspoon": "tsp", "oz": "ounce", "tonnes": "tonne",
    "year-old": "year", "years-old": "year", "year old": "year", "years old": "year",
}  # fmt: skip
# Currency words and symbols an extractor may leave in the unit, and their ISO 4217 codes.
CURRENCY_WORDS = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "us dollar": "USD",
    "u.s. dollar": "USD", "£": "GBP", "gbp": "GBP", "sterling": "GBP", "€": "EUR",
    "eur": "EUR", "euro": "EUR", "hk$": "HKD", "hkd": "HKD", "hong kong dollar": "HKD",
    "rs": "INR", "rs.": "INR", "₹": "INR", "inr": "INR", "rupee": "INR", "yuan": "CNY",
    "rmb": "CNY", "cny": "CNY", "yen": "JPY", "¥": "JPY", "jpy": "JPY", "naira": "NGN",
    "₦": "NGN", "ngn": "NGN",
}  # fmt: skip
ARTICLES = {"the", "a", "an"}
# A title or descriptor before a name ("White House Press Secretary", "A new survey from").
MAX_TITLE_WORDS = 8
# "agent Sabine Rollinger of Vladi" names a person of the gold's source, not the source.
OF_SOMEONE = {"of", "at", "for", "with"}


@dataclass(frozen=True)
class Fig:
    """A figure reduced to what is compared: value, normalised unit, bound, low, currency."""

    value: float
    unit: str
    bound: str
    low: float | None
    currency: str | None
    text: str
    start: int | None = None
    end: int | None = None
    unit_optional: bool = False  # gold unit not written beside the number: no unit is fine too

    def describe(self) -> str:
        low = f"{_num(self.low)}–" if self.low is not None else ""
        money = f" {self.currency}" if self.currency else ""
        return f"{low}{_num(self.value)} {self.unit or '-'} [{self.bound}]{money} ({self.text!r})"


@dataclass
class Aligned:
    """The candidates that align to one gold sentence."""

    gold: GoldSentence
    candidates: list[Any] = field(default_factory=list)

    @property
    def kept(self) -> bool:
        return bool(self.candidates)

    def figures(self) -> list[Fig]:
        return [predicted_figure(q) for c in self.candidates for q in _quantities(c)]

    def speaker(self) -> str | None:
        if not self.candidates:
            return None
        best = max(self.candidates, key=lambda c: _overlap(c, self.gold))
        who = getattr(best, "attributed_to", None)
        return str(who) if who else None


def _num(value: float) -> str:
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _quantities(candidate: Any) -> list[Any]:
    return list(getattr(candidate, "quantities", None) or ())


def _overlap(candidate: Any, gold: GoldSentence) -> int:
    return max(0, min(int(candidate.end), gold.end) - max(int(candidate.start), gold.start))


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def unit_key(unit: str | None) -> str:
    """Lower-cased, singular, synonyms folded; 'per barrel' / 'a tonne' compare as the noun."""
    text = unicodedata.normalize("NFKC", unit or "").lower().strip(" .,;:()")
    text = re.sub(r"^(per|a|an|each)\s+", "", text)
    text = UNIT_SYNONYMS.get(text, text)
    words = text.split()
    if words:
        words[-1] = _singular(words[-1])
    text = " ".join(words)
    return UNIT_SYNONYMS.get(text, text)


def currency_of(unit: str | None, written: str = "") -> str | None:
    """ISO code of a currency named by a unit; "pound" only counts as money beside a £."""
    text = unicodedata.normalize("NFKC", unit or "").lower().strip(" .,;:()")
    if _singular(text) == "pound" and "£" in written:
        return "GBP"
    return CURRENCY_WORDS.get(text) or CURRENCY_WORDS.get(_singular(text))


# Spans of time that are a number of years: "two decades" and "20 years" are one figure.
IN_YEARS = {"decade": 10.0, "century": 100.0}


def _in_years(fig: Fig) -> Fig:
    factor = IN_YEARS.get(fig.unit)
    if factor is None:
        return fig
    low = None if fig.low is None else fig.low * factor
    return replace(fig, value=fig.value * factor, unit="year", low=low)


def gold_figure(f: Figure) -> Fig:
    written = Fig(
        value=float(f.value),
        unit=unit_key(f.unit),
        bound=f.bound,
        low=None if f.low is None else float(f.low),
        currency=f.currency,
        text=f.text,
        start=f.start,
        end=f.end,
        unit_optional=f.unit_implicit,
    )
    return _in_years(written)


def predicted_figure(q: Any) -> Fig:
    """An extractor's Quantity, read defensively: approx + exact counts as the bound 'approx'."""
    bound = str(getattr(q, "bound", None) or "exact")
    if bound == "exact" and getattr(q, "approx", False):
        bound = "approx"
    raw_unit = getattr(q, "noun", None) or getattr(q, "unit", None)
    written = str(getattr(q, "text", ""))
    named = currency_of(raw_unit, written)
    currency = getattr(q, "currency", None) or named
    unit = "" if named else unit_key(raw_unit)
    low = getattr(q, "low", None)
    return _in_years(
        Fig(
            value=float(q.value),
            unit=unit,
            bound=bound,
            low=None if low is None else float(low),
            currency=str(currency).upper() if currency else None,
            text=written,
            start=getattr(q, "start", None),
            end=getattr(q, "end", None),
        )
    )


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def unit_head(unit: str) -> str:
    """The noun a unit names, without the words that qualify it: "processor core" is counted
    in cores, "syrian refugee" in refugees; a rate keeps its "per" ("alarm per shift")."""
    if " per " in f" {unit} ":
        return unit
    return unit.split()[-1] if unit else unit


def full_match(gold: Fig, predicted: Fig) -> bool:
    unit_ok = predicted.unit in (gold.unit, unit_head(gold.unit)) or (
        gold.unit_optional and not predicted.unit
    )
    return (
        _close(gold.value, predicted.value)
        and unit_ok
        and gold.bound == predicted.bound
        and (gold.bound != "range" or _close(gold.low, predicted.low))
        and gold.currency == predicted.currency
    )


def value_match(gold: Fig, predicted: Fig) -> bool:
    return _close(gold.value, predicted.value)


def pair_up(
    gold: Sequence[Fig], predicted: Sequence[Fig], same: Callable[[Fig, Fig], bool]
) -> tuple[list[tuple[Fig, Fig]], list[Fig], list[Fig]]:
    """Greedy one-to-one matching: (matched pairs, gold left over, predicted left over)."""
    left = list(predicted)
    pairs: list[tuple[Fig, Fig]] = []
    missed: list[Fig] = []
    for g in gold:
        hit = next((p for p in left if same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            pairs.append((g, hit))
            left.remove(hit)
    return pairs, missed, left


def speaker_key(name: str) -> str:
    """Case, punctuation, quotes and leading articles removed; possessive 's kept as a word."""
    text = unicodedata.normalize("NFKC", name).lower()
    text = re.sub(r"[’'`]s\b", " s", text)
    words = re.findall(r"[^\W_]+(?:[-.][^\W_]+)*", text)
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def speaker_correct(predicted: str | None, gold: GoldSentence, strict: bool = False) -> bool:
    """Right when the name equals the gold speaker, its core or an alternative, or is a
    contiguous part of one of them that keeps the core's last word ('Clark' for 'Emirates
    President Tim Clark')."""
    if not predicted or not gold.speaker:
        return False
    said = speaker_key(predicted)
    core = speaker_key(gold.speaker_core or gold.speaker)
    names = [speaker_key(n) for n in (gold.speaker, core, *gold.speaker_alternatives)]
    if said in names:
        return True
    surname = core.split()[-1] if core else ""
    wanted = f" {said} "
    if bool(surname) and surname in said.split() and any(wanted in f" {n} " for n in names):
        return True
    return not strict and names_longer_form(predicted, [core, *names[2:]])


def names_longer_form(predicted: str, cores: Sequence[str]) -> bool:
    """A longer form naming the same source: the core whole, after at most a short title or
    descriptor with no comma ("the highly refutable website National Report", "A new survey
    from UBS") and before any apposition ("Paul Torrey, associate professor … and co-author of
    the study"). A clause before the name ("Detailing the results …, analyst X") is not one,
    nor someone of the source ("agent Sabine Rollinger of Vladi" for "Vladi").
    Decided before the fifth and sixth blind sets were scored; the strict score leaves it out."""
    raw = unicodedata.normalize("NFKC", predicted)
    for core in cores:
        words = core.split()
        if not words:
            continue
        gap = r"[\W_]+"
        found = re.search(r"(?<!\w)" + gap.join(map(re.escape, words)) + r"(?!\w)", raw, re.I)
        if not found:
            continue
        head = raw[: found.start()]
        words_before = head.lower().split()
        if "," in head or len(words_before) > MAX_TITLE_WORDS:
            continue
        if not words_before or words_before[-1] not in OF_SOMEONE:
            return True
    return False


def align(golds: Sequence[GoldSentence], candidates: Iterable[Any]) -> list[Aligned]:
    """Each candidate joins the gold sentence it overlaps most; ties go to the earlier one."""
    rows = [Aligned(g) for g in golds]
    for c in candidates:
        best = max(rows, key=lambda row: _overlap(c, row.gold), default=None)
        if best is not None and _overlap(c, best.gold) > 0:
            best.candidates.append(c)
    return rows


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0


@dataclass
class Report:
    rows: list[Aligned]
    candidates: int
    unaligned: int
    seconds: float
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def extract_all(
    golds: Sequence[GoldSentence],
    texts: dict[DocKey, str],
    urls: dict[DocKey, str] | None = None,
    model: Any = None,
) -> Report:
    """`model`: the checkable model to extract with (default: the shipped one); the
    cross-validation in fit_checkable.py hands each fold the model that never saw its pages."""
    by_doc: dict[DocKey, list[GoldSentence]] = defaultdict(list)
    for g in golds:
        by_doc[g.key].append(g)
    rows: list[Aligned] = []
    total = unaligned = 0
    started = time.perf_counter()
    for key, doc_golds in by_doc.items():
        found = list(extract.claims(texts[key], url=(urls or {}).get(key), model=model))
        total += len(found)
        aligned = align(doc_golds, found)
        unaligned += len(found) - sum(len(row.candidates) for row in aligned)
        rows += aligned
    return Report(rows, total, unaligned, time.perf_counter() - started)


def _pct(x: float) -> str:
    return f"{x:.3f}"


def _short(text: str, width: int = 150) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def score(report: Report) -> dict[str, float]:
    rows, ex = report.rows, report.examples
    checkable = [r for r in rows if r.gold.checkable]
    non_claims = [r for r in rows if not r.gold.checkable]
    kept_checkable = sum(r.kept for r in checkable)
    candidates_on_checkable = sum(len(r.candidates) for r in checkable)
    kept_non_claims = sum(r.kept for r in non_claims)

    main, main_values, every, every_values = Counts(), Counts(), Counts(), Counts()
    figure_errors: Counter[str] = Counter()
    for r in rows:
        gold = [gold_figure(f) for f in r.gold.figures]
        predicted = r.figures()
        pairs, missed, extra = pair_up(gold, predicted, full_match)
        value_pairs, _, _ = pair_up(gold, predicted, value_match)
        every.add(len(pairs), len(predicted), len(gold))
        every_values.add(len(value_pairs), len(predicted), len(gold))
        if not r.gold.checkable:
            continue
        main.add(len(pairs), len(predicted), len(gold))
        main_values.add(len(value_pairs), len(predicted), len(gold))
        for g in missed:
            twin = next((p for p in extra if value_match(g, p)), None)
            if twin is None:
                kind = "missed" if r.kept else "missed (sentence not kept)"
            elif twin.unit not in (g.unit, unit_head(g.unit)) and not (
                g.unit_optional and not twin.unit
            ):
                kind = "wrong unit"
            elif twin.bound != g.bound or not (g.bound != "range" or _close(g.low, twin.low)):
                kind = "wrong bound"
            else:
                kind = "wrong currency"
            figure_errors[kind] += 1
            got = twin.describe() if twin else "nothing"
            ex[f"figure: {kind}"].append(
                f"[{r.gold.id}] gold {g.describe()} / got {got}\n      {_short(r.gold.text)}"
            )
        for p in extra:
            if not any(value_match(g, p) for g in missed):
                figure_errors["spurious"] += 1
                ex["figure: spurious"].append(
                    f"[{r.gold.id}] got {p.describe()}\n      {_short(r.gold.text)}"
                )

    with_speaker = [r for r in checkable if r.gold.speaker]
    kept_with_speaker = [r for r in with_speaker if r.kept]
    right = [r for r in kept_with_speaker if speaker_correct(r.speaker(), r.gold)]
    strict = [r for r in right if speaker_correct(r.speaker(), r.gold, strict=True)]
    for r in kept_with_speaker:
        if r not in right:
            ex["speaker: wrong"].append(
                f"[{r.gold.id}] gold {r.gold.speaker!r} / got {r.speaker()!r}\n"
                f"      {_short(r.gold.text)}"
            )
    no_speaker_kept = [r for r in checkable if not r.gold.speaker and r.kept]
    invented = [r for r in no_speaker_kept if r.speaker()]
    for r in invented:
        ex["speaker: given where the text names none"].append(
            f"[{r.gold.id}] got {r.speaker()!r}\n      {_short(r.gold.text)}"
        )
    for r in checkable:
        if not r.kept:
            ex["checkable sentence not kept"].append(f"[{r.gold.id}] {_short(r.gold.text)}")

    results = {
        "checkable_recall": kept_checkable / len(checkable) if checkable else 0.0,
        "checkable_precision": candidates_on_checkable / report.candidates
        if report.candidates
        else 0.0,
        "non_claims_kept": kept_non_claims / len(non_claims) if non_claims else 0.0,
        "figure_precision": main.precision,
        "figure_recall": main.recall,
        "speaker_accuracy": len(right) / len(kept_with_speaker) if kept_with_speaker else 0.0,
        # right speakers over every checkable sentence that has one, kept or not: comparable
        # between extractors that keep different sentences
        "speaker_end_to_end": len(right) / len(with_speaker) if with_speaker else 0.0,
    }

    print(
        f"Gold: {len(rows)} sentences ({len(checkable)} checkable) in "
        f"{len({r.gold.key for r in rows})} documents; extractor: {report.candidates} "
        f"candidates in {report.seconds:.2f} s ({report.unaligned} outside any gold sentence)"
    )
    print()
    print("metric                                          value   target")
    line = "{:<46} {:>7}   {}"
    print(
        line.format(
            "checkable-claim recall (sentences kept)", _pct(results["checkable_recall"]), "≥ 0.85"
        )
    )
    print(
        line.format(
            "checkable-claim precision (candidates)", _pct(results["checkable_precision"]), "—"
        )
    )
    print(line.format("non-claims kept", _pct(results["non_claims_kept"]), "≤ 0.10"))
    print(
        line.format(
            f"figure precision ({main.tp}/{main.predicted})", _pct(main.precision), "≥ 0.95"
        )
    )
    print(line.format(f"figure recall ({main.tp}/{main.gold})", _pct(main.recall), "≥ 0.90"))
    print(
        line.format(
            f"  value-only precision ({main_values.tp}/{main_values.predicted})",
            _pct(main_values.precision),
            "",
        )
    )
    print(
        line.format(
            f"  value-only recall ({main_values.tp}/{main_values.gold})",
            _pct(main_values.recall),
            "",
        )
    )
    print(
        line.format(
            f"  all sentences: precision ({every.tp}/{every.predicted})", _pct(every.precision), ""
        )
    )
    print(line.format(f"  all sentences: recall ({every.tp}/{every.gold})", _pct(every.recall), ""))
    print(
        line.format(
            f"speaker accuracy, kept ({len(right)}/{len(kept_with_speaker)})",
            _pct(results["speaker_accuracy"]),
            "≥ 0.90",
        )
    )
    print(
        line.format(
            f"  strict: gold forms only ({len(strict)}/{len(kept_with_speaker)})",
            _pct(len(strict) / len(kept_with_speaker)) if kept_with_speaker else "-",
            "",
        )
    )
    print(
        line.format(
            f"  end to end ({len(right)}/{len(with_speaker)})",
            _pct(len(right) / len(with_speaker)) if with_speaker else "-",
            "",
        )
    )
    print(
        line.format(
            f"  speaker invented ({len(invented)}/{len(no_speaker_kept)})",
            _pct(len(invented) / len(no_speaker_kept)) if no_speaker_kept else "-",
            "",
        )
    )
    print(
        "Figures on checkable gold sentences; speakers on checkable gold sentences that have one."
    )

    print(
        "\nFigure errors on checkable sentences:",
        ", ".join(f"{k} {n}" for k, n in figure_errors.most_common()) or "none",
    )
    _breakdowns(rows)
    return results


def _breakdowns(rows: Sequence[Aligned]) -> None:
    print("\nNot-claims kept, by kind:")
    kinds: dict[str, list[Aligned]] = defaultdict(list)
    for r in rows:
        if r.gold.not_claim:
            kinds[r.gold.not_claim].append(r)
    for kind, found in sorted(kinds.items(), key=lambda kv: -sum(r.kept for r in kv[1])):
        print(f"  {kind:<12} {sum(r.kept for r in found):>3} / {len(found)}")

    print("\nNumbers that are not figures, taken as figures (by kind):")
    taken: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in rows:
        spans = [(p.start, p.end) for p in r.figures() if p.start is not None and p.end is not None]
        for n in r.gold.non_figures:
            total[n.kind] += 1
            if any(s < n.end and n.start < e for s, e in spans):
                taken[n.kind] += 1
    for kind, n in total.most_common():
        print(f"  {kind:<12} {taken[kind]:>3} / {n}")

    nested = [r for r in rows if r.gold.nested]
    right = [
        r for r in nested if r.kept and r.gold.speaker and speaker_correct(r.speaker(), r.gold)
    ]
    named = [r for r in nested if r.gold.speaker]
    print(
        f"\nNested claims: {sum(r.kept for r in nested)} / {len(nested)} kept; "
        f"queued as the claimant's on {len(right)} / {len(named)} with a named claimant"
    )

    print("\nBy data set:")
    for ds in sorted({r.gold.dataset for r in rows}):
        part = [r for r in rows if r.gold.dataset == ds]
        chk = [r for r in part if r.gold.checkable]
        non = [r for r in part if not r.gold.checkable]
        print(
            f"  {ds:<5} checkable recall {sum(r.kept for r in chk)}/{len(chk)}, "
            f"non-claims kept {sum(r.kept for r in non)}/{len(non)}"
        )


def show(report: Report, n: int) -> None:
    rows = report.rows
    for r in rows:
        if r.gold.not_claim and r.kept:
            report.examples[f"non-claim kept: {r.gold.not_claim}"].append(
                f"[{r.gold.id}] {_short(r.gold.text)}"
            )
        for nf in r.gold.non_figures:
            hits = [
                p
                for p in r.figures()
                if p.start is not None
                and p.end is not None
                and p.start < nf.end
                and nf.start < p.end
            ]
            if hits:
                report.examples[f"not a figure, taken as one: {nf.kind}"].append(
                    f"[{r.gold.id}] {nf.text!r} -> {hits[0].describe()}"
                )
    for category in sorted(report.examples):
        items = report.examples[category]
        print(f"\n== {category} ({len(items)})")
        for item in items[:n]:
            print(f"  {item}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_root", type=Path, help="folder holding the shared data sets")
    parser.add_argument(
        "--show", type=int, default=0, metavar="N", help="print N mismatches per category"
    )
    parser.add_argument(
        "--gold",
        type=Path,
        default=GOLD,
        help="gold file in the same format, e.g. a held-out set (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        golds, texts = load_with_documents(args.data_root, args.gold)
    except GoldError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    report = extract_all(golds, texts, document_urls(args.data_root, texts.keys()))
    score(report)
    if args.show:
        show(report, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
