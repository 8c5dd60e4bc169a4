"""How far careful readers agree with the gold set on figures, beside the extractor.

    python eval/figure_agreement.py draw ../shared/data            # writes figures_sample.json
    python eval/figure_agreement.py batches ../shared/data OUTDIR  # the sample as readers see it
    python eval/figure_agreement.py score ../shared/data           # every number in FIGURES.md

The sample (`eval/data/agreement/figures_sample.json`) is 300 checkable gold sentences that hold
a digit or an English number word, drawn with random.Random(2027) from the sorted ids of the
fifty development sets of `agreement.SETS`, split into batches E and F of 150. Each batch was
read blind by two readers (E1 and E2, F1 and F2) with the gold guideline's figure paragraphs
(`FIGURES-BRIEF.md`), each sentence shown with up to 800 characters before it and 200 after.
`score` matches each reader's figures to the gold's exactly as `extraction_claims.py` matches
the extractor's (value, unit, bound, low, currency; one to one), then the two readers of a batch
against each other, then the extractor on the same sentences (in-sample: its rules were written
from these sets).
"""

import argparse
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agreement import development_gold, write_batches
from claims_gold import Figure, document_urls
from extraction_claims import (
    Fig,
    extract_all,
    full_match,
    gold_figure,
    pair_up,
    predicted_figure,
    value_match,
)

HERE = Path(__file__).parent / "data" / "agreement"
SAMPLE = HERE / "figures_sample.json"
SEED, SIZE, BATCH = 2027, 300, 150
PAIRS = (("E1", "E2"), ("F1", "F2"))  # the same 150 sentences, read twice
BEFORE, AFTER = 800, 200
NUMBER_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|half|third|quarter|"
    r"once|twice|couple|pair|first|second|fourth|fifth)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Said:
    """A reader's figure in the attributes `predicted_figure` reads from a Quantity."""

    value: float
    unit: str | None
    bound: str
    low: float | None
    currency: str | None
    text: str
    start: int | None = None  # where the figure stands, when the reading gives it
    end: int | None = None


def draw(data_root: Path) -> None:
    gold, _ = development_gold(data_root)
    pool = sorted(i for i, g in gold.items() if g.checkable and NUMBER_RE.search(g.text))
    chosen = random.Random(SEED).sample(pool, SIZE)
    sample = [
        {"item": f"{'EF'[n // BATCH]}{n % BATCH + 1:03d}", "id": i} for n, i in enumerate(chosen)
    ]
    SAMPLE.write_text(json.dumps(sample, indent=0) + "\n", encoding="utf-8")
    print(f"drew {SIZE} of {len(pool)} checkable sentences with a number into {SAMPLE}")


def read_labels() -> dict[str, dict[str, list[dict[str, object]]]]:
    """Each reader's figures by gold id."""
    out: dict[str, dict[str, list[dict[str, object]]]] = {}
    for path in sorted(HERE.glob("figures_[EF][12].jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out[path.stem.removeprefix("figures_")] = {
            r["id"]: r["figures"] for r in map(json.loads, lines)
        }
    return out


def as_predicted(f: dict[str, object]) -> Fig:
    low = f.get("low")
    said = Said(
        value=float(str(f["value"])),
        unit=str(f["unit"]) if f.get("unit") else None,
        bound=str(f.get("bound") or "exact"),
        low=None if low is None else float(str(low)),
        currency=str(f["currency"]) if f.get("currency") else None,
        text=str(f.get("text") or ""),
    )
    return predicted_figure(said)


def as_gold(f: dict[str, object]) -> Fig:
    """A reader's figure as the reference for the other reader of its batch."""
    low = f.get("low")
    return gold_figure(
        Figure(
            text=str(f.get("text") or ""),
            start=0,
            end=0,
            value=float(str(f["value"])),
            unit=str(f["unit"]) if f.get("unit") else None,
            bound=str(f.get("bound") or "exact"),
            low=None if low is None else float(str(low)),
            currency=str(f["currency"]) if f.get("currency") else None,
            scale_applied=False,
            unit_implicit=bool(f.get("unit_implicit")),
        )
    )


def tally(pairs: Sequence[tuple[list[Fig], list[Fig]]]) -> str:
    """Precision and recall, full and by value alone, over (reference, said) figure lists."""
    counts = [0, 0, 0, 0]  # matched, matched by value, said, reference
    for ref, said in pairs:
        counts[0] += len(pair_up(ref, said, full_match)[0])
        counts[1] += len(pair_up(ref, said, value_match)[0])
        counts[2] += len(said)
        counts[3] += len(ref)
    full, value, n_said, n_ref = counts
    return (
        f"precision {full}/{n_said} = {full / n_said:.3f}, recall {full}/{n_ref} = "
        f"{full / n_ref:.3f}; value only {value / n_said:.3f} / {value / n_ref:.3f}"
    )


def score(data_root: Path, show: int) -> None:
    gold, texts = development_gold(data_root)
    ids = [s["id"] for s in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    labels = read_labels()
    ref = {i: [gold_figure(f) for f in gold[i].figures] for i in ids}
    n_gold = sum(map(len, ref.values()))
    print(f"{len(ids)} checkable sentences with a number; the gold has {n_gold} figures in them")
    print("\nEach reader against the gold:")
    pooled: list[tuple[list[Fig], list[Fig]]] = []
    for who, got in labels.items():
        pairs = [(ref[i], [as_predicted(f) for f in got[i]]) for i in got]
        pooled += pairs
        print(f"  {who} ({len(got)} sentences): {tally(pairs)}")
    if pooled:
        print(f"  the four readings pooled: {tally(pooled)}")
    print("The second reader of each batch against the first:")
    for first, second in PAIRS:
        if first in labels and second in labels:
            a, b = labels[first], labels[second]
            both = [i for i in a if i in b]
            pairs = [([as_gold(f) for f in a[i]], [as_predicted(f) for f in b[i]]) for i in both]
            print(f"  {second} against {first} ({len(both)} sentences): {tally(pairs)}")
    urls = document_urls(data_root, texts.keys())
    report = extract_all([gold[i] for i in ids], texts, urls)
    said = {r.gold.id: r.figures() for r in report.rows}
    print("The extractor against the gold (in-sample; on sentences it did not keep it says none):")
    print(f"  all {len(ids)}: {tally([(ref[i], said.get(i, [])) for i in ids])}")
    for who, got in labels.items():
        if show:
            print(f"\n{who}'s differences from the gold (first {show}):")
            shown = 0
            for i in got:
                _, missed, extra = pair_up(ref[i], [as_predicted(f) for f in got[i]], full_match)
                if (missed or extra) and shown < show:
                    shown += 1
                    print(f"  [{i}] {gold[i].text[:160]}")
                    for m in missed:
                        print(f"      gold only:   {m.describe()}")
                    for e in extra:
                        print(f"      reader only: {e.describe()}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("draw", "batches", "score"))
    parser.add_argument("data_root", type=Path, help="folder holding the shared data sets")
    parser.add_argument("outdir", type=Path, nargs="?", help="batches: where to write them")
    parser.add_argument("--show", type=int, default=0, help="score: differences per reader")
    args = parser.parse_args(argv)
    if args.command == "draw":
        draw(args.data_root)
    elif args.command == "batches":
        if args.outdir is None:
            parser.error("batches needs OUTDIR")
        write_batches(args.data_root, SAMPLE, args.outdir, "figures_", BEFORE, AFTER)
    else:
        score(args.data_root, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
