"""Score verify's matching + stance on public data; paths are given on the command line.

    python eval/stance.py fnc1 ../shared/data/fnc1
    python eval/stance.py emergent ../shared/data/emergent

FNC-1 (headline vs article body): each headline is a claim, the body's sentences are passages;
the best passage decides (as `verify check` does). supports → agree, contradicts → disagree,
mentions → discuss, no match → unrelated. Prints the official FNC-1 score (% of maximum) and
macro-F1 on the shared train portion, beside the official baseline (75.20 % on the held-out
competition test, 79.53 % on its own dev split).

Emergent (claim vs article headline): supports → for, contradicts → against, anything else →
observing; accuracy on the shared dev portion beside the published 73.28 % (held-out test).
The workflow's default threshold (min_score 80, token_set_ratio) is used unchanged.
"""

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import process

from verify import config, extract, matching, stance, workflow
from verify.quantities import find

FLOW = workflow.load(config.default_workflow())
RANK = {"contradicts": 3, "supports": 2, "mentions": 1, "unrelated": 0}


def decide(claim: str, passages: list[str]) -> str:
    """verify's stance of the best passage; 'mentions' when only the document as a whole
    discusses the claim (matching.discussed); 'unrelated' when nothing matches."""
    norm_claim = matching.normalise(claim)
    words = matching.content_words(norm_claim)
    normed = [matching.normalise(p) for p in passages]
    index = matching.BlockingIndex(normed)
    hits = process.extract(
        norm_claim, normed, scorer=matching.SCORERS[FLOW.scorer], processor=None,
        score_cutoff=FLOW.min_score, limit=5,
    )  # fmt: skip
    best = "unrelated"
    claimed = find(claim)
    for _, score, i in hits:
        share = matching.overlap(words, matching.content_words(normed[i]), index.weight)
        if share < matching.MIN_SHARE:
            continue
        label = stance.judge(
            claim, claimed, passages[i], score=score, share=share, min_score=FLOW.min_score,
            tolerance=FLOW.quantity_tolerance,
        ).label  # fmt: skip
        best = max(best, label, key=RANK.__getitem__)
    if best == "unrelated" and matching.discussed(
        [norm_claim], normed, [0] * len(normed), index=index, matched=set()
    ):
        return "mentions"
    return best


def macro_f1(pairs: list[tuple[str, str]], labels: list[str]) -> tuple[float, dict[str, float]]:
    per = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        per[label] = 2 * tp / max(2 * tp + fp + fn, 1)
    return sum(per.values()) / len(per), per


def fnc1(folder: Path) -> None:
    with (folder / "train_bodies.csv").open(encoding="utf-8") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    sentences = {k: [s.text for s in extract.sentences(v)] for k, v in bodies.items()}
    to_fnc = {"supports": "agree", "contradicts": "disagree", "mentions": "discuss",
              "unrelated": "unrelated"}  # fmt: skip
    pairs = []
    with (folder / "train_stances.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            predicted = to_fnc[decide(row["Headline"], sentences[row["Body ID"]])]
            pairs.append((row["Stance"], predicted))
    score = best = 0.0
    for gold, predicted in pairs:
        related_gold, related_pred = gold != "unrelated", predicted != "unrelated"
        best += 0.25 + (0.75 if related_gold else 0)
        score += 0.25 if related_gold == related_pred else 0
        score += 0.75 if related_gold and gold == predicted else 0
    macro, per = macro_f1(pairs, ["agree", "disagree", "discuss", "unrelated"])
    print(f"FNC-1 shared train portion: {len(pairs)} headline/body pairs")
    print(f"  FNC-1 score {100 * score / best:.2f} %   macro-F1 {macro:.3f}   "
          + "  ".join(f"{k} {v:.3f}" for k, v in per.items()))  # fmt: skip
    print(f"  predicted {dict(Counter(p for _, p in pairs))}")
    print("  reference: official baseline 75.20 % (held-out competition test), 79.53 % (its dev);"
          " all-unrelated 39.37 %, macro-F1 0.210")  # fmt: skip


def emergent(folder: Path) -> None:
    to_emergent = {"supports": "for", "contradicts": "against"}
    pairs = []
    with (folder / "emergent_dev_articles.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            label = decide(row["claimHeadline"], [row["articleHeadline"]])
            pairs.append((row["articleHeadlineStance"], to_emergent.get(label, "observing")))
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    macro, per = macro_f1(pairs, ["for", "against", "observing"])
    majority = Counter(g for g, _ in pairs).most_common(1)[0]
    print(f"Emergent shared dev portion: {len(pairs)} claim/headline pairs")
    print(f"  accuracy {100 * accuracy:.2f} %   macro-F1 {macro:.3f}   "
          + "  ".join(f"{k} {v:.3f}" for k, v in per.items()))  # fmt: skip
    print(
        f"  majority class ({majority[0]}) {100 * majority[1] / len(pairs):.2f} % here; "
        "published: Ferreira & Vlachos 73.28 % on the held-out test"
    )


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("fnc1", "emergent"):
        sys.exit(__doc__)
    started = time.perf_counter()
    (fnc1 if sys.argv[1] == "fnc1" else emergent)(Path(sys.argv[2]))
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
