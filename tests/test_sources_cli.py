"""`verify sources` and `verify fetch` end to end against a real loopback server."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Invoke, rows, snapshot
from tests.webserver import Site, gzip_bomb, serve, slow

ARTICLE = """<html><head><title>Seoul briefs NATO</title></head><body><article>
<h1>Seoul briefs NATO</h1>
<p>South Korea's spy agency said North Korea is deploying about 12,000 troops to Russia.</p>
<p>The briefing in Brussels was requested by NATO Secretary General Mark Rutte last week.</p>
<p>Officials said the deployment includes special forces units trained for combat.</p>
</article></body></html>"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>News Test</title>
<item><title>One</title><link>http://news.test/feed-item-1</link></item>
<item><title>Two</title><link>http://news.test/feed-item-2</link></item>
<item><title>Bad</title><link>javascript:alert(1)</link></item>
</channel></rss>"""


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.page(
        "/robots.txt", "User-agent: *\nDisallow: /private\n", headers={"Content-Type": "text/plain"}
    )
    s.page("/article", ARTICLE, headers={"ETag": '"a1"'})
    s.routes["/article"] = lambda h: (
        (304, {}, b"") if h.headers.get("If-None-Match") == '"a1"'
        else (200, {"Content-Type": "text/html; charset=utf-8", "ETag": '"a1"'}, ARTICLE.encode())
    )  # fmt: skip
    s.page("/bomb", gzip_bomb(100 * 1024 * 1024),
           headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})  # fmt: skip
    s.routes["/slow"] = slow(3)
    s.page("/feed.xml", FEED, headers={"Content-Type": "application/rss+xml"})
    s.page("/feed-item-1", ARTICLE.replace("Seoul briefs NATO", "Item one"))
    s.page("/feed-item-2", ARTICLE.replace("Seoul briefs NATO", "Item two"))
    with serve(s):
        yield s


def test_add_fetch_list_refetch(cli: Invoke, site: Site, db: str) -> None:
    urls = [
        f"http://news.test{p}" for p in ("/article", "/bomb", "/slow", "/missing", "/private/x")
    ]
    assert "Added 5 source(s)" in cli("sources", "add", *urls).output
    assert "Added 0 source(s); 5 already known" in cli("sources", "add", urls[0], *urls[1:]).output
    assert "Added 1 feed(s)" in cli("sources", "add", "--feed", "http://news.test/feed.xml").output
    resolve = ["--resolve", f"news.test:127.0.0.1:{site.port}", "--timeout", "1"]
    result = cli("fetch", *resolve)
    summary = "Fetched 8 source(s): 4 new or changed, 0 unchanged, 4 failed, 2 found in feeds"
    assert summary in result.stdout
    assert "inflates past the limit" in result.stderr and "timed out" in result.stderr
    by_name = {
        r["url"].rsplit("/", 1)[1]: r for r in json.loads(cli("sources", "list", "--json").stdout)
    }
    assert by_name["article"]["error"] is None and by_name["article"]["http_status"] == 200
    assert Path(by_name["article"]["archive_path"]).read_bytes() == ARTICLE.encode()
    assert by_name["missing"]["error"] == "HTTP 404" and by_name["x"]["error"].startswith(
        "robots.txt"
    )
    assert by_name["feed-item-1"]["fetched_at"] and by_name["feed.xml"]["kind"] == "feed"
    text = rows(db, "SELECT text FROM source WHERE url LIKE '%/article'")[0][0]
    assert "12,000 troops" in text and "<p>" not in text
    # nothing is due again straight away: failures wait, successes wait longer
    assert "Fetched 0 source(s)" in cli("fetch", *resolve).stdout
    again = cli("fetch", "--all", *resolve).stdout
    assert "1 unchanged" in again  # the ETag came back as 304
    failed = cli("sources", "list", "--failed").stdout
    assert "HTTP 404" in failed and "article" not in failed


def test_bad_source_urls_change_nothing(cli: Invoke, db: str) -> None:
    cli("init")
    before = snapshot(db)
    result = cli("sources", "add", "http://ok.example/a", "ftp://nope.example/x", code=1)
    assert "only http and https" in result.stderr
    assert snapshot(db) == before


def test_private_address_refused_without_resolve(cli: Invoke, site: Site) -> None:
    cli("sources", "add", f"http://127.0.0.1:{site.port}/article")
    result = cli("fetch", code=1)  # the only page failed
    assert "1 failed" in result.stdout and "private or reserved address" in result.stderr
    assert "1 new or changed" in cli("fetch", "--all", "--allow-private").stdout


def test_ingest_url(cli: Invoke, site: Site, db: str) -> None:
    resolve = ["--resolve", f"news.test:127.0.0.1:{site.port}"]
    out = cli("ingest", "http://news.test/article", *resolve, "--json").stdout
    assert json.loads(out)["new_claims"] >= 1
    url, title = rows(db, "SELECT url, title FROM article")[0]
    assert (url, title) == ("http://news.test/article", "Seoul briefs NATO")
    before = snapshot(db)
    failed = cli("ingest", "http://news.test/missing", *resolve, code=1)
    assert failed.stderr.startswith("Error: cannot ingest http://news.test/missing (HTTP 404)")
    refused = cli("ingest", f"http://127.0.0.1:{site.port}/article", code=1)
    assert "private or reserved address" in refused.stderr
    assert snapshot(db) == before


SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://news.test/sitemap-news.xml</loc></sitemap>
</sitemapindex>"""
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://news.test/feed-item-1</loc></url>
<url><loc>http://news.test/feed-item-2</loc></url>
<url><loc>ftp://news.test/not-http</loc></url>
</urlset>"""
BOMB = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol2;</loc></url></urlset>"""


def test_sitemaps_add_their_pages_and_hostile_xml_is_refused(
    cli: Invoke, site: Site, db: str
) -> None:
    xml = {"Content-Type": "application/xml"}
    site.page("/sitemap.xml", SITEMAP_INDEX, headers=xml)
    site.page("/sitemap-news.xml", SITEMAP, headers=xml)
    site.page("/bomb-sitemap.xml", BOMB, headers=xml)
    cli(
        "sources",
        "add",
        "--sitemap",
        "http://news.test/sitemap.xml",
        "http://news.test/bomb-sitemap.xml",
    )
    out = cli("fetch", "--resolve", f"news.test:127.0.0.1:{site.port}")
    assert "3 found in feeds or sitemaps" in out.stdout and "1 failed" in out.stdout
    assert "not a usable sitemap (EntitiesForbidden)" in out.stderr
    kinds = dict(rows(db, "SELECT url, kind FROM source"))
    assert kinds["http://news.test/sitemap-news.xml"] == "sitemap"
    assert kinds["http://news.test/feed-item-2"] == "page"
    assert "ftp://news.test/not-http" not in kinds
    assert cli("sources", "add", "--feed", "--sitemap", "http://x.example/a", code=1)
