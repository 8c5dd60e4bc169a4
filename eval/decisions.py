"""What verify decides for real rumours, end to end: Emergent's claims checked against its
articles by the path a desk takes (`verify sources add`, `verify fetch`, `verify check`), and
the statuses scored against the journalists' verdicts.

    python eval/decisions.py ../shared/data [--folds 5] [--workflow W] [--judge-top 0,5,10]

DATA_ROOT holds `emergent/` (dev portion) and `fnc1/` (train portion, for training). Each of
Emergent's 1,350 article URLs is served from a loopback server as a page holding its headline
(the data set has no bodies), under its own host name (`verify fetch --resolve`), so origins
are the real outlets. The claims are split into folds by claim; each fold is checked on a copy
of the fetched database with a stance model trained without that fold's claims (nor the FNC-1
headlines of the same story), so no claim is judged by a model that saw it. The relatedness
calibration and the rules' confidences are the shipped model's, and the word weights are fitted
on all texts (no labels): small leaks, stated.

Printed: the statuses beside Emergent's verdicts (true → corroborated, false → disputed,
unknown → unverified), with two references: every claim left unverified, and the same workflow
rules fed the data set's own stances (every article found, its stance right: the ceiling of
the rules); then, per article of each claim, whether `check` found it and with which stance,
and how much evidence came from articles about other claims.
"""

import argparse
import csv
import html
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from sqlmodel import col, select

from verify import (
    config,
    database,
    origins,
    quantities,
    stance_data,
    stance_features,
    stance_model,
    train,
    workflow,
)
from verify.models import Claim, Evidence, Source, StatusChange
from verify.pipeline import checking

VERIFY = [str(Path(sys.executable).parent / "verify")]
TRUTH = {"true": "corroborated", "false": "disputed", "unknown": "unverified"}
STANCE = {"for": "supports", "against": "contradicts", "observing": "mentions"}


def read_articles(root: Path) -> list[dict[str, str]]:
    with (root / "emergent" / "emergent_dev_articles.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:  # served over plain HTTP from loopback; the host and path stay the outlet's
        r["url"] = "http://" + r["url"].split("://", 1)[-1]  # one has no scheme
    return rows


def page(headline: str) -> bytes:
    h = html.escape(headline)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{h}</title></head>"
            f"<body><article><h1>{h}</h1><p>{h}</p></article></body></html>").encode()  # fmt: skip


@contextmanager
def serving(pages: dict[tuple[str, str], bytes]) -> Iterator[int]:
    """A loopback server answering each (Host, path) with its page, 404 otherwise."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            host = (self.headers.get("Host") or "").split(":")[0].lower()
            body = pages.get((host, self.path))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def fetch_all(rows: list[dict[str, str]], db: str) -> None:
    """Every article URL through `verify sources add` and `verify fetch`, from loopback."""
    pages: dict[tuple[str, str], bytes] = {}
    for r in rows:
        parts = urlsplit(r["url"])
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        pages[((parts.hostname or "").lower(), path or "/")] = page(r["articleHeadline"])
    fetch_pages(pages, sorted({r["url"] for r in rows}), db, "article pages")


def fetch_pages(pages: dict[tuple[str, str], bytes], urls: list[str], db: str, what: str) -> None:
    """`verify sources add` the URLs and `verify fetch` them from a loopback server answering
    each (host, path) with its page, under the URLs' own host names."""
    hosts = sorted({h for h, _ in pages})
    started = time.perf_counter()
    with serving(pages) as port:
        subprocess.run([*VERIFY, "sources", "add", "--db", db, *urls], check=True,
                       capture_output=True)  # fmt: skip
        resolve = [a for h in hosts for a in ("--resolve", f"{h}:127.0.0.1:{port}")]
        done = subprocess.run([*VERIFY, "fetch", "--db", db, "--ignore-robots", *resolve,
                               "--concurrency", "16", "--per-host", "4"],
                              capture_output=True, text=True)  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"verify fetch failed:\n{done.stderr[-2000:]}")
    print(
        f"  fetched {len(urls):,} {what} from {len(hosts)} hosts through `verify "
        f"fetch` ({time.perf_counter() - started:.0f} s): {_last_line(done)}"
    )


def _last_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = (done.stdout + done.stderr).strip().splitlines()
    return lines[-1] if lines else "(nothing printed)"


def folds_of(rows: list[dict[str, str]], groups: dict[str, int], k: int) -> list[list[str]]:
    """Claim ids in k folds; claims of one story group (shared with FNC-1) stay together."""
    by_group: dict[int, list[str]] = defaultdict(list)
    for claim_id in sorted({r["claimId"] for r in rows}):
        by_group[groups[claim_id]].append(claim_id)
    order = sorted(by_group)
    random.Random(train.SEED).shuffle(order)
    folds: list[list[str]] = [[] for _ in range(k)]
    for n, g in enumerate(order):
        folds[n % k] += by_group[g]
    return folds


class Trainer:
    """Fits the stance model on every pair but those of some story groups."""

    def __init__(self, root: Path) -> None:
        started = time.perf_counter()
        self.lexicon = stance_data.fit_lexicon(root)
        self.examples = stance_data.examples(root, self.lexicon)
        self.vocabulary = train.fit_vocabulary(self.examples, train.LEARNER["vocabulary"])
        index = {w: k for k, w in enumerate(self.vocabulary)}
        self.x, found = stance_features.features_and_bags(
            stance_data.pairs_of(self.examples), self.lexicon, index
        )
        self.bags = train.bag_matrix(found, len(self.vocabulary))
        self.labels = np.array([e.label for e in self.examples])
        self.groups = np.array([e.group for e in self.examples])
        self.rows = train._stance_rows(self.examples)  # which rows teach the stance stage
        print(
            f"  {len(self.examples):,} training pairs read ({time.perf_counter() - started:.0f} s)"
        )

    def emergent_groups(self) -> dict[str, int]:
        """Emergent claim text → story group."""
        return {e.claim: e.group for e in self.examples if e.dataset == "emergent"}

    def without(self, held: set[int]) -> stance_model.StanceModel:
        keep = ~np.isin(self.groups, sorted(held))
        fitted = train.fit(self.x[keep], self.labels[keep], train.LEARNER, self.rows[keep],
                           self.bags[keep])  # fmt: skip
        shipped = stance_model.shipped()
        return stance_model.StanceModel(
            lexicon=self.lexicon, vocabulary=self.vocabulary, features=stance_features.NAMES,
            mean=fitted.mean, scale=fitted.scale, relatedness=fitted.relatedness,
            platt=shipped.platt, stance=fitted.stance, classes=fitted.classes,
            temperature=shipped.temperature, meta={"rules": shipped.meta.get("rules", {})},
        )  # fmt: skip


def add_claims(
    db: str, flow: workflow.Workflow, texts: Sequence[str], reason: str = "Emergent claim"
) -> dict[str, int]:
    """Claims as ingest queues them (text, figures, initial status and its history row)."""
    ids = {}
    with database.transaction(db) as session:
        for text in texts:
            claim = Claim(text=text, quote=text, quantities=[q.as_dict() for q in
                          quantities.find(text)], status=flow.initial, priority=0.5)  # fmt: skip
            session.add(claim)
            session.flush()
            ids[text] = claim.id or 0
            session.add(StatusChange(claim_id=claim.id or 0, to_status=flow.initial,
                                     reason=reason, actor="eval"))  # fmt: skip
    return ids


def check_fold(
    db: str, flow: workflow.Workflow, model: stance_model.StanceModel
) -> dict[int, tuple[str, list[tuple[str, str]]]]:
    """`verify check --full` as its command runs it, judged by `model`: each claim's status
    and its automatic evidence (URL, stance)."""
    shipped = stance_model.shipped
    stance_model.shipped = lambda: model  # type: ignore[assignment]
    try:
        engine = database.open_engine(db)
        try:
            checking.check(engine, flow, full=True)
        finally:
            engine.dispose()
    finally:
        stance_model.shipped = shipped
    out: dict[int, tuple[str, list[tuple[str, str]]]] = {}
    with database.transaction(db, write=False) as session:
        for claim in session.exec(select(Claim)):
            found = (
                select(Source.url, Evidence.stance)
                .join(Source, col(Source.id) == col(Evidence.source_id))
                .where(Evidence.claim_id == claim.id)
            )
            out[claim.id or 0] = (claim.status, [(u, str(s)) for u, s in session.exec(found)])
    return out


def oracle(flow: workflow.Workflow, articles: Sequence[dict[str, str]]) -> str:
    """The workflow's rules fed the data set's own stances of a claim's articles."""
    facts = [origins.EvidenceFact(r["url"], STANCE[r["articleHeadlineStance"]], "source")
             for r in articles]  # fmt: skip
    return flow.decide(origins.facts_for(facts)).status


def scores(gold: Sequence[str], got: Sequence[str]) -> str:
    right = sum(g == p for g, p in zip(gold, got, strict=True))
    f1s = list(train.f1_scores(gold, got, ("corroborated", "disputed", "unverified")).values())
    return (f"accuracy {right / len(gold):.3f} ({right}/{len(gold)})  F1 corroborated "
            f"{f1s[0]:.3f} disputed {f1s[1]:.3f} unverified {f1s[2]:.3f}  macro "
            f"{sum(f1s) / 3:.3f}")  # fmt: skip


def confusion(gold: Sequence[str], got: Sequence[str]) -> None:
    names = ("corroborated", "disputed", "unverified")
    table = Counter(zip(gold, got, strict=True))
    print(f"    {'verdict → status':<22}" + "".join(f"{n:>14}" for n in names))
    for g in names:
        print(f"    {g:<22}" + "".join(f"{table[g, p]:>14}" for p in names))


def report(
    flow: workflow.Workflow,
    claims_of: dict[str, list[dict[str, str]]],
    truth: dict[str, str],
    status: dict[str, str],
    found: dict[str, list[tuple[str, str]]],
) -> None:
    order = sorted(claims_of)
    gold = [truth[c] for c in order]
    print(f"  statuses, verify check   {scores(gold, [status[c] for c in order])}")
    confusion(gold, [status[c] for c in order])
    tally: Counter[tuple[str, str]] = Counter()
    foreign: Counter[str] = Counter()
    for c in order:
        mine = {r["url"]: STANCE[r["articleHeadlineStance"]] for r in claims_of[c]}
        got = dict(found[c])
        for url, want in mine.items():
            tally[want, got.get(url, "not found")] += 1
        for url, stance in found[c]:
            if url not in mine:
                foreign[stance] += 1
    names = ("supports", "contradicts", "mentions", "not found")
    print("  each claim's articles: found by `check`, and with which stance")
    print(f"    {'gold → found':<14}" + "".join(f"{n:>13}" for n in names))
    for want in ("supports", "contradicts", "mentions"):
        print(f"    {want:<14}" + "".join(f"{tally[want, n]:>13}" for n in names))
    total = sum(tally.values())
    hit = total - sum(tally[w, "not found"] for w in ("supports", "contradicts", "mentions"))
    right = sum(tally[w, w] for w in ("supports", "contradicts", "mentions"))
    print(f"    found {hit}/{total} ({hit / total:.3f}); stance right on {right}/{hit} found "
          f"({right / max(hit, 1):.3f}); evidence from other claims' articles: "
          + ", ".join(f"{s} {n}" for s, n in foreign.most_common()))  # fmt: skip


def add_judge_top(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--judge-top", default=None,
                        help="comma-separated [match] judge_top values to compare (default: "
                        "the workflow's)")  # fmt: skip


def judge_top_flows(flow: workflow.Workflow, values: str | None) -> dict[int, workflow.Workflow]:
    """The workflow once per `--judge-top` value (the workflow's own when none is given)."""
    tops = [int(v) for v in values.split(",")] if values else [flow.judge_top]
    return {top: replace(flow, judge_top=top) for top in tops}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder holding emergent/ and fnc1/")
    parser.add_argument("--folds", type=int, default=train.FOLDS)
    parser.add_argument("--workflow", type=Path, default=config.default_workflow())
    add_judge_top(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    flow = workflow.load(args.workflow)
    flows = judge_top_flows(flow, args.judge_top)
    tops = list(flows)
    rows = read_articles(args.root)
    claims_of: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        claims_of[r["claimId"]].append(r)
    text_of = {c: rs[0]["claimHeadline"] for c, rs in claims_of.items()}
    truth = {c: TRUTH[rs[0]["claimTruth"]] for c, rs in claims_of.items()}
    print(f"Emergent dev portion: {len(claims_of)} claims, {len(rows):,} articles; workflow "
          f"{flow.name!r}; {args.folds} folds by claim")  # fmt: skip
    trainer = Trainer(args.root)
    groups = trainer.emergent_groups()
    folds = folds_of(rows, {c: groups[text_of[c]] for c in claims_of}, args.folds)
    status: dict[int, dict[str, str]] = defaultdict(dict)
    found: dict[int, dict[str, list[tuple[str, str]]]] = defaultdict(dict)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "fetched.db"
        fetch_all(rows, config.database_url(str(base)))
        for k, fold in enumerate(folds):
            model = trainer.without({groups[text_of[c]] for c in fold})
            for top, chosen in flows.items():
                db_file = Path(folder) / f"fold{k}-{top}.db"
                shutil.copy(base, db_file)
                db = config.database_url(str(db_file))
                ids = add_claims(db, chosen, [text_of[c] for c in fold])
                t = time.perf_counter()
                checked = check_fold(db, chosen, model)
                for c in fold:
                    status[top][c], found[top][c] = checked[ids[text_of[c]]]
                print(f"  fold {k + 1}, judge_top {top}: {len(fold)} claims checked in "
                      f"{time.perf_counter() - t:.1f} s")  # fmt: skip
    order = sorted(claims_of)
    gold = [truth[c] for c in order]
    print("\nStatuses against Emergent's verdicts (true → corroborated, false → disputed, "
          "unknown → unverified):")  # fmt: skip
    print(f"  all left unverified      {scores(gold, [flow.initial] * len(order))}")
    ideal = [oracle(flow, claims_of[c]) for c in order]
    print(f"  rules on true stances    {scores(gold, ideal)}")
    confusion(gold, ideal)
    for top in tops:
        print(f"\n[match] judge_top = {top}")
        report(flows[top], claims_of, truth, status[top], found[top])
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
