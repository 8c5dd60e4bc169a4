"""Read articles from files, folders or stdin: plain text, Markdown (front matter optional) or
saved HTML. The format is detected from the content, not the file name."""

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from verify import limits
from verify.errors import InputError

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(?P<meta>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
HTML_RE = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml)", re.IGNORECASE)
HTML_TAGS_RE = re.compile(r"<(?:p|div|article|h[1-6]|span|br|a)\b[^<>]*>", re.IGNORECASE)
# The Markdown patterns run in time linear in their input: no character class may run past
# the next opener of its own kind (`[`, `(`, the emphasis mark), so a failed attempt never
# rescans text a later attempt will scan again (100,000 `[` took 40 s with `[^\]]*`).
MD_LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
MD_EMPHASIS_RE = re.compile(
    r"(?P<mark>\*\*|\*)(?=\S)(?P<star>[^*\n]+?)(?<=\S)(?P=mark)"
    r"|(?P<under>__|_)(?=\S)(?P<lined>[^_\n]+?)(?<=\S)(?P=under)"
    r"|`(?=\S)(?P<code>[^`\n]+?)(?<=\S)`"
)
MD_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*))?$", re.MULTILINE)
MD_QUOTE_RE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
YAML_NULLS = {"", "~", "null", "Null", "NULL"}
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


def files_in(
    paths: list[Path], *, on_error: Callable[[InputError], None] | None = None
) -> list[Path]:
    """The article files named: folders are walked (hidden files skipped), sorted by name.

    A subfolder that cannot be read goes to on_error (the CLI warns and goes on); without
    on_error it is an InputError. A named path that is neither folder nor file (a device, a
    pipe) is kept: reading it is bounded.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_walk(path, on_error)))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"cannot read {path} (no such file or folder); check the path")
    return found


def _walk(folder: Path, on_error: Callable[[InputError], None] | None) -> list[Path]:
    def unreadable(exc: OSError) -> None:
        error = InputError(
            f"cannot read folder {exc.filename} ({exc.strerror}); its articles were not read"
        )
        if on_error is None:
            raise error from exc
        on_error(error)

    found: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".")
            and Path(name).suffix.lower() in SUFFIXES
            and Path(root, name).is_file()
        )
    return found


def read_file(path: Path) -> ArticleInput:
    """Read one article file; unusable files raise InputError naming the file."""
    try:
        raw = limits.read_path(path, limits.MAX_ARTICLE_BYTES)
    except limits.TooLarge as exc:
        raise _too_large(str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read {path} ({exc.strerror}); check the path") from exc
    return parse(raw, name=str(path))


def read_stream(stream: BinaryIO, *, name: str) -> ArticleInput:
    """Read one article from a stream (standard input), at most MAX_ARTICLE_BYTES of it."""
    try:
        raw = limits.read_stream(stream, limits.MAX_ARTICLE_BYTES, name=name)
    except limits.TooLarge as exc:
        raise _too_large(name) from exc
    except OSError as exc:
        raise InputError(f"cannot read {name} ({exc.strerror})") from exc
    return parse(raw, name=name)


def _too_large(name: str) -> InputError:
    return InputError(
        f"cannot ingest {name} (more than {limits.MAX_ARTICLE_BYTES:,} bytes, the article size "
        "limit); split it or extract the article first"
    )


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
    title = _meta_text(meta, "title", name=name) or ""
    if not title:
        first, _, rest = body.partition("\n")
        title = _heading_text(heading) if heading else first.strip()
        body = rest if (heading or fmt == "text") else body
    elif heading and _heading_text(heading) == title.strip():
        body = body[heading.end() :]
    published = _meta_text(meta, "published", name=name) or _meta_text(meta, "date", name=name)
    return ArticleInput(
        title=title.strip(),
        text=_plain(body),
        raw_sha256=sha,
        url=_meta_text(meta, "url", name=name) or url,
        outlet=_meta_text(meta, "outlet", name=name),
        published_at=_when(published, name=name),
        source_path=name,
        format=fmt,
    )


class _FrontMatterLoader(yaml.BaseLoader):
    """YAML where every value is text (dates are parsed by us, strictly), with no aliases
    (a 600-byte alias bomb expands to gigabytes) and at most MAX_FRONT_MATTER_DEPTH levels."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases (*name) are not allowed in front matter")
        if self.depth >= limits.MAX_FRONT_MATTER_DEPTH:
            raise yaml.YAMLError(f"nested more than {limits.MAX_FRONT_MATTER_DEPTH} levels deep")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _front_matter(block: str, *, name: str) -> dict[str, Any]:
    size = len(block.encode("utf-8", errors="replace"))
    if size > limits.MAX_FRONT_MATTER_BYTES:
        raise InputError(
            f"cannot ingest {name} (front matter is {size:,} bytes, more than "
            f"{limits.MAX_FRONT_MATTER_BYTES:,}); keep it to title, outlet, url and published"
        )
    try:
        meta = yaml.load(block, Loader=_FrontMatterLoader)  # our loader: text only, no aliases
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())  # one line, marks and all
        message = f"cannot ingest {name} (front matter is not valid YAML: {problem})"
        raise InputError(message) from exc
    if not isinstance(meta, dict):
        raise InputError(f"cannot ingest {name} (front matter must be key: value lines)")
    return meta


def _meta_text(meta: dict[str, Any], key: str, *, name: str) -> str | None:
    """A front-matter value as text; YAML's spellings of null mean absent."""
    value = meta.get(key)
    if value is None or (isinstance(value, str) and value.strip() in YAML_NULLS):
        return None
    if not isinstance(value, str):
        raise InputError(
            f"cannot ingest {name} (front matter {key!r} must be text, not a list or table)"
        )
    return value.strip()


def _when(value: str | None, *, name: str) -> datetime | None:
    """An ISO 8601 date or time, aware: without a zone it is UTC, without a time midnight."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:  # also month 13, 30 February, hour 25
        raise InputError(
            f"cannot ingest {name} (published date {value!r} is not a real date in ISO 8601, "
            "e.g. 2024-10-25 or 2024-10-25T14:30:00+09:00)"
        ) from exc
    parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    try:
        parsed.astimezone(UTC)
    except OverflowError as exc:  # 9999-12-31T23:00-05:00 has no UTC time
        message = f"cannot ingest {name} (published date {value!r} is out of range)"
        raise InputError(message) from exc
    return parsed


def _heading_text(match: re.Match[str]) -> str:
    """A heading's text without its closing #s (which need a space before them)."""
    text = (match.group(1) or "").strip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.rstrip()
    return text


def _emphasised(match: re.Match[str]) -> str:
    return match.group("star") or match.group("lined") or match.group("code")


def _plain(markdown: str) -> str:
    """Markdown → plain paragraphs: links keep their text, emphasis and markers go."""
    text = MD_LINK_RE.sub(r"\1", markdown)
    text = MD_HEADING_RE.sub(lambda heading: _heading_text(heading) + "\n", text)
    text = MD_QUOTE_RE.sub("", text)
    for _ in range(2):  # nested emphasis: ***word***
        text = MD_EMPHASIS_RE.sub(_emphasised, text)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
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
        published_at=_when(str(data.get("date") or ""), name=name),
        source_path=name,
        format="html",
    )
