"""Score verify's check-worthiness on public data; paths are given on the command line.

    python eval/checkworthiness.py claimbuster ../shared/data/claimbuster/2.5xNCS_dev.json
    python eval/checkworthiness.py clef-t5 ../shared/data/clef2020-t5-checkworthiness/training

ClaimBuster: F1 of the check-worthy (CFS) class at verify's threshold, beside the all-positive
floor. CLEF-2020 Task 5: MAP over debates of the ranking, beside the published numbers.
Both sets are the shared dev / training portions; the held-out splits are not here. The
shipped weights were fitted on both (eval/fit_checkworthiness.py), so these numbers are
in-sample; the honest one is `fit_checkworthiness.py clef-cv` (cross-validation by debate).
"""

import csv
import json
import sys
import time
from pathlib import Path

from verify import checkworthiness, quantities, speakers

# The score's old floor in ingest (it kept 95 % of ClaimBuster's check-worthy sentences); ingest
# now asks the checkable model (verify/checkable.py), and the score only ranks the queue.
THRESHOLD = 0.28


def score(sentence: str) -> float:
    """verify's check-worthiness for one sentence, exactly as ingest computes it."""
    who = speakers.attribute(sentence).who
    figures = quantities.find(sentence)
    return checkworthiness.score(sentence, attributed=who is not None, n_quantities=len(figures))[
        "score"
    ]


def claimbuster(path: Path) -> None:
    rows = json.loads(path.read_text(encoding="utf-8"))
    tp = fp = fn = tn = 0
    for row in rows:
        predicted = score(row["text"]) >= THRESHOLD
        gold = int(row["label"]) == 1
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        tn += not predicted and not gold
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    ncs_p = tn / max(tn + fn, 1)
    ncs_r = tn / max(tn + fp, 1)
    ncs_f1 = 2 * ncs_p * ncs_r / max(ncs_p + ncs_r, 1e-9)
    positives = tp + fn
    floor = 2 * positives / (len(rows) + positives)
    print(f"ClaimBuster 2.5xNCS dev portion (in-sample): {len(rows)} sentences, {positives} CFS")
    print(f"  threshold {THRESHOLD}: P {precision:.3f}  R {recall:.3f}  "
          f"F1(CFS) {f1:.3f}   macro-F1 {(f1 + ncs_f1) / 2:.3f}")  # fmt: skip
    print(f"  all-positive floor F1(CFS) {floor:.3f}  (PROVENANCE: 0.444)")


def average_precision(ranked_labels: list[int]) -> float:
    hits, total = 0, 0.0
    for rank, label in enumerate(ranked_labels, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def clef_t5(folder: Path) -> None:
    aps, longest = [], []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            rows = [
                r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 4
            ]
        scored = sorted(rows, key=lambda r: -score(r[2]))
        aps.append(average_precision([int(r[3]) for r in scored]))
        by_length = sorted(rows, key=lambda r: -len(r[2]))
        longest.append(average_precision([int(r[3]) for r in by_length]))
    print(f"CLEF-2020 Task 5 training debates (in-sample): {len(aps)} debates")
    print(f"  verify MAP {sum(aps) / len(aps):.4f}")
    print(f"  'longer sentence first' MAP {sum(longest) / len(longest):.4f}  (PROVENANCE: 0.0605)")
    print("  published: random 0.0165 / best primary run ≈0.087 on the held-out test (not here)")


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("claimbuster", "clef-t5"):
        sys.exit(__doc__)
    started = time.perf_counter()
    (claimbuster if sys.argv[1] == "claimbuster" else clef_t5)(Path(sys.argv[2]))
    print(f"  ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
