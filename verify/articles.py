"""Read articles from files, folders or stdin: plain text, Markdown (front matter optional) or
saved HTML. The format is detected from the content, not the file name."""

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from verify.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(?P<meta>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
HTML_RE = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml)", re.IGNORECASE)
HTML_TAGS_RE = re.compile(r"<(?:p|div|article|h[1-6]|span|br|a)\b[^>]*>", re.IGNORECASE)
MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
MD_QUOTE_RE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
SUFFIXES = {".md", ".markdown", ".txt", ".text", ".html", ".htm", ".xhtml", ""}


@dataclass(frozen=True)
class ArticleInput:
    """An article read and cleaned, ready to store: `text` is what claims point into."""

    title: str
    text: str
    raw_sha256: str
    url: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    source_path: str | None = None
    format: str = "text"


def files_in(paths: list[Path]) -> list[Path]:
    """The article files named: folders are walked (hidden files skipped), sorted by name."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in SUFFIXES
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"cannot read {path} (no such file or folder); check the path")
    return found


def read_file(path: Path) -> ArticleInput:
    """Read one article file; unusable files raise InputError naming the file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"cannot ingest {path} (file is {size:,} bytes, more than {MAX_BYTES:,}); "
                "split it or extract the article first"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path} ({exc.strerror}); check the path") from exc
    return parse(raw, name=str(path))


def parse(raw: bytes, *, name: str, url: str | None = None) -> ArticleInput:
    """Detect the format of raw bytes and turn them into an article."""
    text = decode(raw, name=name)
    sha = hashlib.sha256(raw).hexdigest()
    if HTML_RE.match(text) or len(HTML_TAGS_RE.findall(text[:5000])) >= 3:
        article = _from_html(text, name=name, sha=sha, url=url)
    else:
        article = _from_markdown(text, name=name, sha=sha, url=url)
    if not article.text.strip():
        raise InputError(f"cannot ingest {name} (no article text found); check the file")
    return article


def decode(raw: bytes, *, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; binary or empty input is an error."""
    if not raw.strip():
        raise InputError(f"cannot ingest {name} (the file is empty); pass a file with text")
    sample = raw[:8192]
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise InputError(f"cannot ingest {name} (it looks binary, not text); pass a text article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _control_share(sample: bytes) -> float:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


def _from_markdown(text: str, *, name: str, sha: str, url: str | None) -> ArticleInput:
    meta: dict[str, Any] = {}
    fmt = "text"
    front = FRONT_MATTER_RE.match(text)
    if front:
        meta = _front_matter(front.group("meta"), name=name)
        text = text[front.end() :]
        fmt = "markdown"
    body = text.replace("\r\n", "\n").strip("\n")
    heading = MD_HEADING_RE.match(body)
    if MD_HEADING_RE.search(body) or MD_LINK_RE.search(body) or MD_EMPHASIS_RE.search(body):
        fmt = "markdown"
    title = str(meta.get("title") or "")
    if not title:
        first, _, rest = body.partition("\n")
        title = heading.group(1) if heading else first.strip()
        body = rest if (heading or fmt == "text") else body
    elif heading and heading.group(1).strip() == title:
        body = body[heading.end() :]
    return ArticleInput(
        title=title.strip(),
        text=_plain(body),
        raw_sha256=sha,
        url=str(meta["url"]) if meta.get("url") else url,
        outlet=str(meta["outlet"]) if meta.get("outlet") else None,
        published_at=_when(meta.get("published") or meta.get("date"), name=name),
        source_path=name,
        format=fmt,
    )


def _front_matter(block: str, *, name: str) -> dict[str, Any]:
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        raise InputError(f"cannot ingest {name} (front matter is not valid YAML: {exc})") from exc
    if not isinstance(meta, dict):
        raise InputError(f"cannot ingest {name} (front matter must be key: value lines)")
    return meta


def _when(value: Any, *, name: str) -> datetime | None:
    """A front-matter date as aware UTC; dates without a time mean midnight UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise InputError(
            f"cannot ingest {name} (published date {value!r} is not ISO 8601, e.g. 2024-10-25)"
        ) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _plain(markdown: str) -> str:
    """Markdown → plain paragraphs: links keep their text, emphasis and markers go."""
    text = MD_LINK_RE.sub(r"\1", markdown)
    text = MD_HEADING_RE.sub(r"\1\n", text)
    text = MD_QUOTE_RE.sub("", text)
    for _ in range(2):  # nested emphasis: ***word***
        text = MD_EMPHASIS_RE.sub(r"\2", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _from_html(html: str, *, name: str, sha: str, url: str | None) -> ArticleInput:
    import trafilatura  # heavy: only when an HTML page is ingested

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=True)
    if doc is None:
        raise InputError(f"cannot ingest {name} (no main text found in the HTML page)")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = str(data.get("text") or "")
    return ArticleInput(
        title=str(data.get("title") or "").strip(),
        text=re.sub(r"\n+", "\n\n", text).strip(),
        raw_sha256=sha,
        url=url or (str(data["url"]) if data.get("url") else None),
        outlet=str(data["sitename"]) if data.get("sitename") else None,
        published_at=_when(data.get("date"), name=name),
        source_path=name,
        format="html",
    )
