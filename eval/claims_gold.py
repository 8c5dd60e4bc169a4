"""The claim-extraction gold set: load it, check that every record resolves, show it.

The repository keeps annotations and locators only (`eval/data/claims_gold.jsonl`); the sentences
themselves are re-read from the data sets, whose folder is given on the command line:

    python eval/claims_gold.py --check ../shared/data          # every record resolves
    python eval/claims_gold.py --show ../shared/data [DOC...]   # sentences beside their labels

DATA_ROOT must hold `article-extraction-benchmark/ground-truth.json` and
`fnc1/train_bodies.csv`. Each record names its data set, document, character offsets and the
sha1 of the sentence text; a record whose text does not hash to its sha1 is an error, never
silently used. The schema and the guidelines are in `eval/data/README.md`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD = Path(__file__).parent / "data" / "claims_gold.jsonl"
AEB_FILE = Path("article-extraction-benchmark") / "ground-truth.json"
FNC1_FILE = Path("fnc1") / "train_bodies.csv"

DATASETS = frozenset({"aeb", "fnc1"})
NOT_CLAIM_KINDS = frozenset(
    {
        "dateline", "byline", "caption", "table", "instruction", "question", "prediction", "plan",
        "opinion", "fragment", "exhortation", "prayer", "heading", "boilerplate", "link",
        "reference", "other",
    }
)  # fmt: skip
BOUNDS = frozenset({"exact", "min", "max", "range", "approx"})
NON_FIGURE_KINDS = frozenset(
    {
        "date", "year", "time", "model", "product", "disease", "ticker", "ordinal", "case_number",
        "phone", "code", "name", "url", "citation", "other",
    }
)  # fmt: skip
KEYS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "dataset": (str,),
    "doc": (str,),
    "start": (int,),
    "end": (int,),
    "sha1": (str,),
    "checkable": (bool,),
    "not_claim": (str, type(None)),
    "speaker": (str, type(None)),
    "speaker_core": (str, type(None)),
    "speaker_alternatives": (list,),
    "figures": (list,),
    "non_figures": (list,),
    "nested": (dict, type(None)),
    "notes": (str,),
}
FIGURE_KEYS: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "start": (int,),
    "end": (int,),
    "value": (int, float),
    "unit": (str, type(None)),
    "bound": (str,),
    "low": (int, float, type(None)),
    "currency": (str, type(None)),
    "scale_applied": (bool,),
    "unit_implicit": (bool,),
}
NON_FIGURE_KEYS: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "start": (int,),
    "end": (int,),
    "kind": (str,),
}
NESTED_KEYS: dict[str, tuple[type, ...]] = {
    "claim": (str,),
    "claimant": (str, type(None)),
    "disputed_by": (str,),
    "how": (str,),
}

DocKey = tuple[str, str]  # (dataset, document id)


class GoldError(Exception):
    """The gold file or the data it points into is not what the annotations expect."""


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    value: float
    unit: str | None
    bound: str
    low: float | None
    currency: str | None
    scale_applied: bool
    unit_implicit: bool


@dataclass(frozen=True)
class NonFigure:
    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Nested:
    claim: str
    claimant: str | None
    disputed_by: str
    how: str


@dataclass(frozen=True)
class GoldSentence:
    """One annotated sentence, with its text re-read from the data set."""

    id: str
    dataset: str
    doc: str
    start: int
    end: int
    text: str
    checkable: bool
    not_claim: str | None
    speaker: str | None
    speaker_core: str | None
    speaker_alternatives: tuple[str, ...]
    figures: tuple[Figure, ...]
    non_figures: tuple[NonFigure, ...]
    nested: Nested | None
    notes: str

    @property
    def key(self) -> DocKey:
        return (self.dataset, self.doc)


def _type_problems(where: str, obj: Any, keys: dict[str, tuple[type, ...]]) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: not an object"]
    problems = [f"{where}: missing {k!r}" for k in keys if k not in obj]
    problems += [f"{where}: unknown key {k!r}" for k in obj if k not in keys]
    for k, types in keys.items():
        value = obj.get(k)
        # bool is an int in Python: an int field must not accept True/False
        bad_bool = isinstance(value, bool) and bool not in types
        if k in obj and (not isinstance(value, types) or bad_bool):
            problems.append(f"{where}: {k!r} has type {type(value).__name__}")
    return problems


def _span_problems(where: str, span: dict[str, Any], start: int, end: int) -> list[str]:
    s, e = span.get("start"), span.get("end")
    if not (isinstance(s, int) and isinstance(e, int)):
        return []
    if not start <= s < e <= end:
        return [f"{where}: span {s}:{e} is not inside the sentence {start}:{end}"]
    if len(span.get("text", "")) != e - s:
        return [f"{where}: text length does not match its span"]
    return []


def problems(record: Any) -> list[str]:
    """Schema problems of one gold record (empty when it is well formed). Needs no data."""
    rid = record.get("id", "?") if isinstance(record, dict) else "?"
    found = _type_problems(rid, record, KEYS)
    if found:
        return found
    if record["dataset"] not in DATASETS:
        found.append(f"{rid}: unknown dataset {record['dataset']!r}")
    if not 0 <= record["start"] < record["end"]:
        found.append(f"{rid}: offsets {record['start']}:{record['end']} are not ordered")
    if len(record["sha1"]) != 40:
        found.append(f"{rid}: sha1 is not 40 hex digits")
    if record["checkable"] == (record["not_claim"] is not None):
        found.append(f"{rid}: exactly one of checkable / not_claim must be set")
    if record["not_claim"] is not None and record["not_claim"] not in NOT_CLAIM_KINDS:
        found.append(f"{rid}: unknown not_claim {record['not_claim']!r}")
    if (record["speaker"] is None) != (record["speaker_core"] is None):
        found.append(f"{rid}: speaker and speaker_core go together")
    if record["speaker_alternatives"] and record["speaker"] is None:
        found.append(f"{rid}: speaker_alternatives without a speaker")
    if not all(isinstance(a, str) and a for a in record["speaker_alternatives"]):
        found.append(f"{rid}: speaker_alternatives must be non-empty strings")
    for i, fig in enumerate(record["figures"]):
        where = f"{rid} figure {i}"
        kinds = _type_problems(where, fig, FIGURE_KEYS)
        found += kinds or _span_problems(where, fig, record["start"], record["end"])
        if kinds:
            continue
        if fig["bound"] not in BOUNDS:
            found.append(f"{where}: unknown bound {fig['bound']!r}")
        if (fig["bound"] == "range") != (fig["low"] is not None):
            found.append(f"{where}: a range needs low, and only a range has one")
        if fig["currency"] is not None and not (
            len(fig["currency"]) == 3 and fig["currency"].isupper()
        ):
            found.append(f"{where}: currency must be an ISO 4217 code")
    for i, nf in enumerate(record["non_figures"]):
        where = f"{rid} non-figure {i}"
        kinds = _type_problems(where, nf, NON_FIGURE_KEYS)
        found += kinds or _span_problems(where, nf, record["start"], record["end"])
        if not kinds and nf["kind"] not in NON_FIGURE_KINDS:
            found.append(f"{where}: unknown kind {nf['kind']!r}")
    if record["nested"] is not None:
        found += _type_problems(f"{rid} nested", record["nested"], NESTED_KEYS)
    return found


def read_records(path: Path = GOLD) -> list[dict[str, Any]]:
    """The raw gold records, schema-checked, in file order."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read {path} ({exc.strerror})") from exc
    records: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    found = [p for r in records for p in problems(r)]
    if found:
        raise GoldError(f"{path}: {found[0]} (and {len(found) - 1} more problem(s))")
    return records


def read_documents(data_root: Path, keys: Iterable[DocKey]) -> dict[DocKey, str]:
    """The full text of each named document, read from the data sets under data_root."""
    wanted = set(keys)
    texts: dict[DocKey, str] = {}
    if any(ds == "aeb" for ds, _ in wanted):
        truth = json.loads(_read(data_root / AEB_FILE))
        texts.update({("aeb", k): v["articleBody"] for k, v in truth.items()})
    if any(ds == "fnc1" for ds, _ in wanted):
        csv.field_size_limit(sys.maxsize)
        rows = csv.DictReader(_read(data_root / FNC1_FILE).splitlines(keepends=True))
        texts.update({("fnc1", row["Body ID"]): row["articleBody"] for row in rows})
    missing = sorted(wanted - texts.keys())
    if missing:
        raise GoldError(
            f"document {missing[0][1]!r} of {missing[0][0]} is not under {data_root} "
            f"({len(missing)} missing); point DATA_ROOT at the shared data folder"
        )
    return {key: texts[key] for key in wanted}


def document_urls(data_root: Path, keys: Iterable[DocKey]) -> dict[DocKey, str]:
    """The address of each named document that has one (benchmark pages; FNC-1 bodies have
    none), as an extractor reading the page would know it."""
    if not any(ds == "aeb" for ds, _ in keys):
        return {}
    truth = json.loads(_read(data_root / AEB_FILE))
    return {("aeb", k): v["url"] for k, v in truth.items() if ("aeb", k) in keys and v.get("url")}


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(
            f"cannot read {path} ({exc.strerror}); DATA_ROOT must hold {AEB_FILE} and {FNC1_FILE}"
        ) from exc


def load(data_root: Path, path: Path = GOLD) -> list[GoldSentence]:
    """Every gold sentence with its text, each verified against its sha1."""
    sentences, _ = load_with_documents(data_root, path)
    return sentences


def load_with_documents(
    data_root: Path, path: Path = GOLD
) -> tuple[list[GoldSentence], dict[DocKey, str]]:
    """The gold sentences and the full text of every document they come from."""
    records = read_records(path)
    texts = read_documents(data_root, {(r["dataset"], r["doc"]) for r in records})
    sentences = [_sentence(r, texts[(r["dataset"], r["doc"])]) for r in records]
    return sentences, texts


def _sentence(r: dict[str, Any], document: str) -> GoldSentence:
    text = document[r["start"] : r["end"]]
    if r["end"] > len(document) or hashlib.sha1(text.encode("utf-8")).hexdigest() != r["sha1"]:
        raise GoldError(
            f"{r['id']}: the text at {r['start']}:{r['end']} of {r['dataset']} document "
            f"{r['doc']} does not match its sha1 (the data differs from the annotated copy); "
            "use the data sets named in eval/data/README.md"
        )
    return GoldSentence(
        id=r["id"],
        dataset=r["dataset"],
        doc=r["doc"],
        start=r["start"],
        end=r["end"],
        text=text,
        checkable=r["checkable"],
        not_claim=r["not_claim"],
        speaker=r["speaker"],
        speaker_core=r["speaker_core"],
        speaker_alternatives=tuple(r["speaker_alternatives"]),
        figures=tuple(Figure(**f) for f in r["figures"]),
        non_figures=tuple(NonFigure(**n) for n in r["non_figures"]),
        nested=Nested(**r["nested"]) if r["nested"] else None,
        notes=r["notes"],
    )


def show(sentences: Sequence[GoldSentence], prefixes: Sequence[str]) -> None:
    for s in sentences:
        if prefixes and not any(s.doc.startswith(p) for p in prefixes):
            continue
        label = "checkable" if s.checkable else f"not a claim: {s.not_claim}"
        print(f"[{s.id}] {label}" + (f" | speaker: {s.speaker}" if s.speaker else ""))
        print(f"    {' '.join(s.text.split())}")
        for f in s.figures:
            low = f"{f.low}–" if f.low is not None else ""
            money = f" {f.currency}" if f.currency else ""
            print(f"    figure {f.text!r}: {low}{f.value} {f.unit or ''} ({f.bound}){money}")
        for n in s.non_figures:
            print(f"    not a figure {n.text!r}: {n.kind}")
        if s.nested:
            print(f"    nested: {s.nested.claim!r} by {s.nested.claimant}, {s.nested.how} by "
                  f"{s.nested.disputed_by}")  # fmt: skip
        if s.notes:
            print(f"    note: {s.notes}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="verify every record resolves")
    action.add_argument("--show", action="store_true", help="print sentences and annotations")
    parser.add_argument("data_root", type=Path, help="folder holding the shared data sets")
    parser.add_argument("docs", nargs="*", help="with --show: document id prefixes")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        sentences, texts = load_with_documents(args.data_root, args.gold)
    except GoldError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    if args.show:
        show(sentences, args.docs)
    else:
        print(f"OK: {len(sentences)} sentences in {len(texts)} documents resolve and match sha1.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
