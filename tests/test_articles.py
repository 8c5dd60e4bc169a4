from pathlib import Path

import pytest

from tests.conftest import SEEDS
from verify import articles
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
