"""Train the stance model and write it into the package, with its numbers beside it.

    python -m verify.train DATA_ROOT [--out FILE] [--folds 5]     (or: make model)

DATA_ROOT holds `fnc1/` (train portion) and `emergent/` (dev portion); there is no test split
here and none is used. Steps, with a fixed seed:
1. fit the idf and the page vocabulary (both label-free, on all the text) and build the pairs:
   FNC-1 headline vs body (its sentence nearest the headline as the passage), Emergent claim vs
   article headline; for relatedness only, two headlines of one story (FNC-1 headlines of one
   body, Emergent headlines of one claim) and look-alike headlines of other claims;
2. cross-validate by claim group (no claim in two folds, across both sets): out-of-fold
   probabilities give the evaluation numbers and fit the calibration (Platt scaling for
   relatedness, apart for passages alone and with their page; a temperature for stance);
3. fit both stages on all the data and write the arrays, the idf, the feature list, the data's
   sha256, the library versions and the cross-validated numbers to one JSON file.

Needs scikit-learn (the `dev` extra); using the model needs only numpy.
"""

import argparse
import dataclasses
import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from scipy.optimize import minimize_scalar  # type: ignore[import-untyped]

from verify import stance, stance_data, stance_features, stance_model
from verify.errors import VerifyError
from verify.stance_data import Example
from verify.stance_features import Bag, Lexicon
from verify.stance_model import Network, Platt, StanceModel

SEED = 13
FOLDS = 5
STANCES = ("supports", "contradicts", "mentions")
LABELS = (*STANCES, "unrelated")
FNC_NAMES = {"supports": "agree", "contradicts": "disagree", "mentions": "discuss",
             "unrelated": "unrelated"}  # fmt: skip
EMERGENT_NAMES = {"supports": "for", "contradicts": "against", "mentions": "observing"}
# Chosen by the cross-validated numbers (eval/README.md): one hidden layer of 64 ReLUs on
# standardised features (L2 `alpha`), the stance classes weighted by (balanced weight) ** 0.3
# so that the rare "contradicts" is not drowned. A logistic regression scored 0.6-1.5 points
# lower on both sets; gradient boosting was no better at relatedness and harder to ship.
# Relatedness averages `ensemble` networks of different seeds (shipped as one wider network);
# the stance stage also reads the page's bag of words (its `vocabulary` most common words,
# the UCL Machine Reading recipe's body vector), with a stronger L2 (`stance_alpha`).
LEARNER: dict[str, Any] = {"kind": "mlp", "hidden": 64, "alpha": 0.01, "balance": 0.3,
                           "ensemble": 5, "stance_alpha": 0.1, "vocabulary": 5000,
                           "stance_ensemble": 3}  # fmt: skip


@dataclass
class Fitted:
    """Both stages fitted on some rows, before calibration."""

    mean: np.ndarray
    scale: np.ndarray
    relatedness: Network  # the stance network's `bag` holds the page-bag weights
    stance: Network
    classes: tuple[str, ...]


def _network(model: Any, width: int | None = None) -> Network:
    """A fitted scikit-learn LogisticRegression or MLPClassifier as arrays; inputs from
    `width` on are a bag's (its weights go to `Network.bag`)."""
    if hasattr(model, "coefs_"):
        weights = [np.asarray(w) for w in model.coefs_]
        biases = tuple(np.asarray(b) for b in model.intercepts_)
    else:
        weights = [np.asarray(model.coef_).T]
        biases = (np.asarray(model.intercept_),)
    if width is None or weights[0].shape[0] == width:
        return Network(tuple(weights), biases)
    bag = weights[0][width:]
    weights[0] = weights[0][:width]
    return Network(tuple(weights), biases, bag)


def _average(networks: Sequence[Network]) -> Network:
    """One network whose logits are the mean of the given one-hidden-layer networks' (their
    hidden units side by side, bag weights too)."""
    if len(networks) == 1:
        return networks[0]
    k = len(networks)
    bags = [n.bag for n in networks if n.bag is not None]
    return Network(
        (np.hstack([n.weights[0] for n in networks]),
         np.vstack([n.weights[1] for n in networks]) / k),
        (np.concatenate([n.biases[0] for n in networks]),
         np.mean([n.biases[1] for n in networks], axis=0)),
        np.hstack(bags) if bags else None,
    )  # fmt: skip


def _weights(labels: np.ndarray, power: float) -> dict[str, float]:
    """Class weights between none (power 0) and balanced (power 1)."""
    names, counts = np.unique(labels, return_counts=True)
    return {
        str(n): float((len(labels) / (len(names) * c)) ** power)
        for n, c in zip(names, counts, strict=True)
    }


def _learner(learner: dict[str, Any], seed: int = SEED, alpha: float | None = None) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    if learner["kind"] == "logistic":
        return LogisticRegression(C=learner["C"], max_iter=5000, random_state=seed)
    return MLPClassifier(
        hidden_layer_sizes=(learner["hidden"],),
        alpha=learner["alpha"] if alpha is None else alpha, max_iter=300,
        early_stopping=True, random_state=seed,
    )  # fmt: skip


def fit(
    x: np.ndarray,
    labels: np.ndarray,
    learner: dict[str, Any] = LEARNER,
    stance_rows: np.ndarray | None = None,
    bags: Any = None,
) -> Fitted:
    """Relatedness on every row, stance on the related rows among `stance_rows` (default:
    all), on standardised features; the stance stage also on `bags` (a sparse matrix of the
    rows' page bags) when given."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    relatedness = _average([
        _network(_learner(learner, SEED + k).fit(z, labels != "unrelated"))
        for k in range(learner.get("ensemble", 1))
    ])  # fmt: skip
    rows = np.isin(labels, STANCES)
    if stance_rows is not None:
        rows &= stance_rows
    weights = _weights(labels[rows], learner.get("balance", 0.0))
    inputs = z[rows] if bags is None else sparse.hstack([z[rows], bags[rows]], format="csr")
    sample_weight = np.array([weights[str(label)] for label in labels[rows]])
    stance_fits = [
        _learner(learner, SEED + k, alpha=learner.get("stance_alpha")).fit(
            inputs, labels[rows], sample_weight=sample_weight
        )
        for k in range(learner.get("stance_ensemble", 1))
    ]
    return Fitted(
        mean, scale, relatedness, _average([_network(f, x.shape[1]) for f in stance_fits]),
        tuple(str(c) for c in stance_fits[0].classes_),
    )  # fmt: skip


def bag_matrix(bags: Sequence[Bag | None], width: int) -> Any:
    """The rows' page bags as a sparse matrix (rows × vocabulary); no page, no words."""
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for i, bag in enumerate(bags):
        if bag is not None:
            rows += [i] * len(bag[0])
            cols += bag[0]
            values += bag[1]
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(bags), width))


def fit_vocabulary(examples: Sequence[Example], size: int) -> tuple[str, ...]:
    """The `size` words in most of the training pages (label-free, like the idf), most
    common first."""
    counts: Counter[str] = Counter()
    for page in sorted({e.page for e in examples if e.page is not None}):
        counts.update(set(stance_features.read_page_terms(page)))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(w for w, c in ranked[:size] if c >= 2)


@dataclass
class OutOfFold:
    """Uncalibrated out-of-fold scores for every row."""

    related_logit: np.ndarray  # (n,)
    stance_logits: np.ndarray  # (n, 3), columns in `classes` order
    classes: tuple[str, ...]


def cross_validate(
    x: np.ndarray,
    labels: np.ndarray,
    groups: np.ndarray,
    *,
    folds: int = FOLDS,
    learner: dict[str, Any] = LEARNER,
    stance_rows: np.ndarray | None = None,
    bags: Any = None,
    seed: int = SEED,
) -> OutOfFold:
    """Scores for each row from a model that never saw its claim group; `seed` draws the
    folds (the groups are shuffled before they are dealt), the networks keep SEED."""
    from sklearn.model_selection import GroupKFold

    related = np.zeros(len(labels))
    stances = np.zeros((len(labels), len(STANCES)))
    classes: tuple[str, ...] = ()
    splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(x, labels, groups):
        fitted = fit(x[train], labels[train], learner,
                     None if stance_rows is None else stance_rows[train],
                     None if bags is None else bags[train])  # fmt: skip
        z = (x[test] - fitted.mean) / fitted.scale
        related[test] = fitted.relatedness.logits(z)[:, 0]
        bag = fitted.stance.bag
        extra = None if bag is None or bags is None else np.asarray(bags[test] @ bag)
        stances[test] = fitted.stance.logits(z, extra)
        classes = fitted.classes
    return OutOfFold(related, stances, classes)


def calibrate(oof: OutOfFold, labels: np.ndarray, has_page: np.ndarray) -> tuple[Platt, float]:
    """Platt scaling of the relatedness logit, apart for passages alone and for passages with
    their page, and a temperature for the stance logits, fitted to the out-of-fold scores by
    log-loss (the temperature on the rows with a stance label)."""
    from sklearn.linear_model import LogisticRegression

    fitted = []
    for rows in (~has_page, has_page):
        scaling = LogisticRegression(C=1e6).fit(
            oof.related_logit[rows, None], labels[rows] != "unrelated"
        )
        fitted.append((float(scaling.coef_[0, 0]), float(scaling.intercept_[0])))
    related = np.isin(labels, oof.classes)
    truth = np.array([oof.classes.index(str(label)) for label in labels[related]])
    logits = oof.stance_logits[related]

    def loss(temperature: float) -> float:
        p = stance_model.softmax(logits / temperature)
        return float(-np.log(p[np.arange(len(truth)), truth] + 1e-12).mean())

    temperature = float(minimize_scalar(loss, bounds=(0.05, 20.0), method="bounded").x)
    return Platt(fitted[0], fitted[1]), temperature


def probabilities(
    oof: OutOfFold, platt: Platt, temperature: float, has_page: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    related = platt.probability(oof.related_logit, has_page)
    return related, stance_model.softmax(oof.stance_logits / temperature)


def with_page(x: np.ndarray) -> np.ndarray:
    """Which feature rows read a whole page (the others judge a passage alone)."""
    out: np.ndarray = x[:, stance_features.NAMES.index("has_page")] > 0
    return out


Fired = tuple[str, stance.Judgement] | None


def decide(
    related: np.ndarray,
    stances: np.ndarray,
    classes: Sequence[str],
    rules: Sequence[Fired] | None = None,
    precision: dict[str, float] | None = None,
) -> tuple[list[str], list[float]]:
    """Labels and confidences as `stance.judge_many` gives them: unrelated below the threshold,
    then the rule if one fires (when `rules` is given), else the most likely stance."""
    labels, confidences = [], []
    for i in range(len(related)):
        fired = rules[i] if rules is not None else None
        if related[i] < stance.RELATED:
            labels.append("unrelated")
            confidences.append(float(1 - related[i]))
        elif fired is not None:
            name, judgement = fired
            labels.append(judgement.label)
            if judgement.label == "unrelated":
                confidences.append((precision or {}).get(name, 0.5))
            else:
                confidences.append(float(related[i]))
        else:
            best = int(np.argmax(stances[i]))
            labels.append(classes[best])
            confidences.append(float(related[i] * stances[i, best]))
    return labels, confidences


def f1_scores(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, float]:
    out = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        out[label] = 2 * tp / max(2 * tp + fp + fn, 1)
    return out


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official FNC-1 score as a share of the best possible."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        related = g != "unrelated"
        best += 0.25 + (0.75 if related else 0)
        score += 0.25 if related == (p != "unrelated") else 0
        score += 0.75 if related and g == p else 0
    return score / best


def metrics(examples: Sequence[Example], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """FNC-1 score, accuracy, per-class F1 (in each set's own label names). Emergent's pairs
    are all related and its task is the stance alone; "unrelated" counts as "observing"."""
    out: dict[str, dict[str, float]] = {}
    for dataset, names in (("fnc1", FNC_NAMES), ("emergent", EMERGENT_NAMES)):
        rows = [(e.label, p) for e, p in zip(examples, predicted, strict=True)
                if e.dataset == dataset and e.scored]  # fmt: skip
        if not rows:
            continue
        gold = [names.get(g, "observing") for g, _ in rows]
        pred = [names.get(p, "observing") for _, p in rows]  # Emergent has no "unrelated"
        result = {
            "pairs": float(len(rows)),
            "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(rows),
        }
        if dataset == "fnc1":
            result["fnc_score"] = fnc_score(gold, pred)
        f1 = f1_scores(gold, pred, list(dict.fromkeys(names.values())))
        result |= {f"f1_{k}": v for k, v in f1.items()}
        result["macro_f1"] = sum(f1.values()) / len(f1)
        out[dataset] = {k: round(v, 4) for k, v in result.items()}  # fmt: skip
    return out


def reliability(
    gold: Sequence[str], predicted: Sequence[str], confidence: Sequence[float], bins: int = 10
) -> list[dict[str, float]]:
    """Per confidence bin: pairs, mean confidence, share right (calibrated: the two agree)."""
    table = []
    conf = np.asarray(confidence)
    right = np.asarray([g == p for g, p in zip(gold, predicted, strict=True)])
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        inside = (conf >= lo) & ((conf < hi) if k < bins - 1 else (conf <= hi))
        if inside.any():
            table.append({"from": lo, "to": hi, "pairs": int(inside.sum()),
                          "confidence": round(float(conf[inside].mean()), 3),
                          "accuracy": round(float(right[inside].mean()), 3)})  # fmt: skip
    return table


def _versions() -> dict[str, str]:
    names = ("numpy", "scipy", "scikit-learn", "rapidfuzz")
    return {"python": platform.python_version()} | {n: metadata.version(n) for n in names}


@dataclass
class Run:
    """Everything one training run produced."""

    lexicon: Lexicon
    vocabulary: tuple[str, ...]
    examples: list[Example]
    x: np.ndarray
    bags: Any  # sparse matrix of the page bags, rows × vocabulary
    oof: OutOfFold
    platt: Platt
    temperature: float


def prepare(root: Path, *, folds: int = FOLDS, seed: int = SEED, log: Any = print) -> Run:
    """Steps 1 and 2: pairs, features, cross-validated scores and calibration. `seed` draws
    the folds (the shipped model's numbers use SEED)."""
    started = time.perf_counter()
    lexicon = stance_data.fit_lexicon(root)
    examples = stance_data.examples(root, lexicon)
    vocabulary = fit_vocabulary(examples, LEARNER["vocabulary"])
    x, found = stance_features.features_and_bags(
        stance_data.pairs_of(examples), lexicon, {w: k for k, w in enumerate(vocabulary)}
    )
    bags = bag_matrix(found, len(vocabulary))
    log(f"{len(examples):,} pairs, {x.shape[1]} features and {len(vocabulary):,} page words "
        f"({time.perf_counter() - started:.0f} s)")  # fmt: skip
    oof, platt, temperature = _draw(examples, x, bags, folds, seed)
    log(f"cross-validated in {folds} folds by claim ({time.perf_counter() - started:.0f} s)")
    return Run(lexicon, vocabulary, examples, x, bags, oof, platt, temperature)


def redraw(run: Run, folds: int, seed: int) -> Run:
    """The same pairs and features cross-validated on folds drawn with `seed`."""
    oof, platt, temperature = _draw(run.examples, run.x, run.bags, folds, seed)
    return dataclasses.replace(run, oof=oof, platt=platt, temperature=temperature)


def _draw(
    examples: Sequence[Example], x: np.ndarray, bags: Any, folds: int, seed: int
) -> tuple[OutOfFold, Platt, float]:
    """Out-of-fold scores on folds drawn with `seed`, and the calibration fitted on them."""
    labels = np.array([e.label for e in examples])
    groups = np.array([e.group for e in examples])
    oof = cross_validate(
        x, labels, groups, folds=folds, stance_rows=_stance_rows(examples), bags=bags, seed=seed
    )
    return (oof, *calibrate(oof, labels, with_page(x)))


def _stance_rows(examples: Sequence[Example]) -> np.ndarray:
    """Rows whose label is the passage's stance (a sentence copy carries its page's; two
    headlines of one story have none)."""
    return np.array([e.made not in ("sentence", "headlines") for e in examples])


def rule_judgements(examples: Sequence[Example], x: np.ndarray) -> list[Fired]:
    pairs = stance_data.pairs_of(examples)
    return [stance.rule(p, row) for p, row in zip(pairs, x, strict=True)]


def rule_precision(
    examples: Sequence[Example], rules: Sequence[Fired], related: np.ndarray
) -> dict[str, dict[str, float]]:
    """How often each rule agrees with the data sets' labels where it decides (the model finds
    the pair related): `right` of `fired`, and `precision`, the rule of succession's estimate
    (right + 1) / (fired + 2), never 0 or 1 on a few pairs; the off-topic rule's is the
    confidence of its judgements."""
    tally: dict[str, list[int]] = {}
    for e, fired, r in zip(examples, rules, related, strict=True):
        if fired is not None and e.scored and r >= stance.RELATED:
            tally.setdefault(fired[0], []).append(int(fired[1].label == e.label))
    return {
        name: {"fired": len(hits), "right": sum(hits),
               "precision": round((sum(hits) + 1) / (len(hits) + 2), 4)}
        for name, hits in sorted(tally.items())
    }  # fmt: skip


def evaluation(run: Run) -> dict[str, Any]:
    """Cross-validated numbers for the model alone and with the rules, and the reliability
    of the confidences (model and rules)."""
    related, stances = probabilities(run.oof, run.platt, run.temperature, with_page(run.x))
    rules = rule_judgements(run.examples, run.x)
    precision = rule_precision(run.examples, rules, related)
    sure = {name: v["precision"] for name, v in precision.items()}
    alone, _ = decide(related, stances, run.oof.classes)
    both, confidence = decide(related, stances, run.oof.classes, rules, sure)
    given = np.ones_like(related)  # the stance stage alone, as Emergent's task is posed
    stance_alone, _ = decide(given, stances, run.oof.classes)
    stance_rules, _ = decide(given, stances, run.oof.classes, rules, sure)
    real = [k for k, e in enumerate(run.examples) if e.scored]
    return {
        "model": metrics(run.examples, alone),
        "model_and_rules": metrics(run.examples, both),
        "rules": precision,
        "stance_stage": {"model": metrics(run.examples, stance_alone)["emergent"],
                         "model_and_rules": metrics(run.examples, stance_rules)["emergent"]},
        "reliability": reliability([run.examples[k].label for k in real],
                                   [both[k] for k in real], [confidence[k] for k in real]),
    }  # fmt: skip


def build(run: Run, root: Path, folds: int) -> StanceModel:
    """Step 3: both stages on all the data, with calibration and metadata."""
    labels = np.array([e.label for e in run.examples])
    fitted = fit(run.x, labels, LEARNER, _stance_rows(run.examples), run.bags)
    numbers = evaluation(run)
    meta: dict[str, Any] = {
        "trained": {
            "command": "python -m verify.train DATA_ROOT",
            "seed": SEED,
            "learner": LEARNER,
            "data": stance_data.fingerprints(root),
            "pairs": {
                "fnc1": sum(e.dataset == "fnc1" and e.scored for e in run.examples),
                "emergent": sum(e.dataset == "emergent" and e.scored for e in run.examples),
                "made": sum(not e.scored for e in run.examples),
            },
            "libraries": _versions(),
            "calibration": "Platt (relatedness; passages alone and with their page apart) and "
            "temperature (stance) on out-of-fold scores",
        },  # fmt: skip
        "rules": numbers.pop("rules"),  # each rule's precision: its judgements' confidence
        "cross_validation": {"folds": folds, "grouped_by": "claim"} | numbers,
    }
    return StanceModel(
        lexicon=run.lexicon,
        vocabulary=run.vocabulary,
        features=stance_features.NAMES,
        mean=fitted.mean,
        scale=fitted.scale,
        relatedness=fitted.relatedness,
        platt=run.platt,
        stance=fitted.stance,
        classes=fitted.classes,
        temperature=run.temperature,
        meta=meta,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m verify.train", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("root", type=Path, help="folder holding fnc1/ and emergent/")
    parser.add_argument("--out", type=Path, default=stance_model.shipped_path())
    parser.add_argument("--folds", type=int, default=FOLDS)
    args = parser.parse_args(argv)
    try:
        run = prepare(args.root, folds=args.folds)
    except VerifyError as exc:
        sys.exit(f"Error: {exc}")
    model = build(run, args.root, args.folds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.as_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    numbers = model.meta["cross_validation"]["model_and_rules"]
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    print(json.dumps(numbers, indent=1))


if __name__ == "__main__":
    main()
