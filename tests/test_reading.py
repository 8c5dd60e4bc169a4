"""Claims read in worker processes while articles are stored (`verify.pipeline.reading`): the
same claims as reading in one process, in the same order, and a failure that stops the ingest
cleanly."""

import json
import threading
from pathlib import Path

import pytest

from tests.conftest import SEEDS, invoker, rows, snapshot
from verify import articles, extract
from verify.errors import VerifyError
from verify.pipeline import ingestion, reading

# Real-shaped copy: attributions over several sentences, figures, a dispute, a question.
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.md"))] + [
    'Police said 12 people were hurt. "It was chaos," he told reporters. Was it planned?',
    "The mayor called the utility's claim that power was restored to every home within 12 "
    "hours 'nonsense'.",
]


def test_workers_read_what_one_process_reads() -> None:
    jobs = [(text, None) for text in TEXTS * 3]  # more jobs than the window, in order
    alone = list(reading.read_all(jobs, workers=1))
    together = list(reading.read_all(jobs, workers=2))
    assert together == alone
    assert [len(e.candidates) for e in together] == [
        len(extract.read(t).candidates) for t, _ in jobs
    ]


def test_workers_default_to_one_per_core_for_a_large_batch() -> None:
    assert reading.workers_for(reading.PARALLEL_FROM - 1) == 1  # start-up would cost more
    assert reading.workers_for(reading.PARALLEL_FROM) == min(reading.cores(), reading.MAX_WORKERS)
    assert reading.workers_for(500, workers=3) == 3
    assert reading.workers_for(2, workers=8) == 2  # never more workers than articles
    assert reading.workers_for(500, workers=0) == 0


def _copies(folder: Path, n: int) -> Path:
    """n distinct articles built from the seed articles (each its own file, so none is skipped
    as already ingested)."""
    seeds = sorted(SEEDS.glob("*.md"))
    folder.mkdir(parents=True)
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"{i:03d}.md").write_text(f"{text}\n\nEdition {i}.\n", encoding="utf-8")
    return folder


def _queue(db: Path) -> list[tuple[object, ...]]:
    return rows(
        db,
        "SELECT c.text, c.quote, c.attributed_to, c.quantities, c.checkworthiness, c.status, "
        "m.article_id, m.char_start, m.char_end FROM claim c JOIN mention m ON m.claim_id = c.id "
        "ORDER BY c.id, m.id",
    )


def test_ingest_in_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    folder = _copies(tmp_path / "in", 12)
    results = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        out = invoker(str(db))("ingest", str(folder), "--workers", workers, "--json")
        results[workers] = json.loads(out.stdout)
        assert _queue(db)
    assert _queue(tmp_path / "w2.db") == _queue(tmp_path / "w1.db")
    assert results["2"]["not_claims"] == results["1"]["not_claims"]
    assert results["2"]["new_claims"] == results["1"]["new_claims"] > 0


def test_an_article_past_its_deadline_stops_the_ingest_and_stores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copies(tmp_path / "in", 4)
    db = tmp_path / "verify.db"
    cli = invoker(str(db))
    cli("init")
    before = snapshot(db)
    monkeypatch.setattr(reading, "DEADLINE_S", 1e-4)  # no article is read this fast in a worker
    result = cli("ingest", str(folder), "--workers", "2", code=1)
    assert "reading its claims took longer than" in result.output
    assert result.output.count("\n") == 1  # one line, no traceback
    assert snapshot(db) == before


def test_a_failure_while_storing_stops_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from verify import config, database, workflow

    folder = _copies(tmp_path / "in", 6)
    inputs = [articles.read_file(p) for p in sorted(folder.iterdir())]
    calls = []

    def broken_merge(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise VerifyError("disk full")

    monkeypatch.setattr(ingestion.origin_groups, "assign", broken_merge)
    flow = workflow.load(config.default_workflow())
    url = f"sqlite:///{tmp_path / 'verify.db'}"
    with pytest.raises(VerifyError, match="disk full"), database.transaction(url) as session:
        ingestion.ingest(session, flow, inputs, actor="test", workers=2)
    assert rows(tmp_path / "verify.db", "SELECT count(*) FROM article") == [(0,)]
    assert not [t for t in threading.enumerate() if t.name == "verify-read-ahead"]


def test_articles_go_to_workers_in_chunks_each_with_its_own_deadline() -> None:
    assert reading.chunk_size(1000, 2) == reading.CHUNK  # few round trips for a large batch
    assert reading.chunk_size(12, 2) == 1  # a small batch still spreads over the workers
    jobs = [(text, None) for text in TEXTS]
    assert reading.read_chunk(jobs, 60.0) == [extract.read(t) for t, _ in jobs]
    assert reading.read_chunk(jobs, 1e-6) == 0  # the first article ran past its deadline
    assert reading.read_chunk(jobs[:1], 60.0) == [extract.read(TEXTS[0])]  # the alarm is off


def test_a_late_article_in_a_chunk_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = [(text, None) for text in TEXTS * 6]  # chunks of several articles
    assert reading.chunk_size(len(jobs), 2) > 1
    monkeypatch.setattr(reading, "DEADLINE_S", 1e-6)
    with pytest.raises(VerifyError, match=r"^article 1: reading its claims took longer than"):
        list(reading.read_all(jobs, workers=2))
