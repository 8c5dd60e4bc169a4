"""The test suite's PostgreSQL: the named server, the local one, a throwaway cluster, or a loud
skip (`make test` on a machine with only Python and make)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy

from tests import pgserver
from tests.conftest import ROOT

BINARIES = pgserver.binaries()


def test_plan_follows_the_setting_the_server_and_the_binaries(tmp_path: Path) -> None:
    named = "postgresql+psycopg://ci@db.internal:5433"
    assert pgserver.plan(named, answering=True, bindir=None) == pgserver.Plan("use", named)
    failed = pgserver.plan(named, answering=False, bindir=tmp_path)
    assert failed.action == "fail" and named in failed.why  # named means required: never skipped
    assert pgserver.plan(None, answering=True, bindir=None).url == pgserver.DEFAULT_URL
    assert pgserver.plan(None, answering=False, bindir=tmp_path).action == "throwaway"
    skipped = pgserver.plan(None, answering=False, bindir=None)
    assert skipped.action == "skip" and "no PostgreSQL binaries" in skipped.why
    line = pgserver.skip_line(57, skipped.why)
    assert line.startswith("SKIPPED 57 PostgreSQL test(s)") and pgserver.URL_ENV in line


def test_binaries_are_found_where_named(tmp_path: Path) -> None:
    assert pgserver.binaries({pgserver.BIN_ENV: str(tmp_path)}) is None
    assert pgserver.binaries({pgserver.BIN_ENV: ""}) is None
    for tool in pgserver.TOOLS:
        (tmp_path / tool).write_text("#!/bin/sh\n")
        (tmp_path / tool).chmod(0o755)
    assert pgserver.binaries({pgserver.BIN_ENV: str(tmp_path)}) == tmp_path


@pytest.mark.skipif(BINARIES is None, reason="no PostgreSQL binaries (initdb, pg_ctl) installed")
def test_throwaway_cluster_starts_serves_and_is_removed() -> None:
    assert BINARIES is not None
    cluster = pgserver.Cluster(BINARIES).start()
    try:
        assert pgserver.answers(cluster.url)
        engine = sqlalchemy.create_engine(f"{cluster.url}/postgres", isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql('CREATE DATABASE "scratch"')
            version = conn.exec_driver_sql("SHOW server_version").scalar()
        engine.dispose()
        assert version
    finally:
        cluster.stop()
    assert not cluster.folder.exists()
    assert not pgserver.answers(cluster.url, timeout=1)


def test_a_named_server_that_does_not_answer_stops_the_run() -> None:
    dead = f"postgresql+psycopg://postgres@127.0.0.1:{pgserver.free_port()}"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only",
         "tests/test_pgserver.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, pgserver.URL_ENV: dead},
    )  # fmt: skip
    assert result.returncode == 4, result.stdout + result.stderr  # pytest's usage error
    assert f"no PostgreSQL server answers at {dead}" in result.stderr
