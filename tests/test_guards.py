"""What reaches a terminal, a log or the network: control characters in links, passwords in
source URLs, and IPv6 spellings of private IPv4 addresses."""

import asyncio
import json

import pytest

from tests.conftest import Invoke, claim_id_with, snapshot
from verify import fetch

HOSTILE_URLS = [
    "https://a.example/\x1b[31mred\x1b[0m",  # a terminal escape
    "https://a.example/\u202eexe.txt",  # right-to-left override
    "https://a.example/a\x00b",
    "https://a.example/\x7f",
    "https://a.example/zero\u200bwidth",
]


@pytest.mark.parametrize("url", HOSTILE_URLS, ids=repr)
def test_control_characters_in_links_are_refused(ingested: Invoke, db: str, url: str) -> None:
    claim = str(claim_id_with(db, "deploying four brigades"))
    before = snapshot(db)
    result = ingested("evidence", "attach", claim, url, "--stance", "supports", code=1)
    assert (
        result.stderr.startswith("Error: refusing URL ") and "control characters" in result.stderr
    )
    assert result.stderr.isprintable() or result.stderr.rstrip("\n").isprintable()
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert ingested("sources", "add", url, code=1).stderr.startswith("Error: refusing URL")
    assert snapshot(db) == before


def test_printable_links_still_attach(ingested: Invoke, db: str) -> None:
    claim = str(claim_id_with(db, "deploying four brigades"))
    for url in ("https://a.example/%1B%5B31m", "https://ко.example/статья?q=ü"):
        ingested("evidence", "attach", claim, url, "--stance", "mentions")


def test_passwords_in_source_urls_are_masked(cli: Invoke) -> None:
    cli(
        "sources", "add", "https://jo:s3cret@paywall.example/a", "https://jo@plain.example/b",
        "https://:p%40ss@token.example/c",
    )  # fmt: skip
    table = cli("sources", "list").stdout
    listed = cli("sources", "list", "--json").stdout
    for shown in (table, listed):
        assert "s3cret" not in shown and "p%40ss" not in shown
        assert (
            "https://jo:***@paywall.example/a" in shown and "https://:***@token.example/c" in shown
        )
        assert "https://jo@plain.example/b" in shown  # a user name alone is no secret
    assert [r["url"] for r in json.loads(listed)] == [
        "https://jo:***@paywall.example/a", "https://jo@plain.example/b",
        "https://:***@token.example/c",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "address",
    [
        "::127.0.0.1", "::7f00:1", "::a00:1",  # IPv4-compatible
        "::ffff:0:7f00:1",  # IPv4-translated
        "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::c0a8:1",  # NAT64 of private IPv4
        "64:ff9b:1::808:808",  # local-use NAT64
        "2002:7f00:1::1", "2002:a9fe:a9fe::1",  # 6to4 of private IPv4
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo with a non-public client
    ],
)  # fmt: skip
def test_ipv6_spellings_of_private_addresses_are_refused(address: str) -> None:
    assert not fetch.is_public(address)

    async def run() -> fetch.Page:
        async with fetch.Fetcher(fetch.FetchSettings(total_timeout=3)) as fetcher:
            return await fetcher.fetch(f"http://[{address}]:9/latest/meta-data/")

    error = asyncio.run(run()).error or ""
    assert (
        error.startswith(f"refusing {address}: it resolves to") and "private or reserved" in error
    )


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"])
def test_ipv6_spellings_of_public_addresses_pass(address: str) -> None:
    assert fetch.is_public(address)
