"""Held-out-50 and -51: blind gold sets read twice and adjudicated, scored against the extractor.

    python eval/adjudicated.py draw ../shared/data           # the draw, printed
    python eval/adjudicated.py readings ../shared/data OUTDIR  # the pages as the readers see them
    python eval/adjudicated.py disputes ../shared/data OUTDIR  # where the readings differ
    python eval/adjudicated.py build ../shared/data          # writes claims_heldout50.jsonl
    python eval/adjudicated.py score ../shared/data          # every number in HELDOUT50.md

`--set 51` does the same for held-out-51 (HELDOUT51.md), drawn after held-out-50's last page.

Every earlier set was read by one annotator, and rounds twenty-two and twenty-three measured
that a second careful reader agrees with that one reading less than issue 11's speaker and
figure-precision targets ask of the extractor. This set is read the way the issue's targets
need: two readers label every sentence independently, blind (the guideline only: no
repository, no gold labels, no extractor output), and a third settles each field on which
they differ. `score` prints the extractor against the adjudicated gold and against each
reading alone, and each reading against the adjudicated gold.

The draw spends the reserve by the rules that made it: the six FNC-1 bodies held-out-48's draw
left (in its order), then the benchmark pages in held-out-49's draw order after its last page
(`random.Random(49)` over the sorted ids of the 28 pages then in no gold file), skipping a page
with fewer than 5 or more than 150 rough sentences, until the rough count passes 320.

Sentences are split once, here (`split`), before anyone reads them, so the two readings label
the same records: HELDOUT48's rough splitter (a line break; `.`, `!`, `?` or `…` with any
closing quote or bracket, then white space and a character that is not a lower-case letter)
that does not end at a title or other common abbreviation. A reader who finds a record that is
not one sentence says so in its notes; the adjudicator may join it to the one before.
"""

import argparse
import contextlib
import csv
import hashlib
import io
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims_gold import (
    AEB_FILE,
    FNC1_FILE,
    DocKey,
    GoldSentence,
    document_urls,
    load_with_documents,
    problems,
    read_documents,
)
from extraction_claims import Aligned, Report, extract_all, speaker_key
from extraction_claims import score as score_report
from figure_agreement import Said

HERE = Path(__file__).parent / "data"
READINGS = {"X": ("X1", "X2"), "Y": ("Y1", "Y2")}
LABEL_KEYS = ("checkable", "not_claim", "speaker", "speaker_core", "speaker_alternatives",
              "figures", "non_figures", "nested")  # fmt: skip
ROUGH_TARGET, MIN_ROUGH, MAX_ROUGH = 320, 5, 150
# The benchmark pages' draw order: `random.Random(49)` over the sorted ids of the pages in no
# gold file but those of this line of draws (the 28 pages left when held-out-49 was drawn).
LINEAGE = (
    "claims_heldout49.jsonl",
    "claims_heldout50.jsonl",
    "claims_heldout51.jsonl",
    "claims_heldout52.jsonl",
)


@dataclass(frozen=True)
class Drawn:
    """One set of this kind: where its gold and labels live, its record ids' prefix, the FNC-1
    bodies it takes first and the page of the draw order it goes on after."""

    number: int
    fnc1: tuple[str, ...]
    after: str
    long_bodies: bool = False  # drawn from the long FNC-1 bodies instead (`draw_long_bodies`)

    @property
    def gold(self) -> Path:
        return HERE / f"claims_heldout{self.number}.jsonl"

    @property
    def labels(self) -> Path:  # labels_{reading}.jsonl, adjudicated_{batch}.jsonl
        return HERE / ("adjudicated" if self.number == 50 else f"adjudicated{self.number}")

    @property
    def prefix(self) -> str:
        return f"h{self.number}"


DRAWN = {
    # the six FNC-1 bodies held-out-48's draw left (HELDOUT48.md), then after held-out-49's last
    50: Drawn(50, ("807", "2418", "1955", "1471", "718", "1803"), "95301fb7"),
    51: Drawn(51, (), "57b4dafd"),  # the FNC-1 reserve is spent; after held-out-50's last page
    52: Drawn(52, (), "87438a0d"),  # after held-out-51's last page
    # the benchmark pages are spent (five left, three outside the size rules): long news bodies
    53: Drawn(53, (), "", long_bodies=True),
    54: Drawn(54, (), "", long_bodies=True),  # the same pool, less held-out-53's bodies
    55: Drawn(55, (), "", long_bodies=True),  # the same pool, less held-out-54's bodies
    56: Drawn(56, (), "", long_bodies=True),  # the same pool, less held-out-55's bodies
    57: Drawn(57, (), "", long_bodies=True),  # the same pool, less held-out-56's bodies
    58: Drawn(58, (), "", long_bodies=True),  # the same pool, less held-out-57's bodies
    59: Drawn(59, (), "", long_bodies=True),  # the same pool, less held-out-58's bodies
}
# Held-out-53's pool: FNC-1 bodies longer than the earlier FNC-1 draws took (their window was
# 5-45 rough sentences), up to MAX_ROUGH.
LONG_MIN_ROUGH, MAX_OVERLAP, MAX_TWIN = 46, 0.2, 0.5

END_RE = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[^a-z])")
# Words before a full stop that is no sentence end: titles, initials, months, common shortenings.
ABBREVIATION_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Inc|Co|Corp|Ltd|"
    r"No|Nos|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|approx|ca|etc|bzw|ggf|usw|vgl|Nr)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.[\"”’')\]]*\s+$"
)


def rough(text: str) -> list[str]:
    """HELDOUT48's rough splitter, used only to count sentences for the draw."""
    out: list[str] = []
    for line in text.split("\n"):
        pos = 0
        for m in END_RE.finditer(line):
            out.append(line[pos : m.end()])
            pos = m.end()
        out.append(line[pos:])
    return [s for s in (x.strip() for x in out) if s and re.search(r"\w", s)]


def split(text: str) -> list[tuple[int, int]]:
    """The records of a document as (start, end) offsets: the rough splitter's ends, less those
    after an abbreviation; lines of punctuation only are left out."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        pos = 0
        for m in END_RE.finditer(line):
            if ABBREVIATION_RE.search(line[pos : m.end()]):
                continue
            spans.append((offset + pos, offset + m.end()))
            pos = m.end()
        spans.append((offset + pos, offset + len(line)))
        offset += len(line) + 1
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        if not re.search(r"\w", piece):
            continue
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        out.append((start, end))
    return out


def used_documents() -> set[DocKey]:
    """Every document a gold file outside this line of draws names."""
    used: set[DocKey] = set()
    for path in HERE.glob("claims_*.jsonl"):
        if path.name in LINEAGE:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            used.add((r["dataset"], r["doc"]))
    return used


def read_fnc1_bodies(data_root: Path) -> dict[str, str]:
    """Every FNC-1 body by Body ID, read as `claims_gold.read_documents` reads them."""
    csv.field_size_limit(sys.maxsize)
    lines = (data_root / FNC1_FILE).read_text(encoding="utf-8").splitlines(keepends=True)
    return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(lines)}


def grams(text: str) -> set[tuple[str, ...]]:
    """A text's word 5-grams (lower-cased `\\w+` tokens), HELDOUT46's measure of shared copy."""
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def draw_long_bodies(data_root: Path, drawn: Drawn, say: Callable[[str], None]) -> list[DocKey]:
    """FNC-1 bodies in no gold file (this set's own aside) with LONG_MIN_ROUGH..MAX_ROUGH rough
    sentences, sharing at most MAX_OVERLAP of their 5-grams with the gold files' bodies taken
    together; sorted by Body ID, shuffled with `random.Random(number)` and taken in that order
    until the rough count passes ROUGH_TARGET, skipping a body that shares more than MAX_TWIN of
    its 5-grams, in either direction, with a body already taken."""
    bodies = read_fnc1_bodies(data_root)
    used = {
        doc
        for path in HERE.glob("claims_*.jsonl")
        if path != drawn.gold
        for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        if r["dataset"] == "fnc1"
        for doc in [r["doc"]]
    }
    seen: set[tuple[str, ...]] = set()
    for body in used:
        seen |= grams(bodies[body])
    pool = []
    for body in sorted((b for b in bodies if b not in used), key=int):
        own = grams(bodies[body])
        n = len(rough(bodies[body]))
        if LONG_MIN_ROUGH <= n <= MAX_ROUGH and len(own & seen) <= MAX_OVERLAP * len(own):
            pool.append(body)
    say(f"{len(pool)} candidate bodies")
    random.Random(drawn.number).shuffle(pool)
    taken: list[DocKey] = []
    kept: list[set[tuple[str, ...]]] = []
    count = 0
    for body in pool:
        if count > ROUGH_TARGET:
            break
        own = grams(bodies[body])
        if any(len(own & g) > MAX_TWIN * min(len(own), len(g)) for g in kept):
            say(f"fnc1 {body}: skipped, shares over half its copy with a body taken")
            continue
        count += len(rough(bodies[body]))
        kept.append(own)
        taken.append(("fnc1", body))
        say(f"fnc1 {body}: taken ({len(rough(bodies[body]))}; {count})")
    return taken


def draw(data_root: Path, drawn: Drawn, *, verbose: bool = False) -> list[DocKey]:
    """The documents of the set, in draw order; `verbose` prints each decision."""

    def say(line: str) -> None:
        if verbose:
            print(line)

    if drawn.long_bodies:
        return draw_long_bodies(data_root, drawn, say)

    truth = json.loads((data_root / AEB_FILE).read_text(encoding="utf-8"))
    used = used_documents()
    taken: list[DocKey] = []
    count = 0
    bodies = read_documents(data_root, [("fnc1", b) for b in drawn.fnc1])
    for body in drawn.fnc1:
        assert ("fnc1", body) not in used, body
        count += len(rough(bodies[("fnc1", body)]))
        taken.append(("fnc1", body))
        say(f"fnc1 {body}: taken ({count})")
    order = sorted(k for k in truth if ("aeb", k) not in used)
    random.Random(49).shuffle(order)
    last = next(i for i, k in enumerate(order) if k.startswith(drawn.after))
    after = order[last + 1 :]
    for page in after:
        if count > ROUGH_TARGET:
            break
        n = len(rough(truth[page]["articleBody"]))
        if not MIN_ROUGH <= n <= MAX_ROUGH:
            say(f"aeb {page[:8]}: skipped, {n} rough sentences")
            continue
        count += n
        taken.append(("aeb", page))
        say(f"aeb {page[:8]}: taken ({n}; {count})")
    return taken


def records(data_root: Path, drawn: Drawn) -> list[dict[str, object]]:
    """The unlabelled records of the set, in draw order."""
    keys = draw(data_root, drawn)
    texts = read_documents(data_root, keys)
    out: list[dict[str, object]] = []
    for dataset, doc in keys:
        text = texts[(dataset, doc)]
        for n, (start, end) in enumerate(split(text), 1):
            sentence = text[start:end]
            out.append(
                {
                    "id": f"{drawn.prefix}-{dataset}-{doc[:8]}-{n:03d}",
                    "dataset": dataset,
                    "doc": doc,
                    "start": start,
                    "end": end,
                    "sha1": hashlib.sha1(sentence.encode("utf-8")).hexdigest(),
                    "text": sentence,
                }
            )
    return out


def write_readings(data_root: Path, drawn: Drawn, outdir: Path) -> None:
    """One file per batch: each page whole, every record on its own line after its id."""
    recs = records(data_root, drawn)
    outdir.mkdir(parents=True, exist_ok=True)
    docs = list(dict.fromkeys((str(r["dataset"]), str(r["doc"])) for r in recs))
    half = len(recs) / 2
    batch: dict[DocKey, str] = {}
    seen = 0
    for key in docs:
        batch[key] = "X" if seen < half * 0.95 else "Y"
        seen += sum((r["dataset"], r["doc"]) == key for r in recs)
    for letter in "XY":
        lines: list[str] = []
        for key in (k for k in docs if batch[k] == letter):
            lines.append(f"\n# document {key[0]} {key[1][:8]}\n")
            lines += [f"[{r['id']}] {r['text']}" for r in recs if (r["dataset"], r["doc"]) == key]
        (outdir / f"pages_{letter}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        n = sum(batch[(str(r["dataset"]), str(r["doc"]))] == letter for r in recs)
        print(f"batch {letter}: {n} records")
    (outdir / "records.json").write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")


def read_labels(path: Path) -> dict[str, dict[str, Any]]:
    """One reading or adjudication by record id."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, filter(str.strip, lines))}


def comparable(label: dict[str, Any]) -> tuple[object, ...]:
    """A label with what cannot matter set aside: notes, the order of spans, the case and
    articles of a speaker's name."""

    def name(x: object) -> str:
        return speaker_key(str(x)) if x else ""

    figures = sorted(
        (
            f["text"],
            f.get("occurrence", 1),
            float(f["value"]),
            (f["unit"] or "").lower(),
            f["bound"],
            f["low"],
            f["currency"],
        )  # fmt: skip
        for f in label["figures"]
    )
    non_figures = sorted(
        (n["text"], n.get("occurrence", 1), n["kind"]) for n in label["non_figures"]
    )
    nested = label["nested"]
    return (
        label["checkable"], label["not_claim"], name(label["speaker"]),
        sorted(map(name, label["speaker_alternatives"])), figures, non_figures,
        None if nested is None else name(nested.get("claimant")),
    )  # fmt: skip


def write_disputes(data_root: Path, drawn: Drawn, outdir: Path) -> None:
    """Each batch's records on which its two readings differ, both readings in full."""
    recs = {str(r["id"]): r for r in records(data_root, drawn)}
    outdir.mkdir(parents=True, exist_ok=True)
    for batch, (first, second) in READINGS.items():
        one, two = (read_labels(drawn.labels / f"labels_{r}.jsonl") for r in (first, second))
        lines: list[str] = []
        for rid in one:
            if comparable(one[rid]) == comparable(two[rid]):
                continue
            lines.append(f"## [{rid}] {recs[rid]['text']}\n")
            for n, label in ((1, one[rid]), (2, two[rid])):
                shown = {k: label.get(k) for k in (*LABEL_KEYS, "notes")}
                lines.append(f"reading {n}: {json.dumps(shown, ensure_ascii=False)}\n")
        (outdir / f"disputes_{batch}.md").write_text("\n".join(lines), encoding="utf-8")
        print(f"batch {batch}: {len(lines) // 3} of {len(one)} records disputed")


def span(record: dict[str, Any], item: dict[str, Any]) -> tuple[int, int]:
    """The document offsets of a figure or non-figure given by its text and occurrence."""
    text, at = str(record["text"]), -1
    for _ in range(int(item.get("occurrence", 1))):
        at = text.find(item["text"], at + 1)
        if at < 0:
            raise ValueError(f"{record['id']}: {item['text']!r} is not in the record")
    start = int(record["start"]) + at
    return start, start + len(item["text"])


def number(x: object) -> float | int | None:
    """A label's number. A reader now and then writes one as a string ("low": "15") or slips
    another field into it ("low": "USD", read as none)."""
    if x is None or isinstance(x, int | float):
        return x
    try:
        return float(str(x))
    except ValueError:
        return None


def gold_record(record: dict[str, Any], label: dict[str, Any], notes: str) -> dict[str, Any]:
    """A record in the gold schema from its final label."""
    figures = []
    for f in label["figures"]:
        start, end = span(record, f)
        figures.append(
            {
                "text": f["text"],
                "start": start,
                "end": end,
                "value": number(f["value"]),
                "unit": f["unit"],
                "bound": f["bound"],
                "low": number(f["low"]),
                "currency": f["currency"],
                "scale_applied": bool(f.get("scale_applied")),
                "unit_implicit": bool(f.get("unit_implicit")),
            }  # fmt: skip
        )
    non_figures = []
    for n in label["non_figures"]:
        start, end = span(record, n)
        non_figures.append({"text": n["text"], "start": start, "end": end, "kind": n["kind"]})
    out = {k: record[k] for k in ("id", "dataset", "doc", "start", "end", "sha1")}
    out.update({k: label[k] for k in ("checkable", "not_claim", "speaker", "speaker_core")})
    out["speaker_alternatives"] = list(label["speaker_alternatives"])
    if out["speaker"] is None and out["speaker_alternatives"]:
        # "none, or X": the schema has no optional speaker, so none it is (held-out-53's
        # readers wrote ten such); the alternatives stay in the notes
        kept = "; ".join(out.pop("speaker_alternatives"))
        out["speaker_alternatives"] = []
        notes = f"{notes}; alternatives without a speaker, dropped: {kept}".lstrip("; ")
    out.update(figures=figures, non_figures=non_figures, nested=label["nested"], notes=notes)
    return out


def build(data_root: Path, drawn: Drawn) -> None:
    """The set's gold file: the readings where they agree, the adjudication where not."""
    recs = records(data_root, drawn)
    texts = read_documents(data_root, {(str(r["dataset"]), str(r["doc"])) for r in recs})
    final: dict[str, dict[str, Any]] = {}
    joined: set[str] = set()
    for batch, (first, second) in READINGS.items():
        one, two = (read_labels(drawn.labels / f"labels_{r}.jsonl") for r in (first, second))
        settled = read_labels(drawn.labels / f"adjudicated_{batch}.jsonl")
        for rid in one:
            if rid in settled:
                label = settled[rid]
                note = f"adjudicated: {label.get('decided', '')}"
                if label.get("join_previous"):
                    joined.add(rid)
            elif comparable(one[rid]) == comparable(two[rid]):
                label, note = one[rid], "both readings agree"
                if one[rid].get("join_previous") and two[rid].get("join_previous"):
                    joined.add(rid)  # both readers: "Nathan Cirillo." goes on from "Cpl."
            else:
                raise SystemExit(f"{rid}: the readings differ and no adjudication settles it")
            final[rid] = {**label, "notes": f"{note}; {label.get('notes') or ''}".strip("; ")}
    # A record joined to the one before (by the adjudication, or by both readings) is part of
    # it: the label on the first of a run speaks of the whole joined sentence, its spans too
    # ("3." + "5mm": "3. 5mm").
    whole: list[dict[str, Any]] = []
    for r in recs:
        if str(r["id"]) in joined:
            head = whole[-1]
            doc = texts[(str(r["dataset"]), str(r["doc"]))]
            text = doc[int(head["start"]) : int(str(r["end"]))]
            head.update(end=r["end"], text=text, sha1=hashlib.sha1(text.encode()).hexdigest())
        else:
            whole.append(dict(r))
    out = [gold_record(r, final[str(r["id"])], final[str(r["id"])]["notes"]) for r in whole]
    bad = [p for g in out for p in problems(g)]
    if bad:
        raise SystemExit(f"{len(bad)} problem(s), the first: {bad[0]}")
    drawn.gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in out), "utf-8")
    print(f"wrote {len(out)} records to {drawn.gold} ({len(joined)} joined)")


@dataclass(frozen=True)
class Kept:
    """A reading's checkable record as the scorer reads an extractor's candidate."""

    start: int
    end: int
    attributed_to: str | None
    quantities: tuple[Said, ...]


def inside(recs: dict[str, dict[str, Any]], gold: GoldSentence) -> list[dict[str, Any]]:
    """The split's records that lie within a gold record (one, or more after a join)."""
    return [
        r
        for r in recs.values()
        if (r["dataset"], r["doc"]) == gold.key and gold.start <= r["start"] < gold.end
    ]


def as_candidate(record: dict[str, Any], label: dict[str, Any]) -> Kept:
    figures = []
    for f in label["figures"]:
        start, end = span(record, f)
        low = f["low"]
        figures.append(
            Said(
                float(f["value"]),
                f["unit"],
                f["bound"],
                None if low is None else float(low),
                f["currency"],
                f["text"],
                start,
                end,
            )  # fmt: skip
        )
    return Kept(int(record["start"]), int(record["end"]), label["speaker"], tuple(figures))


def reading(drawn: Drawn, n: int) -> dict[str, dict[str, Any]]:
    """Reading 1 (X1, Y1) or reading 2 (X2, Y2) of every record."""
    out: dict[str, dict[str, Any]] = {}
    for pair in READINGS.values():
        out.update(read_labels(drawn.labels / f"labels_{pair[n - 1]}.jsonl"))
    return out


HEADLINE = ("checkable_recall", "non_claims_kept", "figure_precision", "figure_recall",
            "speaker_accuracy", "speaker_end_to_end")  # fmt: skip


def quietly(report: Report) -> dict[str, float]:
    with contextlib.redirect_stdout(io.StringIO()):
        return score_report(report)


def line(name: str, results: dict[str, float]) -> None:
    print(f"  {name:<44}" + "".join(f"{results[k]:>9.3f}" for k in HEADLINE))


def score(data_root: Path, drawn: Drawn) -> None:
    """The extractor and each reading against the adjudicated gold; the extractor against each
    reading alone. Readings are scored by the extractor's own scorer: a record a reading calls
    checkable is a candidate with that reading's speaker and figures."""
    golds, texts = load_with_documents(data_root, drawn.gold)
    urls = document_urls(data_root, texts.keys())
    recs = {str(r["id"]): r for r in records(data_root, drawn)}
    print(f"\n{len(golds)} records, {sum(g.checkable for g in golds)} checkable")
    report = extract_all(golds, texts, urls)
    print("\nThe extractor against the adjudicated gold, in full:\n")
    score_report(report)
    print("\n" + " " * 46 + "".join(f"{k[:8]:>9}" for k in HEADLINE))
    print("Against the adjudicated gold:")
    line("the extractor", quietly(report))
    for n in (1, 2):
        labels = reading(drawn, n)
        # a gold record the adjudicator joined holds several of the readings' records
        rows = [
            Aligned(
                g,
                [
                    as_candidate(r, labels[r["id"]])
                    for r in inside(recs, g)
                    if labels[r["id"]]["checkable"]
                ],
            )
            for g in golds
        ]
        kept = sum(len(r.candidates) for r in rows)
        line(f"reading {n} (X{n}, Y{n})", quietly(Report(rows, kept, 0, 0.0)))
    print("The extractor against one reading alone (no adjudication):")
    for n in (1, 2):
        labels = reading(drawn, n)
        alone = [gold_record(recs[i], labels[i], "") for i in recs]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "reading.jsonl"
            path.write_text("".join(json.dumps(g) + "\n" for g in alone), encoding="utf-8")
            one, _ = load_with_documents(data_root, path)
        line(f"reading {n}", quietly(extract_all(one, texts, urls)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("draw", "readings", "disputes", "build", "score"))
    parser.add_argument("data_root", type=Path, help="folder holding the shared data sets")
    parser.add_argument("outdir", type=Path, nargs="?", help="readings / disputes: a folder")
    parser.add_argument(
        "--set", type=int, choices=sorted(DRAWN), default=50, help="which set (default 50)"
    )
    args = parser.parse_args(argv)
    drawn = DRAWN[args.set]
    if args.command == "draw":
        draw(args.data_root, drawn, verbose=True)
    elif args.command == "readings":
        if args.outdir is None:
            parser.error("readings needs OUTDIR")
        write_readings(args.data_root, drawn, args.outdir)
    elif args.command == "disputes":
        if args.outdir is None:
            parser.error("disputes needs OUTDIR")
        write_disputes(args.data_root, drawn, args.outdir)
    elif args.command == "build":
        build(args.data_root, drawn)
    else:
        score(args.data_root, drawn)
    return 0


if __name__ == "__main__":
    sys.exit(main())
