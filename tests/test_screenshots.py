"""Screenshots with headless Chromium (issue 14): full-page PNGs of captures, the SSRF guard
inside the browser, `capture --claim`, the `[capture] screenshots` workflow option, and a
clear error without Chromium. Real browser, real loopback server, SQLite."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEEDS, Invoke, claim_id_with, rows, snapshot
from tests.webserver import Site, serve
from verify import warc
from verify.cli import app
from verify.screenshots import VIEWPORT, png_size

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e7d3f1d60000000049454e44ae426082"
)


def page(height: int, extra: str = "") -> str:
    return (
        "<!doctype html><html><head><title>Shot</title><style>body{margin:0}</style></head>"
        f"<body><div style='height:{height}px;background:#c33'>South Korea's spy agency says "
        "North Korea is deploying four brigades totaling 12,000 troops to Russia, including "
        f"special forces.</div>{extra}</body></html>"
    )


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.page("/robots.txt", "User-agent: *\n", headers={"Content-Type": "text/plain"})
    for name in ("ok.png", "private.png"):
        s.page(f"/{name}", PNG_1PX, headers={"Content-Type": "image/png"})
    with serve(s):
        yield s


def resolve(site: Site) -> list[str]:
    return ["--resolve", f"shots.test:127.0.0.1:{site.port}"]


def shot_of(db: Path, url: str) -> tuple[Path, int, int]:
    [(path, width, height, digest)] = rows(
        db,
        "SELECT screenshot_path, screenshot_width, screenshot_height, screenshot_sha256 "
        "FROM capture WHERE url = :u",
        u=url,
    )
    png = Path(path).read_bytes()
    assert png_size(png) == (width, height) and Path(path).name == digest
    return Path(path), width, height


def test_capture_takes_a_full_page_png_and_the_guard_holds_in_the_browser(
    sqlite_cli: Invoke, site: Site, db_path: Path
) -> None:
    private = f"http://127.0.0.1:{site.port}/private.png"
    at_top = "style='position:absolute;top:0;left:0'"  # no effect on the page's height
    images = f"<img {at_top} src='http://shots.test/ok.png'><img {at_top} src='{private}'>"
    site.page("/tall", page(2000, images))
    out = sqlite_cli("capture", "http://shots.test/tall", *resolve(site))
    assert "Took 1 screenshot(s) of 1 page(s)." in out.stdout
    assert f"blocked: {private}" in out.stderr and "private or reserved address" in out.stderr
    assert site.hits["/ok.png"] == 1 and site.hits["/private.png"] == 0  # never reached
    path, width, height = shot_of(db_path, "http://shots.test/tall")
    assert (width, height) == (VIEWPORT[0], 2000)

    site.page("/tall-again", page(2000, images))
    out = sqlite_cli("capture", "http://shots.test/tall-again", "--allow-private", *resolve(site))
    assert "blocked" not in out.stderr and site.hits["/private.png"] == 1


def test_capture_claim_shows_each_capture_as_it_was_fetched(
    sqlite_cli: Invoke, site: Site, db_path: Path, tmp_path: Path
) -> None:
    sqlite_cli("ingest", str(SEEDS))
    claim = claim_id_with(db_path, "deploying four brigades")
    site.page("/story", page(1500))
    site.page("/linked", page(900))
    sqlite_cli("sources", "add", "http://shots.test/story")
    sqlite_cli("fetch", *resolve(site))
    sqlite_cli("check", str(claim))
    link = "http://shots.test/linked"
    sqlite_cli("evidence", "attach", str(claim), link, "--no-capture")
    site.page("/story", page(600))  # the live page changes; its capture does not

    out = sqlite_cli("capture", "--claim", str(claim), *resolve(site))
    assert "Took 2 screenshot(s) of 2 page(s)." in out.stdout
    assert shot_of(db_path, "http://shots.test/story")[2] == 1500  # as fetched, not as now
    assert shot_of(db_path, link)[2] == 900  # the link was captured first
    # every link is captured (the seeds' in-article disputes have no page to capture)
    uncaptured = "SELECT count(*) FROM evidence WHERE capture_id IS NULL AND method != 'article'"
    assert rows(db_path, uncaptured) == [(0,)]
    shown = sqlite_cli("claims", "show", str(claim)).stdout
    assert "; screenshot <file://" in shown

    out_file = tmp_path / "claim.warc.gz"
    said = sqlite_cli("archive", "export", "--claim", str(claim), "-o", str(out_file)).stdout
    assert "2 capture(s) and 2 screenshot(s)" in said
    shots = [r for r in warc.read(out_file) if r.kind == "resource"]
    expected = [f"urn:fullPage:{link}", "urn:fullPage:http://shots.test/story"]
    assert sorted(r.uri or "" for r in shots) == expected
    assert all(png_size(r.payload)[0] == VIEWPORT[0] for r in shots)
    assert "Archive intact" in sqlite_cli("archive", "check").stdout


def test_fetch_takes_screenshots_when_the_workflow_says_so(
    sqlite_cli: Invoke, site: Site, db_path: Path, tmp_path: Path
) -> None:
    flow = tmp_path / "shots.toml"
    default = (ROOT / "workflows" / "default.toml").read_text()
    flow.write_text(default + "\n[capture]\nscreenshots = true\n")
    shown = CliRunner().invoke(app, ["workflow", "show", str(flow)]).stdout
    assert "Capture: `fetch` takes a screenshot of every new capture" in shown
    site.page("/a", page(1000))
    sqlite_cli("sources", "add", "http://shots.test/a")
    out = sqlite_cli("fetch", "--workflow", str(flow), *resolve(site))
    assert "Took 1 screenshot(s) of 1 new capture(s)." in out.stdout
    assert shot_of(db_path, "http://shots.test/a")[2] == 1000
    again = sqlite_cli("fetch", "--all", "--workflow", str(flow), *resolve(site)).stdout
    assert "screenshot" not in again  # unchanged: no new capture, no new screenshot


@pytest.mark.parametrize(
    "table, message",
    [
        ("[capture]\nscreenshot = true\n", "unknown key 'screenshot' in [capture]"),
        ('[capture]\nscreenshots = "yes"\n', "'screenshots' in [capture] must be true or false"),
    ],
)
def test_capture_table_is_validated(tmp_path: Path, table: str, message: str) -> None:
    flow = tmp_path / "bad.toml"
    flow.write_text((ROOT / "workflows" / "default.toml").read_text() + "\n" + table)
    result = CliRunner().invoke(app, ["workflow", "check", str(flow)])
    assert result.exit_code == 1 and message in result.stderr


def test_without_chromium_a_clear_error_and_nothing_changes(
    sqlite_cli: Invoke, site: Site, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_cli("init")
    before = snapshot(db_path)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("chromium") is None
    site.page("/a", page(500))
    out = sqlite_cli("capture", "http://shots.test/a", *resolve(site), code=1)
    assert out.stderr.startswith("Error: cannot take screenshots (Chromium is not installed")
    assert "apt-get install -y chromium" in out.stderr and "Traceback" not in out.output
    assert site.hits["/a"] == 0 and snapshot(db_path) == before
    usage = sqlite_cli("capture", code=1)
    assert "give URLs or --claim ID" in usage.stderr
