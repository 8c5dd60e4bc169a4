"""Fit verify's check-worthiness weights (a logistic regression over the features in
verify/checkworthiness.py) and measure them honestly.

    python eval/fit_checkworthiness.py clef-cv ../shared/data   # cross-validation by debate
    python eval/fit_checkworthiness.py fit ../shared/data       # weights to paste, from all data

`clef-cv`: the 50 CLEF-2020 Task 5 training debates are split into 5 folds by debate. For each
fold the weights are fitted on the ClaimBuster dev sentences that do not occur in the fold's
debates plus the other 40 debates, and the fold's 10 debates are ranked and scored (MAP over
debates) beside "longest sentence first" on the same debates. No sentence of a scored debate
is ever trained on. `fit` prints the weights fitted on everything, for checkworthiness.py.
"""

import csv
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

from verify import checkworthiness, quantities, speakers

L2 = 1e-3
ITERATIONS = 400
RATE = 0.5
FOLDS = 5
NAMES = sorted(checkworthiness.WEIGHTS)
# Set by hand for news, in every fit (so cross-validation measures what ships): debates rarely
# attribute, while in news an attributed assertion is what a desk checks first.
HAND_SET = {"attributed": 0.5}


def vector(sentence: str) -> list[float]:
    """The features of one sentence, computed exactly as ingest computes them."""
    who = speakers.attribute(sentence).who
    found = checkworthiness.features(
        sentence, attributed=who is not None, n_quantities=len(quantities.find(sentence))
    )
    return [found[name] for name in NAMES]


def key(text: str) -> str:
    """Sentences compared across the two data sets by their words alone."""
    return " ".join(re.findall(r"\w+", text.lower()))


def debates(folder: Path) -> dict[str, list[tuple[str, int]]]:
    """Debate name → its sentences and labels, in order."""
    found = {}
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        found[path.stem] = [(r[2], int(r[3])) for r in rows if len(r) >= 4]
    return found


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Logistic regression by gradient descent with a little L2; classes weighted equally so
    the rare check-worthy sentences are not drowned (ranking is what is scored)."""
    weight = np.where(y == 1, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(ITERATIONS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        err = (p - y) * weight
        w -= RATE * (x.T @ err / len(y) + L2 * w)
        b -= RATE * float(err.mean())
    for name, value in HAND_SET.items():
        w[NAMES.index(name)] = value
    return b, w


def average_precision(labels: list[int]) -> float:
    hits, total = 0, 0.0
    for rank, label in enumerate(labels, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def ranked_ap(scores: list[float], labels: list[int]) -> float:
    order = sorted(range(len(labels)), key=lambda i: -scores[i])  # stable: ties keep order
    return average_precision([labels[i] for i in order])


def load(root: Path) -> tuple[dict[str, list[tuple[str, int]]], list[tuple[str, int]]]:
    clef = debates(root / "clef2020-t5-checkworthiness" / "training")
    buster = json.loads((root / "claimbuster" / "2.5xNCS_dev.json").read_text(encoding="utf-8"))
    return clef, [(r["text"], int(r["label"])) for r in buster]


def clef_cv(root: Path) -> None:
    clef, buster = load(root)
    features = {t: vector(t) for rows in clef.values() for t, _ in rows}
    features |= {t: vector(t) for t, _ in buster}
    names = sorted(clef)
    random.Random(11).shuffle(names)
    folds = [names[i::FOLDS] for i in range(FOLDS)]
    ours, longest, shipped, dropped = [], [], [], 0
    for held in folds:
        scored = {key(t) for name in held for t, _ in clef[name]}
        train = [(t, y) for t, y in buster if key(t) not in scored]
        dropped += len(buster) - len(train)
        train += [row for name in names if name not in held for row in clef[name]]
        x = np.array([features[t] for t, _ in train])
        y = np.array([label for _, label in train], dtype=float)
        b, w = fit(x, y)
        for name in held:
            texts, labels = [t for t, _ in clef[name]], [y for _, y in clef[name]]
            ours.append(ranked_ap([float(np.dot(features[t], w) + b) for t in texts], labels))
            longest.append(ranked_ap([float(len(t)) for t in texts], labels))
            shipped.append(ranked_ap([_shipped(t) for t in texts], labels))
    n = len(ours)
    print(f"CLEF-2020 Task 5, {n} training debates, {FOLDS}-fold cross-validation by debate")
    print(f"  ClaimBuster sentences dropped because they occur in a scored debate: {dropped}")
    print(f"  refitted weights          MAP {sum(ours) / n:.4f}")
    print(f"  shipped weights           MAP {sum(shipped) / n:.4f}  (in-sample: fitted on all)")
    print(f"  longest sentence first    MAP {sum(longest) / n:.4f}")
    wins = sum(a > b for a, b in zip(ours, longest, strict=True))
    print(f"  refitted beats longest-first on {wins} of {n} debates")


def _shipped(sentence: str) -> float:
    x = vector(sentence)
    weights = [checkworthiness.WEIGHTS[k] for k in NAMES]
    return checkworthiness.BIAS + sum(w * v for w, v in zip(weights, x, strict=True))


def fit_all(root: Path) -> None:
    clef, buster = load(root)
    rows = buster + [row for rows in clef.values() for row in rows]
    x = np.array([vector(t) for t, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    b, w = fit(x, y)
    print(f"BIAS = {b:.2f}")
    print("WEIGHTS = {" + ", ".join(f'"{k}": {v:.2f}' for k, v in zip(NAMES, w, strict=True)) + "}")


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("clef-cv", "fit"):
        sys.exit(__doc__)
    (clef_cv if sys.argv[1] == "clef-cv" else fit_all)(Path(sys.argv[2]))


if __name__ == "__main__":
    main()
