import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from verify import articles, limits
from verify.errors import InputError


def test_markdown_with_front_matter() -> None:
    article = articles.read_file(SEEDS / "01-seoul-ledger-summons.md")
    assert article.title.startswith("Seoul summons Russian envoy")
    assert article.outlet == "Seoul Ledger"
    assert article.url and article.url.startswith("https://")
    assert article.published_at is not None and article.published_at.tzinfo is not None
    assert article.format == "markdown"
    assert "---" not in article.text and "12,000 troops" in article.text


def test_plain_text_first_line_is_title(tmp_path: Path) -> None:
    path = tmp_path / "note"  # no extension: detected from content
    path.write_text("A title line\nBody sentence one. Body sentence two.\n", encoding="utf-8")
    article = articles.read_file(path)
    assert (article.title, article.text, article.format) == (
        "A title line", "Body sentence one. Body sentence two.", "text",
    )  # fmt: skip


def test_markdown_without_front_matter_strips_markup(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("# Big news\n\nThe **agency** said [12,000 troops](https://x.example) left.\n")
    article = articles.read_file(path)
    assert article.title == "Big news"
    assert article.text == "The agency said 12,000 troops left."
    assert article.format == "markdown"


def test_html_page_main_text(tmp_path: Path) -> None:
    body = "".join(
        f"<p>South Korea's spy agency said North Korea is deploying 12,000 troops, part {i}.</p>"
        for i in range(4)
    )
    html = (
        "<html><head><title>Troops</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Troops</h1>{body}</article><footer>Copyright</footer></body></html>"
    )
    path = tmp_path / "page.md"  # misleading extension: content decides
    path.write_text(html, encoding="utf-8")
    article = articles.read_file(path)
    assert article.format == "html"
    assert "12,000 troops" in article.text and "<p>" not in article.text
    assert "Copyright" not in article.text


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary")],
)
def test_bad_files_are_input_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        articles.read_file(path)


def test_windows_1252_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes("Title\nThe envoy’s reply was “fake news”.".encode("cp1252"))
    assert "“fake news”" in articles.read_file(path).text


def test_bad_front_matter_date(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: X\npublished: yesterday-ish\n---\nBody text here.\n")
    with pytest.raises(InputError, match="ISO 8601"):
        articles.read_file(path)


def test_folder_walk_skips_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("T\nx")
    (tmp_path / ".hidden.md").write_text("T\nx")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("T\nx")
    assert [p.name for p in articles.files_in([tmp_path])] == ["a.md", "b.txt"]


def front_matter(meta: str) -> bytes:
    return f"---\n{meta}\n---\nThe agency said 12,000 troops left.\n".encode()


@pytest.mark.parametrize(
    "published, message",
    [
        ("2024-13-01", "not a real date"),  # month 13
        ("2024-02-30", "not a real date"),  # 30 February
        ("2024-02-03T25:00:00", "not a real date"),  # hour 25
        ("2024-10-25T14:61:00Z", "not a real date"),
        ("9999-12-31T23:00:00-05:00", "out of range"),  # no UTC time for it
    ],
)
def test_dates_that_do_not_exist_are_input_errors(published: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        articles.parse(front_matter(f"title: X\npublished: {published}"), name="x.md")


def test_front_matter_dates_keep_their_zone_and_default_to_utc() -> None:
    zoned = articles.parse(front_matter("published: 2024-10-25T14:30:00+09:00"), name="x")
    assert zoned.published_at == datetime(2024, 10, 25, 5, 30, tzinfo=UTC)
    plain = articles.parse(front_matter("published: 2024-10-25"), name="x")
    assert plain.published_at == datetime(2024, 10, 25, tzinfo=UTC)


def test_front_matter_values_are_text_and_yaml_nulls_mean_absent() -> None:
    article = articles.parse(
        front_matter("title: 2024\noutlet: ~\nurl: null\npublished:"), name="x"
    )
    assert (article.title, article.outlet, article.url, article.published_at) == (
        "2024", None, None, None,
    )  # fmt: skip
    tagged = articles.parse(front_matter("title: !!python/object:os.system ls"), name="x")
    assert tagged.title == "ls"  # a tag is only text here, never an object
    with pytest.raises(InputError, match="'title' must be text"):
        articles.parse(front_matter("title: [a, b]"), name="x")


ALIAS_BOMB = "\n".join(
    [f"a0: &a0 [{', '.join(['lol'] * 9)}]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
)  # ~600 bytes that expand to 9**9 strings: 3 GB before aliases were refused


def test_yaml_alias_bomb_is_refused_at_once() -> None:
    assert len(ALIAS_BOMB) < 700
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"aliases \(\*name\) are not allowed"):
        articles.parse(front_matter(ALIAS_BOMB), name="bomb.md")
    assert time.perf_counter() - started < 2


def test_front_matter_nesting_and_size_are_capped() -> None:
    deep = front_matter("title: " + "[" * 50_000)
    with pytest.raises(InputError, match=f"nested more than {limits.MAX_FRONT_MATTER_DEPTH}"):
        articles.parse(deep, name="deep.md")
    ok = front_matter("title: X\nx: " + "[" * 10 + "]" * 10)
    assert articles.parse(ok, name="ok.md").title == "X"
    big = front_matter("title: X\ntags: " + "a" * limits.MAX_FRONT_MATTER_BYTES)
    with pytest.raises(InputError, match="front matter is .* bytes, more than"):
        articles.parse(big, name="big.md")


SIZE = 400_000  # quadratic patterns took minutes at a quarter of this; linear ones take ~0.2 s


@pytest.mark.parametrize(
    "text",
    [
        "[" * SIZE,  # was 40 s at 100,000
        "a `" * (SIZE // 3),  # was 131 s at 150 KB
        "a *" * (SIZE // 3),
        "a **" * (SIZE // 4),
        "a _" * (SIZE // 3),
        "[a](" * (SIZE // 4),
        "[a](" + "(x)" * (SIZE // 3),
        "a" + " " * SIZE + "b",
        "\n \n" * (SIZE // 3) + "x",
    ],
    ids=["brackets", "backticks", "stars", "double-stars", "underscores", "open-links",
         "nested-parens", "spaces", "blank-lines"],
)  # fmt: skip
def test_markdown_cleanup_runs_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    article = articles.parse(f"Title\n{text}".encode(), name="hostile.txt")
    assert article.text
    assert time.perf_counter() - started < 5


def test_hostile_heading_runs_in_linear_time() -> None:
    started = time.perf_counter()
    article = articles.parse(f"# a{' ' * SIZE}b {'#' * SIZE}\nbody".encode(), name="h.md")
    assert article.title.startswith("a") and article.title.endswith("b")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "markdown, text",
    [
        ("See [wiki](https://w.example/Foo_(bar)) now.", "See wiki now."),
        ("A ***bold italic*** and `code` and __strong__.", "A bold italic and code and strong."),
        ("Called him a b****, twice.", "Called him a b****, twice."),  # not emphasis
        ("Before.\n\n___\n\nAfter.", "Before.\n\n___\n\nAfter."),  # a rule, kept
        ("## Sub heading ##\n\nBody.", "Sub heading\n\nBody."),
        ("## About C#\n\nBody.", "About C#\n\nBody."),  # no space before #: part of the text
        ("> quoted *words* here", "quoted words here"),
    ],
)
def test_markdown_to_plain_text(markdown: str, text: str) -> None:
    assert articles.parse(f"# Title\n\n{markdown}\n".encode(), name="x.md").text == text


def test_devices_and_big_files_are_read_with_a_limit(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="more than 20,971,520 bytes, the article size limit"):
        articles.read_file(Path("/dev/zero"))
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(limits.MAX_ARTICLE_BYTES + 1)  # sparse: no 20 MB written
    with pytest.raises(InputError, match=r"cannot ingest .*big.txt \(more than"):
        articles.read_file(big)
