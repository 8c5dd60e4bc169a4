"""How far careful human annotators agree with the claim gold set, beside the extractor.

    python eval/agreement.py score ../shared/data            # every number in AGREEMENT.md
    python eval/agreement.py batches ../shared/data OUTDIR   # the sample as annotators read it

The sample (`eval/data/agreement/sample.json`) is 400 gold sentences drawn at random
(random.Random(2026), from the sorted ids) among those the checkable model judges: English
pages, no rule turned the sentence down, the fifty development sets of `fit_checkable.SETS` as
read at b36c9dc. Four annotators labelled them blind, each batch of 200 twice (A and C, B and
D), reading the sentence with up to 1,500 characters before it and 300 after; C and D had the
gold guideline's own speaker paragraph (`BRIEF-v2.md`), A and B a paraphrase (`BRIEF-v1.md`).
`score` prints each annotator against the gold and against each other, the checkable model
cross-validated by document (`fit_checkable.out_of_fold`, the shipped setting and threshold)
on the same sentences against the gold and against the majority of three, and the extractor's
speakers there (its rules were written from these sets: in-sample).
"""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import fit_checkable as fc
from claims_gold import GoldSentence, document_urls
from extraction_claims import extract_all, speaker_correct, speaker_key

from verify import checkable

HERE = Path(__file__).parent / "data" / "agreement"
PAIRS = (("A", "C"), ("B", "D"))  # the same 200 sentences, read twice
BEFORE, AFTER = 1500, 300
# The development sets when the sample was drawn: the model is cross-validated on these.
SETS = {
    name: path
    for name, path in fc.SETS.items()
    if name
    not in ("ho49", "ho50", "ho51", "ho52", "ho53", "ho54", "ho55", "ho56", "ho57", "ho58", "ho59")
}


def load_labels() -> dict[str, dict[str, dict[str, object]]]:
    """Each annotator's labels by gold id."""
    out: dict[str, dict[str, dict[str, object]]] = {}
    for path in sorted(HERE.glob("labels_*.jsonl")):
        who = path.stem.removeprefix("labels_")
        lines = path.read_text(encoding="utf-8").splitlines()
        out[who] = {r["id"]: r for r in map(json.loads, lines)}
    return out


def rates(truth: dict[str, bool], said: dict[str, bool]) -> tuple[float, float]:
    """Recall of the checkable sentences and the share of the others kept."""
    pos = [i for i in said if truth[i]]
    neg = [i for i in said if not truth[i]]
    return sum(said[i] for i in pos) / len(pos), sum(said[i] for i in neg) / len(neg)


def kappa(a: dict[str, bool], b: dict[str, bool]) -> tuple[float, float]:
    """Raw agreement and Cohen's kappa over the ids both labelled."""
    ids = [i for i in a if i in b]
    agree = sum(a[i] == b[i] for i in ids) / len(ids)
    pa, pb = sum(a[i] for i in ids) / len(ids), sum(b[i] for i in ids) / len(ids)
    chance = pa * pb + (1 - pa) * (1 - pb)
    return agree, (agree - chance) / (1 - chance)


def same_speaker(a: object, b: object) -> bool:
    """Both none, or one name inside the other once case and articles are set aside."""
    if not a or not b:
        return not a and not b
    ka, kb = speaker_key(str(a)), speaker_key(str(b))
    return f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} "


def score(data_root: Path) -> None:
    labels = load_labels()
    rows, golds_by_set, texts = fc.gold_rows(data_root, SETS)
    gold = {g.id: g for golds in golds_by_set.values() for g in golds}
    ids = [s["id"] for s in json.loads((HERE / "sample.json").read_text(encoding="utf-8"))]
    truth = {i: gold[i].checkable for i in ids}
    print(f"{len(ids)} sentences; gold: {sum(truth.values())} checkable, "
          f"{len(ids) - sum(truth.values())} not")  # fmt: skip
    print("\nCheckable, each annotator against the gold (sentences the model judges):")
    for who, got in labels.items():
        said = {i: bool(got[i]["checkable"]) for i in got}
        recall, kept = rates(truth, said)
        agree, k = kappa(truth, said)
        print(f"  {who}: recall {recall:.3f}, non-claims kept {kept:.3f}, "
              f"agreement {agree:.3f}, kappa {k:.3f}")  # fmt: skip
    print("Checkable, the two readings of each batch against each other:")
    for first, second in PAIRS:
        a = {i: bool(r["checkable"]) for i, r in labels[first].items()}
        b = {i: bool(r["checkable"]) for i, r in labels[second].items()}
        recall, kept = rates(a, b)
        agree, k = kappa(a, b)
        print(f"  {second} against {first}: recall {recall:.3f}, non-claims kept {kept:.3f}, "
              f"agreement {agree:.3f}, kappa {k:.3f}")  # fmt: skip
    majority = {
        i: truth[i] + sum(bool(got[i]["checkable"]) for got in labels.values() if i in got) >= 2
        for i in ids
    }  # the gold and the two readings of its batch
    print(f"The majority of three outvotes the gold on {sum(majority[i] != truth[i] for i in ids)}")

    model = checkable.shipped()
    setting = fc.shipped_setting()
    best: dict[str, float] = {}
    for row, p in fc.out_of_fold(rows, setting):
        if row.gold is not None:
            best[row.gold.id] = max(best.get(row.gold.id, 0.0), p)
    print(f"\nThe checkable model, cross-validated by document (C {setting.c}):")
    for t in sorted({model.threshold, 0.44}):
        said = {i: best[i] >= t for i in ids}
        for name, ref in (("the gold", truth), ("the majority of three", majority)):
            recall, kept = rates(ref, said)
            print(
                f"  threshold {t} against {name}: recall {recall:.3f}, non-claims kept {kept:.3f}"
            )
    domain = {r.gold.id for r in rows if r.gold and r.passed and r.english and not r.label}
    negatives = sum(not g.checkable for g in gold.values())
    print(f"Non-claims the model judges: {len(domain)} of {negatives} "
          f"({len(domain) / negatives:.3f}); the rules turn down the rest")  # fmt: skip

    urls = document_urls(data_root, texts.keys())
    sample = [gold[i] for i in ids]
    report = extract_all(sample, texts, urls)
    said_by = {r.gold.id: r.speaker() for r in report.rows}
    with_speaker = [g for g in sample if g.checkable and g.speaker]
    print(f"\nSpeakers, on the {len(with_speaker)} checkable sentences the gold names one for:")
    for who, got in labels.items():
        right = sum(
            speaker_correct(str(got[g.id]["speaker"] or "") or None, g)
            for g in with_speaker
            if g.id in got
        )
        total = sum(g.id in got for g in with_speaker)
        print(f"  {who} against the gold: {right}/{total} = {right / total:.3f}")
    for first, second in PAIRS:
        named = [i for i, r in labels[first].items() if r["checkable"] and r["speaker"]]
        same = sum(
            same_speaker(labels[first][i]["speaker"], labels[second][i]["speaker"]) for i in named
        )
        print(
            f"  {second} against {first} (same name or one inside the other): {same}/{len(named)}"
        )
    right = sum(speaker_correct(said_by[g.id], g) for g in with_speaker)
    print(f"  the extractor (in-sample), end to end: {right}/{len(with_speaker)} = "
          f"{right / len(with_speaker):.3f}")  # fmt: skip


def development_gold(data_root: Path) -> tuple[dict[str, GoldSentence], dict[fc.DocKey, str]]:
    """The development sets' gold sentences by id, and their documents' texts."""
    _, golds_by_set, texts = fc.gold_rows(data_root, SETS)
    return {g.id: g for golds in golds_by_set.values() for g in golds}, texts


def write_batches(
    data_root: Path, sample_path: Path, outdir: Path, prefix: str, before: int, after: int
) -> None:
    """A sample as its readers see it: a file `{prefix}{batch letter}.md` per batch, each
    sentence with up to `before` characters of its document before it and `after` after."""
    gold, texts = development_gold(data_root)
    outdir.mkdir(parents=True, exist_ok=True)
    for sample in json.loads(sample_path.read_text(encoding="utf-8")):
        g = gold[sample["id"]]
        doc = texts[g.key]
        shown = ("…" if g.start > before else "") + doc[max(0, g.start - before) : g.start]
        item = sample["item"]
        with (outdir / f"{prefix}{item[0]}.md").open("a", encoding="utf-8") as f:
            f.write(
                f"## item {item}\n\nCONTEXT BEFORE:\n{shown}\n\n>>> TARGET SENTENCE: "
                f"{doc[g.start : g.end]}\n\nCONTEXT AFTER:\n{doc[g.end : g.end + after]}…\n\n"
            )
    print(f"wrote {sorted(p.name for p in outdir.glob(f'{prefix}*.md'))} to {outdir}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("score", "batches"))
    parser.add_argument("data_root", type=Path, help="folder holding the shared data sets")
    parser.add_argument("outdir", type=Path, nargs="?", help="batches: where to write them")
    args = parser.parse_args(argv)
    if args.command == "batches":
        if args.outdir is None:
            parser.error("batches needs OUTDIR")
        write_batches(args.data_root, HERE / "sample.json", args.outdir, "batch_", BEFORE, AFTER)
    else:
        score(args.data_root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
