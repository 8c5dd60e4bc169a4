"""Score verify's stance judgement on public data, with cross-validation by claim.

    python eval/stance.py ../shared/data [--folds 5] [--repeats 3] [--no-rules-only]

DATA_ROOT holds `fnc1/` (train portion) and `emergent/` (dev portion). The model is trained and
scored exactly as `python -m verify.train` does (same pairs, features, folds and seed): every
pair is judged by a model that never saw its claim, in either set. Printed for each set, beside
the published references:
- rules only: verify before the model (fuzzy match ≥ min_score + shared rare words, then
  figures / denial / hedging / negation rules; a document that discusses the claim mentions it);
- model only: relatedness, then the most likely stance;
- model and rules: the model, with the figure-conflict and reported-denial rules first (what
  `stance.judge_many` does);
and the reliability of the confidences (model and rules, both sets).

One run's numbers move by several tenths when the folds are drawn again. `--repeats N` draws
them N times (seeds `--seed`, `--seed` + 1, ...; the first is the shipped model's draw), on
the same pairs and features, prints each draw and then the mean ± standard deviation over the
draws. The headline number is that mean, model and rules.

FNC-1: headline vs body, the body's sentence nearest the headline as the passage. Labels
agree / disagree / discuss / unrelated = supports / contradicts / mentions / unrelated.
Emergent: claim vs article headline (for / against / observing = supports / contradicts /
mentions). Its pairs are all related and the published task is the stance alone, so it is
scored twice: the full judgement (unrelated counts as observing) and the stance stage alone.
"""

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import process

from verify import config, extract, matching, stance, train, workflow
from verify.quantities import find
from verify.stance_data import Example

# The rules-only baseline is verify before the model, with the in-memory matcher it had then.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import inmemory  # noqa: E402

RANK = {"contradicts": 3, "supports": 2, "mentions": 1, "unrelated": 0}
REFERENCES = {
    "fnc1": "official baseline 75.20 % (held-out competition test; 79.53 % on its dev); "
    "UCL Machine Reading 81.72 %, winner 82.02 %; all-unrelated 39.37 %",
    "emergent": "Ferreira & Vlachos 73.28 % (held-out test); always 'for' 48.6 % here",
}


def rules_only(claim: str, passages: Sequence[str], flow: workflow.Workflow) -> str:
    """verify's stance before the model: the best passage's rule-based judgement; 'mentions'
    when only the document as a whole discusses the claim; 'unrelated' when nothing matches."""
    norm_claim = matching.normalise(claim)
    words = matching.content_words(norm_claim)
    normed = [matching.normalise(p) for p in passages]
    index = inmemory.BlockingIndex(normed)
    hits = process.extract(
        norm_claim, normed, scorer=matching.SCORERS[flow.scorer], processor=None,
        score_cutoff=flow.min_score, limit=5,
    )  # fmt: skip
    best = "unrelated"
    claimed = find(claim)
    for _, score, i in hits:
        share = matching.overlap(words, matching.content_words(normed[i]), index.weight)
        if share < matching.MIN_SHARE:
            continue
        label = stance.judge(
            claim, claimed, passages[i], score=score, share=share, min_score=flow.min_score,
            tolerance=flow.quantity_tolerance,
        ).label  # fmt: skip
        best = max(best, label, key=RANK.__getitem__)
    if best == "unrelated" and inmemory.discussed(
        [norm_claim], normed, [0] * len(normed), index=index, matched=set()
    ):
        return "mentions"
    return best


def rules_only_labels(examples: Sequence[Example]) -> list[str]:
    flow = workflow.load(config.default_workflow())
    sentences: dict[str, list[str]] = {}
    labels = []
    for e in examples:
        if not e.scored:
            labels.append("unrelated")  # not scored
            continue
        if e.page is None:
            labels.append(rules_only(e.claim, [e.passage], flow))
            continue
        if e.page not in sentences:
            sentences[e.page] = [s.text for s in extract.sentences(e.page)]
        labels.append(rules_only(e.claim, sentences[e.page], flow))
    return labels


def show(name: str, numbers: dict[str, dict[str, float]]) -> None:
    fnc, emergent = numbers["fnc1"], numbers["emergent"]
    print(f"  {name:<16} FNC-1 score {100 * fnc['fnc_score']:5.2f} %  accuracy "
          f"{100 * fnc['accuracy']:5.2f} %  F1 agree {fnc['f1_agree']:.3f} disagree "
          f"{fnc['f1_disagree']:.3f} discuss {fnc['f1_discuss']:.3f} unrelated "
          f"{fnc['f1_unrelated']:.3f}  macro {fnc['macro_f1']:.3f}")  # fmt: skip
    show_emergent("", emergent)


def show_emergent(name: str, e: dict[str, float]) -> None:
    print(f"  {name:<16} Emergent accuracy {100 * e['accuracy']:5.2f} %  F1 for {e['f1_for']:.3f}"
          f" against {e['f1_against']:.3f} observing {e['f1_observing']:.3f}  macro "
          f"{e['macro_f1']:.3f}")  # fmt: skip


ROWS = (
    ("FNC-1 score", "fnc1", "fnc_score", 100),
    ("FNC-1 F1 agree", "fnc1", "f1_agree", 1),
    ("FNC-1 F1 disagree", "fnc1", "f1_disagree", 1),
    ("FNC-1 F1 discuss", "fnc1", "f1_discuss", 1),
    ("Emergent accuracy", "emergent", "accuracy", 100),
    ("Emergent F1 for", "emergent", "f1_for", 1),
    ("Emergent F1 against", "emergent", "f1_against", 1),
    ("Emergent F1 observing", "emergent", "f1_observing", 1),
)


def spread(draws: Sequence[dict[str, Any]]) -> None:
    """Mean ± standard deviation (n - 1) over the draws, for each row that decides a target."""
    print(f"  over {len(draws)} fold draws: mean ± sd (min–max)")
    for kind, label in (("model", "model only"), ("model_and_rules", "model and rules")):
        for name, dataset, key, scale in ROWS:
            values = np.array([scale * d[kind][dataset][key] for d in draws])
            sd = float(values.std(ddof=1)) if len(values) > 1 else 0.0
            print(f"    {label:<16} {name:<22} {values.mean():7.3f} ± {sd:.3f} "
                  f"({values.min():.3f}–{values.max():.3f})")  # fmt: skip
    for kind, label in (("model", "model only"), ("model_and_rules", "model and rules")):
        values = np.array([100 * d["stance_stage"][kind]["accuracy"] for d in draws])
        sd = float(values.std(ddof=1)) if len(values) > 1 else 0.0
        print(f"    {label:<16} {'Emergent, stance stage':<22} {values.mean():7.3f} ± {sd:.3f} "
              f"({values.min():.3f}–{values.max():.3f})")  # fmt: skip


def report(runs: Sequence[tuple[int, train.Run]], rules: list[str] | None) -> None:
    """Each draw's numbers, then their spread."""
    draws = []
    for seed, run in runs:
        numbers = train.evaluation(run)
        draws.append(numbers)
        print(f"fold draw seed {seed}:")
        if rules is not None:
            show("rules only", train.metrics(run.examples, rules))
        show("model only", numbers["model"])
        show("model and rules", numbers["model_and_rules"])
        print("  rules where they decide (pairs the model finds related; right of fired, and "
              "the smoothed precision (right + 1) / (fired + 2) their confidence uses): "
              + ", ".join(f"{name} {r['right']:,} of {r['fired']:,}, {r['precision']:.3f}"
                          for name, r in numbers["rules"].items()))  # fmt: skip
        print("  Emergent, stance stage alone (its pairs are all related, as the task is posed):")
        show_emergent("model only", numbers["stance_stage"]["model"])
        show_emergent("model and rules", numbers["stance_stage"]["model_and_rules"])
        print(
            f"  calibration: relatedness Platt {run.platt.page[0]:.3f}·logit + "
            f"{run.platt.page[1]:.3f} with a page, {run.platt.alone[0]:.3f}·logit + "
            f"{run.platt.alone[1]:.3f} for a passage alone; stance temperature "
            f"{run.temperature:.3f}; fitted on the out-of-fold scores"
        )
        print(
            "  reliability (model and rules, both sets): confidence bin, pairs, mean "
            "confidence, share right"
        )
        for row in numbers["reliability"]:
            print(
                f"    {row['from']:.1f}–{row['to']:.1f}  {row['pairs']:6,}  "
                f"{row['confidence']:.3f}  {row['accuracy']:.3f}"
            )
    spread(draws)
    print(f"  references: FNC-1 {REFERENCES['fnc1']}")
    print(f"              Emergent {REFERENCES['emergent']}")
    print("  targets (issue 10): FNC-1 score ≥ 80 %, F1 agree ≥ 0.50, disagree ≥ 0.20; "
          "Emergent accuracy ≥ 73 %, F1 against ≥ 0.40")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder holding fnc1/ and emergent/")
    parser.add_argument("--folds", type=int, default=train.FOLDS)
    parser.add_argument(
        "--seed",
        type=int,
        default=train.SEED,
        help="seed of the first fold draw (the shipped model's: %(default)s)",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="fold draws, seeds --seed, --seed + 1, ... (~20 min each on a shared 2-core machine)",
    )
    parser.add_argument("--no-rules-only", action="store_true",
                        help="skip the rules-only run (about 3 minutes)")  # fmt: skip
    args = parser.parse_args()
    started = time.perf_counter()
    run = train.prepare(
        args.root, folds=args.folds, seed=args.seed, log=lambda line: print(f"  {line}")
    )
    runs = [(args.seed, run)]
    for seed in range(args.seed + 1, args.seed + args.repeats):
        runs.append((seed, train.redraw(run, args.folds, seed)))
        print(f"  fold draw {seed} ({time.perf_counter() - started:.0f} s)")
    real = [e for e in run.examples if e.scored]
    print(f"FNC-1 train portion: {sum(e.dataset == 'fnc1' for e in real):,} pairs; Emergent dev "
          f"portion: {sum(e.dataset == 'emergent' for e in real):,} pairs; {args.folds}-fold "
          "cross-validation by claim (no claim in two folds, across both sets)")  # fmt: skip
    report(runs, None if args.no_rules_only else rules_only_labels(run.examples))
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
