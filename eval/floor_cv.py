"""Choose the check-worthiness floors of `verify.extract` by cross-validation by document on the
claim gold set, and print the held-out numbers.

    python eval/floor_cv.py ../shared/data

The mood rules of `verify.notclaims` read English only, so outside English the check-worthiness
score is nearly the only filter between opinion and report; its floor there may differ from the
English one. Each document is held out in turn (leave one document out): the floors are chosen on
the other 37 documents and applied to the held-out one, and the held-out counts are summed, so
no document's own labels choose the floor it is scored with. The objective on the training
documents is checkable recall minus non-claims kept (each a share), subject to the training
recall staying at or above the target.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from claims_gold import DocKey, GoldSentence, load_with_documents
from extraction_claims import TARGETS

from verify import extract, languages

GRID = [round(0.20 + 0.02 * i, 2) for i in range(21)]  # 0.20 … 0.60

Row = tuple[bool, float | None]  # (checkable, best score of a candidate joining it, or None)


def rows_by_doc(golds: Sequence[GoldSentence], texts: dict[DocKey, str]) -> dict[DocKey, list[Row]]:
    """Every gold sentence with the highest score of a candidate that joins it (no floor)."""
    by_doc: dict[DocKey, list[GoldSentence]] = defaultdict(list)
    for g in golds:
        by_doc[g.key].append(g)
    out: dict[DocKey, list[Row]] = {}
    for key, doc_golds in by_doc.items():
        scores: list[float | None] = [None] * len(doc_golds)
        for c in extract.claims(texts[key], min_score=0.0):
            overlaps = [max(0, min(c.end, g.end) - max(c.start, g.start)) for g in doc_golds]
            best = max(range(len(doc_golds)), key=lambda i: overlaps[i])
            if overlaps[best] > 0:
                scores[best] = max(scores[best] or 0.0, c.checkworthiness)
        out[key] = [(g.checkable, s) for g, s in zip(doc_golds, scores, strict=True)]
    return out


def counts(rows: list[Row], floor: float) -> tuple[int, int, int, int]:
    """(checkable kept, checkable, non-claims kept, non-claims) at a floor."""
    kept = [s is not None and s >= floor for _, s in rows]
    chk = [c for c, _ in rows]
    return (
        sum(k and c for k, c in zip(kept, chk, strict=True)),
        sum(chk),
        sum(k and not c for k, c in zip(kept, chk, strict=True)),
        len(rows) - sum(chk),
    )


def evaluate(english: list[Row], other: list[Row], en: float, oth: float) -> tuple[float, float]:
    a = counts(english, en)
    b = counts(other, oth)
    return (a[0] + b[0]) / max(1, a[1] + b[1]), (a[2] + b[2]) / max(1, a[3] + b[3])


def choose(english: list[Row], other: list[Row], fixed_en: float | None) -> tuple[float, float]:
    best: tuple[float, float, float] | None = None
    for en in [fixed_en] if fixed_en is not None else GRID:
        for oth in GRID:
            recall, kept = evaluate(english, other, en, oth)
            if recall < TARGETS["checkable_recall"]:
                continue
            if best is None or recall - kept > best[0] + 1e-12:
                best = (recall - kept, en, oth)
    if best is None:
        return (fixed_en or GRID[0], GRID[0])
    return best[1], best[2]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_root", type=Path)
    parser.add_argument("--free-english", action="store_true", help="choose the English floor too")
    args = parser.parse_args(argv)
    golds, texts = load_with_documents(args.data_root)
    rows = rows_by_doc(golds, texts)
    lang = {key: languages.guess(texts[key]) for key in rows}
    fixed = None if args.free_english else extract.MIN_CHECKWORTHINESS
    held = [0, 0, 0, 0]
    chosen: list[tuple[float, float]] = []
    for key in rows:
        english = [r for k, rs in rows.items() if k != key and lang[k] == "en" for r in rs]
        other = [r for k, rs in rows.items() if k != key and lang[k] != "en" for r in rs]
        en, oth = choose(english, other, fixed)
        chosen.append((en, oth))
        c = counts(rows[key], en if lang[key] == "en" else oth)
        held = [h + x for h, x in zip(held, c, strict=True)]
    print(
        f"{len(rows)} documents ({sum(v != 'en' for v in lang.values())} not in English), "
        "leave one document out"
    )
    print("floors chosen (English, other):", sorted(set(chosen)))
    print(
        f"held-out checkable recall {held[0] / held[1]:.3f} ({held[0]}/{held[1]}), "
        f"non-claims kept {held[2] / held[3]:.3f} ({held[2]}/{held[3]})"
    )
    english = [r for k, rs in rows.items() if lang[k] == "en" for r in rs]
    other = [r for k, rs in rows.items() if lang[k] != "en" for r in rs]
    en, oth = choose(english, other, fixed)
    print(
        f"on all documents the same rule chooses English {en}, other {oth} "
        "(what ships; its in-sample numbers are not the ones to quote)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
