"""Response bodies: read with a size bound (also while inflating gzip), and decode to text
with the declared charset, checked against the bytes."""

import re
import zlib

import httpx

META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


class TooLarge(Exception):
    """A body over the size limit, or one that cannot be decoded safely."""


async def read_bounded(response: httpx.Response, limit: int) -> bytes:
    """The decoded body, refused as soon as it passes limit: a gzip bomb is stopped while it
    inflates, and a huge body is never read whole first."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"body too large ({int(declared):,} bytes declared, limit {limit:,})")
    coding = response.headers.get("content-encoding", "identity").strip().lower()
    if coding in ("gzip", "x-gzip", "deflate"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    elif coding in ("identity", ""):
        inflater = None
    else:
        raise TooLarge(f"unsupported content encoding {coding}")
    out = bytearray()
    raw_total = 0
    async for chunk in response.aiter_raw():
        raw_total += len(chunk)
        if inflater is None:
            out += chunk
        else:
            try:
                out += inflater.decompress(chunk, limit + 1 - len(out))
            except zlib.error as exc:
                raise TooLarge(f"corrupt {coding} body ({exc})") from exc
            if inflater.unconsumed_tail:
                raise TooLarge(f"body inflates past the limit of {limit:,} bytes")
        if len(out) > limit or raw_total > limit:
            raise TooLarge(f"body too large (more than {limit:,} bytes)")
    if inflater is not None:
        out += inflater.flush()
        if len(out) > limit:
            raise TooLarge(f"body inflates past the limit of {limit:,} bytes")
    return bytes(out)


def decode(body: bytes, content_type: str | None) -> str:
    """Text of a body: the declared charset, unless the bytes are valid UTF-8 that a legacy
    charset would garble (a common mislabel); undecodable input falls back to Windows-1252."""
    declared = None
    if content_type and "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    if declared is None:
        meta = META_CHARSET_RE.search(body[:4096])
        declared = meta.group(1).decode("ascii", "ignore").lower() if meta else None
    try:
        utf8 = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None and (declared in (None, "utf-8", "utf8") or not body.isascii()):
        return utf8
    try:
        return body.decode(declared or "cp1252")
    except (LookupError, UnicodeDecodeError):
        return body.decode("cp1252", errors="replace")
