"""What `verify check` finds in real article bodies: FNC-1's headlines checked as claims against
its 1,339 news bodies, fetched and stored by the path a desk takes (`verify sources add`,
`verify fetch`, `verify check --full`), and the evidence scored against FNC-1's labels.

    python eval/bodies.py ../shared/data [--folds 5] [--workflow W] [--limit N] [--show N]
        [--judge-top 0,10]

DATA_ROOT holds `fnc1/` (train portion) and `emergent/` (dev portion, for training). Each body
is served from a loopback server as an HTML page of its paragraphs under a host of its own
(`b{id}.fnc1.test`), so every body is an independent origin. The headlines are split into
folds by story (a headline and the bodies related to it are one group, as `eval/stance.py`
and `python -m verify.train` split them); each fold is checked on a copy of the fetched
database with a stance model trained without that fold's groups. Leaks, stated: a held-out
body was seen in training as the page of other stories' unrelated pairs; the relatedness
calibration, the rules' confidences and the word weights are the shipped model's.

Where `eval/stance.py` hands the model each labelled pair (the body's sentence nearest the
headline, with the body), this asks the whole engine: the index must find the body among all
1,339, the shortlist must pick a passage of it, and the judgement is the one the desk sees.
Printed: per labelled pair, gold (agree → supports, disagree → contradicts, discuss →
mentions, unrelated → no evidence) against what `check` stored, the FNC-1 score of that
outcome (no evidence counts as "unrelated"), and the evidence found in bodies FNC-1 never paired
with the headline.
"""

import argparse
import html
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from sqlmodel import col, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

import decisions  # noqa: E402 (the sibling eval: serving, training without a fold, checking)

from verify import config, database, stance_data, train, workflow  # noqa: E402
from verify.models import Claim, Evidence, Source  # noqa: E402

GOLD = {"agree": "supports", "disagree": "contradicts", "discuss": "mentions"}
FOUND = ("supports", "contradicts", "mentions", "not found")


def url_of(body_id: str) -> str:
    return f"http://b{body_id}.fnc1.test/"


def page(body: str) -> bytes:
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    inner = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title></title></head>"
            f"<body><article>{inner}</article></body></html>").encode()  # fmt: skip


def body_of(url: str) -> str:
    return url.split("//b", 1)[1].split(".", 1)[0]


def collect(
    db: str,
    labels: dict[tuple[str, str], str],
    n: int,
    top: int,
    shown: dict[tuple[int, str, str], list[str]],
) -> None:
    """Up to n stored evidence rows of each wrong (gold, stored) kind, to read."""
    query = (
        select(Claim.text, Source.url, Evidence.stance, Evidence.confidence, Evidence.note,
               Evidence.passage)
        .join(Claim, col(Claim.id) == col(Evidence.claim_id))
        .join(Source, col(Source.id) == col(Evidence.source_id))
    )  # fmt: skip
    with database.transaction(db, write=False) as session:
        for claim, url, stance, confidence, note, passage in session.exec(query):
            gold = labels.get((claim, body_of(url)), "unpaired")
            if GOLD.get(gold) == stance or len(shown[top, gold, stance]) >= n:
                continue
            shown[top, gold, stance].append(
                f"  - {claim!r}\n    b{body_of(url)} {stance} {confidence or 0:.2f}: {note}\n"
                f"    passage: {passage[:300]!r}"
            )


def fnc_score(gold: str, got: str) -> float:
    """FNC-1's weighted score of one pair: 0.25 for related/unrelated right, 0.75 more for the
    stance of a related pair."""
    if gold == "unrelated":
        return 0.25 if got == "not found" else 0.0
    if got == "not found":
        return 0.0
    return 0.25 + (0.75 if GOLD[gold] == got else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder holding fnc1/ and emergent/")
    parser.add_argument("--folds", type=int, default=train.FOLDS)
    parser.add_argument("--workflow", type=Path, default=config.default_workflow())
    parser.add_argument(
        "--limit", type=int, default=0, help="check only this many headlines (a quicker look)"
    )
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        help="print this many stored evidence rows of each wrong kind",
    )
    decisions.add_judge_top(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    flow = workflow.load(args.workflow)
    flows = decisions.judge_top_flows(flow, args.judge_top)
    tops = list(flows)
    stances, bodies, _ = stance_data.load(args.root)
    labels = {(r["Headline"], r["Body ID"]): r["Stance"] for r in stances}
    headlines = sorted({h for h, _ in labels})
    if args.limit:
        headlines = headlines[:: max(1, len(headlines) // args.limit)][: args.limit]
    print(f"FNC-1 train portion: {len(headlines):,} headlines checked against {len(bodies):,} "
          f"bodies; labelled pairs {Counter(labels.values()).most_common()}; workflow "
          f"{flow.name!r}; {args.folds} folds by story")  # fmt: skip
    trainer = decisions.Trainer(args.root)
    group_of = {e.claim: e.group for e in trainer.examples if e.dataset == "fnc1"}
    by_group: dict[int, list[str]] = defaultdict(list)
    for h in headlines:
        by_group[group_of[h]].append(h)
    order = sorted(by_group)
    random.Random(train.SEED).shuffle(order)
    folds: list[list[str]] = [[] for _ in range(args.folds)]
    for n, g in enumerate(order):
        folds[n % args.folds] += by_group[g]
    # judge_top → headline → body id → stance stored; (judge_top, gold, found) → rows to read
    found: dict[int, dict[str, dict[str, str]]] = defaultdict(dict)
    shown: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    per_claim: dict[int, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "fetched.db"
        pages = {(f"b{b}.fnc1.test", "/"): page(text) for b, text in bodies.items()}
        decisions.fetch_pages(pages, [url_of(b) for b in sorted(bodies, key=int)],
                              config.database_url(str(base)), "FNC-1 bodies")  # fmt: skip
        for k, fold in enumerate(folds):
            if not fold:
                continue
            model = trainer.without({group_of[h] for h in fold})
            for top, chosen in flows.items():
                db_file = Path(folder) / f"fold{k}-{top}.db"
                shutil.copy(base, db_file)
                db = config.database_url(str(db_file))
                ids = decisions.add_claims(db, chosen, fold, reason="FNC-1 headline")
                t = time.perf_counter()
                checked = decisions.check_fold(db, chosen, model)
                per_claim[top].append((time.perf_counter() - t) / len(fold))
                for h in fold:
                    _, evidence = checked[ids[h]]
                    found[top][h] = {body_of(u): s for u, s in evidence}
                if args.show:
                    collect(db, labels, args.show, top, shown)
                print(f"  fold {k + 1}, judge_top {top}: {len(fold)} headlines checked in "
                      f"{time.perf_counter() - t:.1f} s")  # fmt: skip
    for top in tops:
        print(f"\n[match] judge_top = {top}: {statistics.mean(per_claim[top]) * 1000:.0f} ms a "
              f"claim in `check`")  # fmt: skip
        report(headlines, labels, found[top])
    for (top, gold, got), rows in sorted(shown.items()):
        print(f"\njudge_top {top}, {gold} stored as {got}:")
        for row in rows:
            print(row)
    print(f"({time.perf_counter() - started:.0f} s in all)")


def report(
    headlines: list[str], labels: dict[tuple[str, str], str], found: dict[str, dict[str, str]]
) -> None:
    chosen = set(headlines)
    tally: Counter[tuple[str, str]] = Counter()
    score = best = 0.0
    for (h, b), gold in labels.items():
        if h not in chosen:
            continue
        got = found[h].get(b, "not found")
        tally[gold, got] += 1
        score += fnc_score(gold, got)
        best += fnc_score(gold, "not found" if gold == "unrelated" else GOLD[gold])
    unpaired: Counter[str] = Counter(
        s for h in headlines for b, s in found[h].items() if (h, b) not in labels
    )
    print("\nEach labelled (headline, body) pair: what `check` stored for the body")
    print(f"    {'gold → found':<14}" + "".join(f"{n:>13}" for n in FOUND))
    for gold in ("agree", "disagree", "discuss", "unrelated"):
        print(f"    {gold:<14}" + "".join(f"{tally[gold, n]:>13,}" for n in FOUND))
    related = sum(n for (g, _), n in tally.items() if g != "unrelated")
    hit = sum(n for (g, f), n in tally.items() if g != "unrelated" and f != "not found")
    right = sum(tally[g, s] for g, s in GOLD.items())
    false = sum(n for (g, f), n in tally.items() if g == "unrelated" and f != "not found")
    unrelated = sum(n for (g, _), n in tally.items() if g == "unrelated")
    print(f"    related bodies found {hit:,}/{related:,} ({hit / max(related, 1):.3f}); stance "
          f"right on {right:,}/{hit:,} found ({right / max(hit, 1):.3f}); evidence on bodies "
          f"labelled unrelated {false:,}/{unrelated:,} "
          f"({false / max(unrelated, 1):.4f})")  # fmt: skip
    for gold, want in GOLD.items():
        got = sum(n for (g, f), n in tally.items() if f == want)
        tp = tally[gold, want]
        total = sum(n for (g, _), n in tally.items() if g == gold)
        p, r = tp / max(got, 1), tp / max(total, 1)
        print(f"    {want}: precision {p:.3f}, recall {r:.3f} (of the {total:,} {gold} pairs)")
    print(f"    FNC-1 score of the outcome (no evidence = unrelated): {score / best:.2%}")
    kinds = ", ".join(f"{s} {n}" for s, n in unpaired.most_common())
    print(f"    evidence in bodies FNC-1 never paired with the headline: "
          f"{sum(unpaired.values()):,} ({kinds})")  # fmt: skip


if __name__ == "__main__":
    main()
