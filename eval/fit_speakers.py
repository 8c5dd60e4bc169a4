"""Fit the speaker ranker (`eval/speaker_ranker.py`) and measure it by document, beside the
rules' speakers. A fifth-round experiment, not shipped (eval/README.md, "Fifth round").

    python eval/fit_speakers.py ../shared/data    # cross-validation by document, per set

Training: every sentence on an English page of the four annotated sets in `eval/data/`, read
exactly as ingest reads it (`extract.readings`), aligned to the gold sentence it overlaps most;
each of its candidate speakers (`speaker_ranker.candidates`: the rules' speaker, the sentence's
noun phrases, the speakers of the sentences before it) is labelled right or wrong with the
scorer's own test (`extraction_claims.speaker_correct`: the gold `speaker`, `speaker_core` or an
alternative, or a part of one that keeps the core's last word). A sentence whose gold names no
speaker labels all its candidates wrong: that is what teaches the threshold to give nobody.

The documents of the four sets are dealt into the same five folds BY DOCUMENT as
`fit_checkable.py` (a hash of the document key); each fold's pages are read with a model that
never saw them. For each regularisation C and threshold it prints, per set and pooled, on the
checkable gold sentences: speaker accuracy where gold names a speaker (every sentence, kept or
not) and how often a speaker is given where gold names none, beside the rules alone. The setting
that ships gets the most sentences right (the right speaker, or none where there is none), on
those same out-of-fold numbers. That choice is then run through the whole extractor fold by
fold, each page with the checkable model and the ranker of the fold that held it out (the
ranker's choice replacing the rules' speaker of each claim but the disputed ones), and scored
with `eval/extraction_claims.py`'s scorer per set and pooled, beside the rules' speakers.
"""

import argparse
import itertools
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import speaker_ranker
from claims_gold import DocKey, GoldSentence, document_urls
from extraction_claims import Aligned, Report, align, speaker_correct
from fit_checkable import METRICS, Row, Setting, folds, gold_rows, quiet_score
from fit_checkable import OUT as CHECKABLE_OUT
from fit_checkable import train as train_checkable

from verify import checkable, extract

MIN_COUNT = 2
GRID = {"c": (0.03, 0.1, 0.3)}
SHIFTS = (-1.5, -1.0, -0.5, 0.0)  # added to nobody's weight


@dataclass
class Group:
    """One extractor sentence: its gold sentence, the rules' speaker and the candidates."""

    doc: DocKey
    gold: GoldSentence
    rule: str | None
    candidates: list[tuple[str, dict[str, float], bool]]


def groups(golds_by_set: dict[str, list[GoldSentence]], texts: dict[DocKey, str]) -> list[Group]:
    """Every sentence of the English pages with its labelled candidates."""
    out: list[Group] = []
    for golds in golds_by_set.values():
        by_doc: dict[DocKey, list[GoldSentence]] = defaultdict(list)
        for g in golds:
            by_doc[g.key].append(g)
        for key, doc_golds in by_doc.items():
            lang, found = extract.readings(texts[key])
            if lang != "en":
                continue
            offered = speaker_ranker.candidates(
                [r.sentence.text for r in found], [r.said for r in found]
            )
            for r, cands in zip(found, offered, strict=True):
                s = r.sentence
                best = max(doc_golds, key=lambda g: min(g.end, s.end) - max(g.start, s.start))
                if min(best.end, s.end) - max(best.start, s.start) <= 0:
                    continue
                labelled = [(c.name, c.signals, _right(c.name, best)) for c in cands]
                out.append(Group(key, best, r.said.who, labelled))
    return out


def _right(name: str, gold: GoldSentence) -> bool:
    """Whether a candidate is the gold speaker; nobody is right where gold names none."""
    if name == speaker_ranker.NOBODY:
        return gold.speaker is None
    return speaker_correct(name, gold)


def train(data: Sequence[Group], c: float, shift: float = 0.0) -> checkable.Model:
    """A conditional logit: one weight per signal, fitted so that in each sentence the right
    candidates (nobody, where gold names no speaker) take the most of a softmax over its
    candidates; L2 penalty 1/(2C). `shift` is added to nobody's weight."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    usable = [g for g in data if any(label for _, _, label in g.candidates)]
    counts: dict[str, int] = defaultdict(int)
    for g in usable:
        for _, s, _ in g.candidates:
            for name in s:
                counts[name] += 1
    names = sorted(n for n, k in counts.items() if k >= MIN_COUNT)
    index = {n: i for i, n in enumerate(names)}
    values: list[float] = []
    cols: list[int] = []
    ptr = [0]
    labels: list[float] = []
    starts: list[int] = []
    for g in usable:
        starts.append(len(labels))
        for _, s, label in g.candidates:
            for n, v in s.items():
                if n in index:
                    cols.append(index[n])
                    values.append(v)
            ptr.append(len(cols))
            labels.append(float(label))
    x = csr_matrix((values, cols, ptr), shape=(len(labels), len(names)))
    y = np.array(labels)
    at = np.array(starts)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(at, len(labels))))

    def loss(w: Any) -> tuple[float, Any]:
        z = x @ w
        top = np.maximum.reduceat(z, at)
        e = np.exp(z - top[group])
        every = np.add.reduceat(e, at)
        right = np.add.reduceat(e * y, at)
        value = float(np.sum(np.log(every) - np.log(right)) + w @ w / (2 * c))
        grad = x.T @ (e / every[group] - e * y / right[group]) + w / c
        return value, grad

    fitted = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B")
    weights = dict(zip(names, map(float, fitted.x), strict=True))
    weights["nobody"] = weights.get("nobody", 0.0) + shift
    return checkable.Model(0.0, weights, 0.0)


def pick(model: checkable.Model, g: Group) -> tuple[str | None, float]:
    """The best named candidate and its margin over nobody (in log-odds)."""

    def z(s: dict[str, float]) -> float:
        return sum(model.weights.get(k, 0.0) * v for k, v in s.items())

    nobody = next(z(s) for name, s, _ in g.candidates if name == speaker_ranker.NOBODY)
    scored = [(z(s), name) for name, s, _ in g.candidates if name != speaker_ranker.NOBODY]
    if not scored:
        return None, -1e9
    best, name = max(scored)
    return name, best - nobody


def out_of_fold(data: Sequence[Group], held_out: list[set[DocKey]], c: float) -> list[Any]:
    """Every group with the pick of the model that never saw its document."""
    scored: list[tuple[Group, str | None, float]] = []
    for held in held_out:
        model = train([g for g in data if g.doc not in held], c)
        scored += [(g, *pick(model, g)) for g in data if g.doc in held]
    return scored


def rates(chosen: Sequence[tuple[Group, str | None]]) -> tuple[float, float, int]:
    """On checkable gold sentences: accuracy where gold names a speaker, the share given one
    where it names none, and how many sentences are right either way."""
    named = [(g, who) for g, who in chosen if g.gold.checkable and g.gold.speaker]
    unnamed = [(g, who) for g, who in chosen if g.gold.checkable and not g.gold.speaker]
    right = sum(speaker_correct(who, g.gold) for g, who in named)
    invented = sum(who is not None for _, who in unnamed)
    accuracy = right / len(named) if named else 0.0
    return accuracy, invented / len(unnamed) if unnamed else 0.0, right + len(unnamed) - invented


def cells(chosen: Sequence[tuple[Group, str | None]], ids: dict[str, set[str]]) -> str:
    out = []
    for members in [*ids.values(), set().union(*ids.values())]:
        accuracy, invented, _ = rates([x for x in chosen if x[0].gold.id in members])
        out.append(f"{accuracy:.3f} / {invented:.3f}")
    return "".join(f"{x:>17}" for x in out)


def extract_ranked(
    golds: Sequence[GoldSentence],
    texts: dict[DocKey, str],
    urls: dict[DocKey, str],
    model: checkable.Model,
    ranker: checkable.Model | None,
) -> Report:
    """Like `extraction_claims.extract_all`, each claim's speaker replaced by the ranker's
    choice for its sentence (English pages; disputed claims keep their claimant)."""
    by_doc: dict[DocKey, list[GoldSentence]] = defaultdict(list)
    for g in golds:
        by_doc[g.key].append(g)
    rows: list[Aligned] = []
    total = 0
    for key, doc_golds in by_doc.items():
        found = extract.read(texts[key], url=urls.get(key), model=model).candidates
        lang, read = extract.readings(texts[key])
        if ranker is not None and lang == "en":
            said = [r.said for r in read]
            chosen = speaker_ranker.choose([r.sentence.text for r in read], said, ranker)
            who = {r.sentence.start: w for r, w in zip(read, chosen, strict=True)}
            found = [c if c.dispute else replace(c, attributed_to=who[c.start]) for c in found]
        total += len(found)
        rows += align(doc_golds, found)
    return Report(rows, total, 0, 0.0)


def whole_extractor(
    rows: Sequence[Row],
    golds_by_set: dict[str, list[GoldSentence]],
    texts: dict[DocKey, str],
    urls: dict[DocKey, str],
    rankers: dict[frozenset[DocKey], checkable.Model] | None,
) -> dict[str, dict[str, float]]:
    """Every page through the extractor with the shipped checkable setting trained without its
    fold, speakers by the fold's ranker (or the rules), scored per set and pooled."""
    shipped = json.loads(CHECKABLE_OUT.read_text(encoding="utf-8"))
    setting = Setting(shipped["setting"]["C"], shipped["setting"]["claimbuster_weight"])
    assert setting.claimbuster == 0, "the checkable folds here train on the gold rows alone"
    reports: dict[str, list[Aligned]] = defaultdict(list)
    for held in folds(rows):
        model = train_checkable(
            [r for r in rows if r.doc not in held], setting, shipped["threshold"]
        )
        ranker = rankers[frozenset(held)] if rankers else None
        for name, golds in golds_by_set.items():
            part = [g for g in golds if g.key in held]
            reports[name] += extract_ranked(part, texts, urls, model, ranker).rows if part else []
    reports["pooled"] = [row for found in list(reports.values()) for row in found]
    scored = {n: quiet_score(Report(found, 0, 0, 0.0)) for n, found in reports.items()}
    return {n: {m: round(v[m], 3) for m in METRICS} for n, v in scored.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_root", type=Path, help="folder holding the shared data sets")
    args = parser.parse_args(argv)
    rows, golds_by_set, texts = gold_rows(args.data_root)
    urls = document_urls(args.data_root, texts.keys())
    held_out = folds(rows)
    data = groups(golds_by_set, texts)
    ids = {name: {g.id for g in golds} for name, golds in golds_by_set.items()}
    print(
        f"{len(data)} sentences, {sum(len(g.candidates) for g in data)} candidates in "
        f"{len({g.doc for g in data})} English documents; {len(held_out)} folds by document"
    )
    heading = "".join(f"{n:>17}" for n in [*ids, "pooled"])
    print(f"\n{'accuracy (named) / given (unnamed)':40}{heading}")
    print(f"{'rules alone':40}" + cells([(g, g.rule) for g in data], ids))
    best: tuple[int, float, float] | None = None
    for (c,) in itertools.product(*GRID.values()):
        scored = out_of_fold(data, held_out, c)
        print(f"ranker C {c}")
        for t in SHIFTS:
            chosen = [(g, who if p > t else None) for g, who, p in scored]
            print(f"{f'  nobody weight + {t}':40}" + cells(chosen, ids))
            _, _, right = rates(chosen)
            if best is None or right > best[0]:
                best = (right, c, t)
    assert best is not None
    _, c, threshold = best
    print(f"\nChosen: C {c}, nobody weight + {threshold}")
    rankers = {
        frozenset(held): train([g for g in data if g.doc not in held], c, threshold)
        for held in held_out
    }
    print("The whole extractor, each page with the checkable model and ranker that never saw it:")
    for label, chosen in (("rules' speakers", None), ("ranker", rankers)):
        numbers = whole_extractor(rows, golds_by_set, texts, urls, chosen)
        print(f"{label:20}" + "".join(f"{n:>9}" for n in numbers))
        for m in METRICS:
            print(f"  {m:18}" + "".join(f"{numbers[n][m]:9.3f}" for n in numbers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
