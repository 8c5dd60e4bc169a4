"""The one HTTP client factory and a polite, bounded fetcher that never reaches private networks
unless told to. Network only: no database, no extraction. Faults come back as Page.error."""

import asyncio
import email.utils
import ipaddress
import math
import random
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

import httpx
from protego import Protego

from verify import __version__, bodies
from verify.errors import InputError

USER_AGENT = f"verify/{__version__} (claim verification; respects robots.txt)"
TEXT_TYPES = (
    "text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
)  # fmt: skip
REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}
EMPTY_BODY = "empty body"
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 §2.5: parse at least 500 KiB; the rest is ignored


class Refused(Exception):
    """A URL we will not fetch (scheme, private address, robots.txt, redirect rules)."""


@dataclass(frozen=True)
class FetchSettings:
    """How verify fetches: identity, limits, retries and the SSRF guard."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int = 8
    per_host: int = 2
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 30.0  # waits up to this long within a run; longer ones defer
    max_wait: float = 86_400.0  # no server can defer a source longer than this
    allow_private: bool = False
    respect_robots: bool = True
    resolve: Mapping[str, tuple[str, int | None]] = field(default_factory=dict)
    any_content: bool = False  # captures keep any body (PDFs, images); pages need text


Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Exchange:
    """One request and the response head as they went over the wire: what a WARC keeps.
    The body, when one was read, is the Page's."""

    url: str
    request_headers: Headers
    status: int
    reason: str
    http_version: str
    response_headers: Headers
    address: str | None
    at: datetime


@dataclass(frozen=True)
class Page:
    """What one fetch produced: a body, a 304, or an error (never an exception)."""

    url: str
    final_url: str
    status: int | None = None
    content_type: str | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    retry_at: datetime | None = None
    exchanges: tuple[Exchange, ...] = ()  # redirects first; the last one answered with body
    deferred: bool = False  # not tried: the host's robots.txt pace leaves no turn in time

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def text(self) -> str | None:
        """The body decoded (declared charset, checked); decoded on demand, since most pages
        go to an extraction worker as bytes."""
        return bodies.decode(self.body, self.content_type) if self.body else None


def parse_resolve(entries: list[str]) -> dict[str, tuple[str, int | None]]:
    """`HOST:ADDR` or `HOST:ADDR:PORT` (IPv6 in brackets) → {host: (addr, port or None)}."""
    found: dict[str, tuple[str, int | None]] = {}
    for entry in entries:
        match = re.fullmatch(r"([^:\s\[\]]+):(\[[0-9a-fA-F:.]+\]|[0-9.]+)(?::(\d{1,5}))?", entry)
        try:
            if not match:
                raise ValueError(entry)
            host, addr, port = match.groups()
            address = str(ipaddress.ip_address(addr.strip("[]")))
        except ValueError as exc:
            raise InputError(
                f"invalid --resolve {entry!r} (expected HOST:ADDR or HOST:ADDR:PORT, "
                "e.g. news.example:127.0.0.1:8080)"
            ) from exc
        found[host.lower()] = (address, int(port) if port else None)
    return found


def check_scheme(url: str) -> httpx.URL:
    """The URL as httpx.URL if it is absolute http(s); Refused otherwise."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise Refused(f"invalid URL ({exc})") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise Refused(f"only http and https URLs can be fetched, not {url!r}")
    return parsed


# IPv6 ranges whose last 32 bits are the IPv4 address the packets end up at.
EMBEDDED_IPV4 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "::/96",  # IPv4-compatible (deprecated; `[::127.0.0.1]` is loopback on some hosts)
        "::ffff:0:0/96",  # IPv4-mapped
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT)
        "64:ff9b::/96",  # NAT64, the well-known prefix: a DNS64 resolver's answer for any name
    )
)
LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215: a network's own translator


def is_public(address: str) -> bool:
    """True for globally routable unicast addresses; loopback, private, link-local (cloud
    metadata), multicast, reserved and shared ranges are not, nor IPv6 addresses that carry
    one of those as an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in LOCAL_NAT64:
            return False
        if any(ip in net for net in EMBEDDED_IPV4):
            return is_public(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
        if ip.sixtofour is not None and not is_public(str(ip.sixtofour)):
            return False
        if ip.teredo is not None and not all(is_public(str(a)) for a in ip.teredo):
            return False
    return ip.is_global and not ip.is_multicast


def make_client(
    settings: FetchSettings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The one place HTTP behaviour is configured. Redirects are followed by hand, so that each
    hop goes through the address check."""
    return httpx.AsyncClient(
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8",
            "Accept-Encoding": "gzip, deflate",  # only what we can decode with a size bound
        },
        timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
        limits=httpx.Limits(
            max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency
        ),
        follow_redirects=False,
        trust_env=False,
        transport=transport,
    )


@dataclass(frozen=True)
class Robots:
    """An origin's robots.txt: its rules, and the pause it asks for between requests."""

    rules: Protego
    pace: float = 0.0  # seconds: Crawl-delay, or Request-rate's seconds per request


class _Deferred(Exception):
    """The origin's next turn comes too late for this page's deadline."""

    def __init__(self, wait: float, pace: float) -> None:
        super().__init__(wait, pace)
        self.wait = wait
        self.pace = pace


class Fetcher:
    """Fetch pages concurrently within global and per-host limits, with retries and robots.txt
    (its rules, and its Crawl-delay / Request-rate as a pace per origin)."""

    def __init__(
        self, settings: FetchSettings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        self.client = make_client(settings, transport=transport)
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = {}
        self.robots: dict[str, Robots | str] = {}
        self.robots_locks: dict[str, asyncio.Lock] = {}
        self.turns: dict[str, float] = {}  # origin → loop time its next request may start

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        deadline: float | None = None,
    ) -> Page:
        """Fetch url (conditionally, given etag / last_modified) by the loop-time deadline
        (default: total_timeout from now, retries and waits included); errors come back in
        Page, never as exceptions."""
        loop = asyncio.get_running_loop()
        if deadline is None:
            deadline = loop.time() + self.settings.total_timeout
        try:
            parsed = check_scheme(url)
        except Refused as exc:
            return Page(url, url, error=str(exc))
        host = parsed.host
        gate = self.hosts.setdefault(host, asyncio.Semaphore(self.settings.per_host))
        origin = _origin(parsed)
        try:
            async with asyncio.timeout_at(deadline), gate:
                pace = await self._check_robots(parsed) if self.settings.respect_robots else 0.0
                return await self._with_retries(
                    url, etag=etag, last_modified=last_modified, deadline=deadline,
                    origin=origin, pace=pace,
                )  # fmt: skip
        except Refused as exc:
            return Page(url, url, error=str(exc))
        except _Deferred as exc:
            return Page(
                url, url, deferred=True, retry_at=datetime.now(UTC) + timedelta(seconds=exc.wait),
                error=f"robots.txt of {origin} asks for {exc.pace:g} s between requests; "
                "put off to a later run",
            )  # fmt: skip
        except TimeoutError:
            return Page(url, url, error=self._timed_out())

    def _timed_out(self) -> str:
        return f"timed out (limit {self.settings.total_timeout:g} s for the page, all included)"

    async def _with_retries(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        deadline: float,
        origin: str,
        pace: float,
    ) -> Page:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        loop = asyncio.get_running_loop()
        page = Page(url, url, error="not fetched")
        for attempt in range(self.settings.retries + 1):
            delay = self.settings.backoff * 2**attempt * (1 + random.random() / 4)
            try:
                await self._take_turn(origin, pace, deadline)
            except _Deferred:
                if attempt == 0:
                    raise
                break  # no turn left for another try: the last answer stands
            try:
                async with self.slots:
                    page = await self._attempt(url, headers)
            except httpx.TimeoutException:
                page = Page(url, url, error=self._timed_out())
            except httpx.HTTPError as exc:
                page = Page(url, url, error=f"connection failed ({type(exc).__name__}: {exc})")
            else:
                if page.status not in RETRY_STATUSES:
                    return page
                wait = _retry_after(page)
                if wait is not None:
                    if wait > self.settings.max_retry_after:
                        return page  # retry_at defers the source to a later run
                    delay = max(wait, 0.0)
            if attempt == self.settings.retries or loop.time() + delay >= deadline:
                break  # no time left to wait for another try
            await asyncio.sleep(delay)
        return page

    async def _take_turn(self, origin: str, pace: float, deadline: float) -> None:
        """Wait for the origin's next turn (requests start pace seconds apart); _Deferred, with
        the wait, when that turn leaves the page too little of its time (a read timeout)."""
        if pace <= 0:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        turn = max(now, self.turns.get(origin, now))
        self.turns[origin] = turn + pace  # a page put off keeps its turn: the next run spreads
        if turn > now and turn + min(self.settings.read_timeout, pace) > deadline:
            raise _Deferred(turn - now, pace)
        await asyncio.sleep(turn - now)

    async def _attempt(self, url: str, headers: dict[str, str]) -> Page:
        """One try: follow redirects by hand (each hop checked), read a bounded body."""
        seen = {url}
        current = url
        hops: list[Exchange] = []
        for _ in range(self.settings.max_redirects + 1):
            response, address = await self._send(check_scheme(current), headers)
            hops.append(_exchange(current, response, address))
            try:
                location = response.headers.get("location")
                if response.status_code in REDIRECTS and location:
                    nxt = urljoin(current, location)
                    if nxt in seen:
                        return Page(url, current, response.status_code, exchanges=tuple(hops),
                                     error=f"redirect loop at {nxt}")  # fmt: skip
                    seen.add(nxt)
                    current = nxt
                    continue
                page = await self._page(url, current, response)
                return replace(page, exchanges=tuple(hops))
            finally:
                await response.aclose()
        return Page(url, current, exchanges=tuple(hops), error=f"too many redirects (more than "
                    f"{self.settings.max_redirects})")  # fmt: skip

    async def _send(self, url: httpx.URL, headers: dict[str, str]) -> tuple[httpx.Response, str]:
        """Connect to the checked address, keeping the host name for Host and TLS SNI."""
        address, port = await self._address(url)
        target = url.copy_with(host=address, port=port)
        request = self.client.build_request(
            "GET",
            target,
            headers={**headers, "Host": url.netloc.decode("ascii")},
            extensions={"sni_hostname": url.host} if url.scheme == "https" else {},
        )
        return await self.client.send(request, stream=True), address

    async def _address(self, url: httpx.URL) -> tuple[str, int | None]:
        """Resolve the host (the --resolve map first) and refuse non-public addresses."""
        host = url.host.lower()
        pinned = self.settings.resolve.get(host)
        if pinned:  # an address the user named is trusted, as with curl --resolve
            return pinned[0], pinned[1] or url.port
        try:
            ipaddress.ip_address(host)
            addresses = [host]
        except ValueError:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, url.port or 443, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise httpx.ConnectError(f"cannot resolve {host}: {exc}") from exc
            addresses = [str(info[4][0]) for info in infos]
        if not self.settings.allow_private:
            for address in addresses:
                if not is_public(address):
                    raise Refused(
                        f"refusing {host}: it resolves to {address}, a private or reserved "
                        "address (pass --allow-private to fetch from local networks)"
                    )
        return addresses[0], url.port

    async def _page(self, url: str, final: str, response: httpx.Response) -> Page:
        status = response.status_code
        base = Page(
            url, final, status,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )  # fmt: skip
        if status == 304:
            return replace(base, not_modified=True)
        if status in RETRY_STATUSES:
            retry_at = retry_after(response.headers.get("retry-after"), self.settings.max_wait)
            return replace(base, error=f"HTTP {status}", retry_at=retry_at)
        if status >= 400:
            return replace(base, error=f"HTTP {status}")
        if status != 200:
            return replace(base, error=f"unexpected HTTP {status}")
        mime = (base.content_type or "text/html").split(";")[0].strip().lower()
        if mime not in TEXT_TYPES and not self.settings.any_content:
            return replace(base, error=f"unsupported content type {mime}")
        try:
            body = await bodies.read_bounded(response, self.settings.max_bytes)
        except bodies.TooLarge as exc:
            return replace(base, error=str(exc))
        if not body.strip():
            return replace(base, error=EMPTY_BODY)
        if b"\x00" in body[:8192] and not self.settings.any_content:
            return replace(base, error=f"binary content under {mime}")
        return replace(base, body=body)

    async def _check_robots(self, url: httpx.URL) -> float:
        """Refused if the origin's robots.txt disallows url; else the pace it asks for."""
        origin = _origin(url)
        lock = self.robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self.robots:
                self.robots[origin] = await self._load_robots(origin)
        robots = self.robots[origin]
        if isinstance(robots, str):
            raise Refused(robots)
        if not robots.rules.can_fetch(str(url), self.settings.user_agent):
            shown = url.raw_path.decode("ascii", "replace")
            raise Refused(f"robots.txt of {origin} disallows {shown}")
        return robots.pace

    async def _load_robots(self, origin: str) -> Robots | str:
        """RFC 9309: 4xx means no rules; 5xx or no answer means stay away for now."""
        try:
            async with asyncio.timeout(self.settings.total_timeout), self.slots:
                page = await self._attempt(f"{origin}/robots.txt", {})
        except (TimeoutError, httpx.HTTPError) as exc:
            return f"robots.txt of {origin} could not be read ({type(exc).__name__}); retried later"
        if (page.status is not None and 400 <= page.status < 500) or page.error == EMPTY_BODY:
            return Robots(Protego.parse(""))  # no robots.txt, or an empty one: no rules
        if not page.ok:
            return f"robots.txt of {origin} could not be read ({page.error}); retried later"
        text = bodies.decode(page.body[:ROBOTS_MAX_BYTES], page.content_type)
        rules = Protego.parse(text)
        return Robots(rules, robots_pace(rules, self.settings.user_agent, self.settings.max_wait))


def _origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def robots_pace(rules: Protego, user_agent: str, longest: float) -> float:
    """Seconds between two requests that robots.txt asks of us: its Crawl-delay, or the seconds
    per request of its Request-rate, whichever is longer; at most `longest`."""
    delay = rules.crawl_delay(user_agent) or 0.0
    rate = rules.request_rate(user_agent)
    if rate is not None and rate.requests > 0:
        delay = max(delay, rate.seconds / rate.requests)
    if math.isnan(delay) or delay <= 0:
        return 0.0
    return min(delay, longest)


def _exchange(url: str, response: httpx.Response, address: str) -> Exchange:
    """The request as sent (under its own host name) and the response head as received."""
    request = response.request
    return Exchange(
        url=url,
        request_headers=tuple(
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw
        ),
        status=response.status_code,
        reason=response.reason_phrase,
        http_version=response.http_version,
        response_headers=tuple(
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw
        ),
        address=address,
        at=datetime.now(UTC),
    )


def _retry_after(page: Page) -> float | None:
    if page.retry_at is None:
        return None
    return (page.retry_at - datetime.now(UTC)).total_seconds()


DELTA_SECONDS_RE = re.compile(r"[0-9]{1,20}")  # ASCII digits only: "²".isdigit() is True


def retry_after(
    value: str | None, max_wait: float, *, now: datetime | None = None
) -> datetime | None:
    """Retry-After (RFC 9110: delta-seconds or an HTTP date) as an absolute time, never more
    than max_wait seconds ahead and never in the past; None when absent or unreadable."""
    value = (value or "").strip()
    now = now or datetime.now(UTC)
    if DELTA_SECONDS_RE.fullmatch(value):
        seconds = min(int(value), max_wait)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = min(max((when - now).total_seconds(), 0.0), max_wait)
    return now + timedelta(seconds=seconds)


def fetch_one(url: str, settings: FetchSettings) -> Page:
    """Fetch a single URL outside any batch (e.g. `verify ingest URL`)."""

    async def run() -> Page:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(run())
