"""Fit verify's check-worthiness weights (logistic regression, pure Python) on the shared
ClaimBuster dev portion, report 5-fold cross-validated F1, and print the weights to paste into
verify/checkworthiness.py.

    python eval/fit_checkworthiness.py ../shared/data/claimbuster/2.5xNCS_dev.json
"""

import json
import math
import random
import sys
from pathlib import Path

from verify import checkworthiness, extract, quantities

L2 = 0.01
EPOCHS = 300
RATE = 0.5


def vector(sentence: str) -> dict[str, float]:
    who = extract.attribute(sentence).who
    return checkworthiness.features(
        sentence, attributed=who is not None, n_quantities=len(quantities.find(sentence))
    )


def fit(
    rows: list[tuple[dict[str, float], int]], names: list[str]
) -> tuple[float, dict[str, float]]:
    """Batch gradient descent on the log loss with a little L2."""
    weights = dict.fromkeys(names, 0.0)
    bias = 0.0
    n = len(rows)
    for _ in range(EPOCHS):
        grad = dict.fromkeys(names, 0.0)
        grad_bias = 0.0
        for x, y in rows:
            p = 1 / (1 + math.exp(-(bias + sum(weights[k] * x[k] for k in names))))
            err = p - y
            grad_bias += err
            for k in names:
                grad[k] += err * x[k]
        bias -= RATE * grad_bias / n
        for k in names:
            weights[k] -= RATE * (grad[k] / n + L2 * weights[k])
    return bias, weights


def f1(
    rows: list[tuple[dict[str, float], int]], bias: float, weights: dict[str, float], cut: float
) -> float:
    tp = fp = fn = 0
    for x, y in rows:
        p = 1 / (1 + math.exp(-(bias + sum(weights[k] * x[k] for k in weights))))
        tp += p >= cut and y == 1
        fp += p >= cut and y == 0
        fn += p < cut and y == 1
    return 2 * tp / max(2 * tp + fp + fn, 1)


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    rows = [(vector(r["text"]), int(r["label"])) for r in data]
    names = sorted(rows[0][0])
    random.Random(7).shuffle(rows)
    folds = [rows[i::5] for i in range(5)]
    for cut in (0.3, 0.4, 0.5):
        scores = []
        for i, held in enumerate(folds):
            train = [r for j, fold in enumerate(folds) if j != i for r in fold]
            bias, weights = fit(train, names)
            scores.append(f1(held, bias, weights, cut))
        print(f"5-fold CV F1(CFS) at threshold {cut}: {sum(scores) / len(scores):.3f}")
    bias, weights = fit(rows, names)
    print(f"BIAS = {bias:.2f}")
    print("WEIGHTS = {" + ", ".join(f'"{k}": {weights[k]:.2f}' for k in names) + "}")


if __name__ == "__main__":
    main()
