"""Choose the check-worthiness floor that `verify.extract` keeps for pages not in English, by
leaving one document out over the three claim gold sets, and print the held-out numbers.

    python eval/floor_cv.py ../shared/data

On English pages a learned model judges what is checkable (`eval/fit_checkable.py`); its words
are English words and the other languages' pages are too few to learn from, so there the
check-worthiness score keeps a floor. Each non-English document is held out in turn: the floor
is chosen on the others and applied to it, and the held-out counts are summed, so no document's
own labels choose the floor it is scored with. The objective on the training documents is
checkable recall minus non-claims kept (each a share).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from claims_gold import DocKey, GoldSentence, load_with_documents
from fit_checkable import SETS

from verify import extract, languages

GRID = [round(0.20 + 0.02 * i, 2) for i in range(21)]  # 0.20 … 0.60

Row = tuple[bool, float | None]  # (checkable, best score of a sentence on it, or None)


def rows_of(golds: Sequence[GoldSentence], text: str) -> list[Row]:
    """Every gold sentence of a document with the highest check-worthiness score of an
    extractor sentence on it that no rule turned down (a dispute always passes: 1.0)."""
    scores: list[float | None] = [None] * len(golds)
    for r in extract.readings(text)[1]:
        if r.rule is not None or (r.inner is None and languages.word_count(r.assertion) < 3):
            continue
        s = r.sentence
        overlaps = [max(0, min(s.end, g.end) - max(s.start, g.start)) for g in golds]
        best = max(range(len(golds)), key=lambda i: overlaps[i])
        if overlaps[best] > 0:
            score = 1.0 if r.inner else r.worth["score"]
            scores[best] = max(scores[best] or 0.0, score)
    return [(g.checkable, s) for g, s in zip(golds, scores, strict=True)]


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


def choose(rows: list[Row]) -> float:
    def gain(floor: float) -> float:
        a = counts(rows, floor)
        return a[0] / max(1, a[1]) - a[2] / max(1, a[3])

    return max(GRID, key=lambda f: (gain(f), -f))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_root", type=Path)
    args = parser.parse_args(argv)
    rows: dict[DocKey, list[Row]] = {}
    for path in SETS.values():
        golds, texts = load_with_documents(args.data_root, path)
        by_doc: dict[DocKey, list[GoldSentence]] = defaultdict(list)
        for g in golds:
            by_doc[g.key].append(g)
        for key, doc_golds in by_doc.items():
            if languages.guess(texts[key]) != "en":
                rows[key] = rows_of(doc_golds, texts[key])
    held = [0, 0, 0, 0]
    chosen = []
    for key in rows:
        floor = choose([r for k, rs in rows.items() if k != key for r in rs])
        chosen.append(floor)
        held = [h + x for h, x in zip(held, counts(rows[key], floor), strict=True)]
    print(f"{len(rows)} documents not in English, leave one document out")
    print("floors chosen:", sorted(set(chosen)))
    print(
        f"held-out checkable recall {held[0] / held[1]:.3f} ({held[0]}/{held[1]}), "
        f"non-claims kept {held[2] / held[3]:.3f} ({held[2]}/{held[3]})"
    )
    shipped = counts(
        [r for rs in rows.values() for r in rs], extract.MIN_CHECKWORTHINESS_OTHER_LANGUAGES
    )
    print(
        f"the shipped floor {extract.MIN_CHECKWORTHINESS_OTHER_LANGUAGES} on all of them: recall "
        f"{shipped[0] / shipped[1]:.3f}, non-claims kept {shipped[2] / shipped[3]:.3f}; "
        f"the same rule on all of them chooses {choose([r for rs in rows.values() for r in rs])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
