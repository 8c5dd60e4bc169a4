"""Stance model speed: load time, and pairs judged per second on one core, beside rapidfuzz's
token_set_ratio on the same pairs (the cheapest score `verify check` already pays per pair).

    .venv/bin/python bench/bench_stance.py [--claims 200] [--pages 100] [--per-claim 20]

Pairs are what `check` hands the judge: each claim against its candidate passages, each
passage with its whole page (a page is read once per batch, however many claims it serves).
Target (issue 10): load ≤ 150 ms, ≥ 2,000 pairs/s on one core. Prints numbers; asserts nothing.
"""

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: numpy's BLAS must not fan out
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from rapidfuzz import fuzz, process, utils  # noqa: E402

from verify import extract, stance, stance_features, stance_model, stance_reasons  # noqa: E402
from verify.quantities import find  # noqa: E402

SUBJECTS = ["Police", "The ministry", "Witnesses", "The army", "Officials", "The mayor",
            "Rescue teams", "The agency", "Local media", "The company"]  # fmt: skip
EVENTS = ["cars were set alight", "troops were deployed", "people were evacuated",
          "homes were damaged", "drones were shot down", "jobs were cut",
          "ships were seized", "votes were counted", "tanks were delivered"]  # fmt: skip
TAILS = ["overnight", "on Friday", "near the border", "in the capital", "after the storm",
         "despite the ceasefire", "according to early reports", "for the first time"]  # fmt: skip


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} said {rng.randint(2, 400) * 10:,} "
        f"{rng.choice(EVENTS)} {rng.choice(TAILS)}{rng.choice(['.', '.', '.', '?'])}"
    )


def rate(work: Callable[[], object], n: int) -> float:
    """Pairs per CPU-second of this process: on a shared machine wall time counts the other
    processes' turns too. Caches start cold each time."""
    stance_features.figures_in.cache_clear()
    stance_features.speaker.cache_clear()
    stance_reasons.cached_tokens.cache_clear()
    stance_reasons.cached_stems.cache_clear()
    started = time.process_time()
    work()
    return n / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--per-claim", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(10)

    started, cpu = time.perf_counter(), time.process_time()
    stance_model.read(stance_model.shipped_path())
    load_ms = 1000 * (time.perf_counter() - started)
    load_cpu_ms = 1000 * (time.process_time() - cpu)

    pages = [" ".join(sentence(rng) for _ in range(30)) for _ in range(args.pages)]
    passages = [(page, [s.text for s in extract.sentences(page)]) for page in pages]
    claims = [sentence(rng) for _ in range(args.claims)]
    pairs = []
    for claim in claims:
        figures = find(claim)
        for _ in range(args.per_claim):
            page, sentences = rng.choice(passages)
            pairs.append(stance.Pair(claim, figures, rng.choice(sentences), page))
    model = stance_model.shipped()

    with_pages = rate(lambda: stance.judge_many(pairs, model), len(pairs))
    alone = [stance.Pair(p.claim, p.figures, p.passage) for p in pairs]
    sentences_only = rate(lambda: stance.judge_many(alone, model), len(pairs))
    fuzzy = rate(
        lambda: process.cpdist(
            [p.claim for p in pairs],
            [p.passage for p in pairs],
            scorer=fuzz.token_set_ratio,
            processor=utils.default_process,
            workers=1,
        ),
        len(pairs),
    )

    print(f"stance model, {len(pairs):,} pairs ({args.claims} claims × {args.per_claim} passages "
          f"from {args.pages} pages of 30 sentences), per CPU-second of one core:")  # fmt: skip
    print(f"  load {load_ms:.0f} ms ({load_cpu_ms:.0f} ms of CPU)   (target ≤ 150 ms)")
    print(f"  judge_many with pages {with_pages:,.0f} pairs/s; passages alone "
          f"{sentences_only:,.0f} pairs/s   (target ≥ 2,000)")  # fmt: skip
    print(f"  rapidfuzz token_set_ratio on the same pairs: {fuzzy:,.0f} pairs/s "
          f"({fuzzy / with_pages:.0f}× the model's rate)")  # fmt: skip


if __name__ == "__main__":
    main()
