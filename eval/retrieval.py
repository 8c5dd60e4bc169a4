"""Claim retrieval on CLEF-2020 CheckThat! Task 2 (tweets → previously verified claims), with
the path `verify factchecks search` and `verify check` take: the verified claims stored as
fact-checks in a scratch SQLite database (factchecks.store, the full-text index kept by the
database), searched with factchecks.Index. The data's path is given on the command line.

    python eval/retrieval.py ../shared/data/clef2020-t2-claim-retrieval [--split dev] [--tune]

Prints MAP@5 beside the BM25 reference from PROVENANCE.md (dev 0.757 with claim + title
indexed; verify indexes the claim reviewed only, as a ClaimReview gives no title).
`--tune` picks the index/fuzzy blend on the train split (never on dev or test).
"""

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

from verify import claimreview, database, factchecks, matching

csv.field_size_limit(sys.maxsize)


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter="\t"))[1:]


def map_at_5(found: list[list[factchecks.Hit]], golds: list[str]) -> float:
    total = 0.0
    for hits, gold in zip(found, golds, strict=True):
        for rank, hit in enumerate(hits[:5], start=1):
            if hit.factcheck.review_url.rsplit("/", 1)[1] == gold:
                total += 1 / rank
                break
    return total / len(golds)


def evaluate(folder: Path, split: str, blend: float, scorer: str) -> float:
    claims = read_tsv(folder / "verified_claims.docs.tsv")
    records = [claimreview.Record(row[1], f"https://clef.example/{row[0]}") for row in claims]
    tweets = read_tsv(folder / split / "tweets.queries.tsv")
    with (folder / split / "tweet-vclaim-pairs.qrels").open(encoding="utf-8") as handle:
        gold = {line.split()[0]: line.split()[2] for line in handle if line.strip()}
    with tempfile.TemporaryDirectory() as scratch:
        engine = database.open_engine(f"sqlite:///{scratch}/verify.db")
        try:
            with database.session_on(engine) as session:
                factchecks.store(session, records, source="clef")
            with database.session_on(engine) as session:
                found = factchecks.Index(session).search(
                    [t[1] for t in tweets], scorer=scorer, limit=5, blend=blend
                )
        finally:
            engine.dispose()
    return map_at_5(found, [gold[t[0]] for t in tweets])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--scorer", default="token_set_ratio")
    parser.add_argument("--blend", type=float, default=matching.RANK_BLEND)
    args = parser.parse_args()
    started = time.perf_counter()
    blend = args.blend
    if args.tune:
        scores = {
            b: evaluate(args.folder, "train", b, args.scorer) for b in (0.0, 0.25, 0.5, 0.75, 1.0)
        }
        for b, score in scores.items():
            print(f"  train: blend {b:.2f} (1.0 = BM25 only) → MAP@5 {score:.3f}")
        blend = max(scores, key=scores.__getitem__)
    score = evaluate(args.folder, args.split, blend, args.scorer)
    print(f"CLEF-2020 Task 2, {args.split} split: MAP@5 {score:.3f} (blend {blend}, {args.scorer})")
    print("  reference: BM25 (claim + title) dev 0.757, held-out test 0.836; "
          "best published ≈0.93 on test")  # fmt: skip
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
