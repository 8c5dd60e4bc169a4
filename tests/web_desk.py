"""The review desk running for real on a loopback port (uvicorn in a thread), with a database
holding the seed articles and desk accounts."""

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from typer.testing import CliRunner

from tests.conftest import SEEDS
from verify import config, database, users
from verify.cli import app as cli_app
from verify.models import Claim, Evidence, Mention
from verify.web.app import create_app
from verify.web.desk import DeskSettings

PASSWORD = "correct horse battery"
ACCOUNTS = {"rita": "reviewer", "eddie": "editor", "ada": "admin"}
XSS = "<script>alert(1)</script>"


@dataclass(frozen=True)
class Desk:
    """A running desk: its address and database."""

    base: str
    db_url: str


def seed(db_url: str) -> None:
    """The seed articles, desk accounts, and a hostile claim whose evidence link is
    javascript: (stored the way a bug or an old import could have stored it)."""
    result = CliRunner().invoke(cli_app, ["ingest", str(SEEDS), "--db", db_url])
    assert result.exit_code == 0, result.output
    with database.transaction(db_url) as session:
        for name, role in ACCOUNTS.items():
            users.add(session, name, role=role, password=PASSWORD)
        hostile = Claim(text=XSS, quote=f"He wrote {XSS} on the wall.", status="unverified",
                        attributed_to="<img src=x onerror=alert(2)>", priority=-1.0)  # fmt: skip
        session.add(hostile)
        session.flush()
        session.add(Mention(claim_id=hostile.id or 0, article_id=1, char_start=0, char_end=5))
        session.add(Evidence(claim_id=hostile.id or 0, url="javascript:alert(1)",
                             stance="supports", method="manual", added_by="old-import",
                             note="<b onmouseover=alert(3)>note</b>"))  # fmt: skip


@contextmanager
def running(
    db_url: str, workflow: Path | None = None, org_url: str | None = None
) -> Iterator[Desk]:
    """Serve the desk on 127.0.0.1 until the block ends."""
    settings = DeskSettings(
        db_url, workflow or config.default_workflow(), org_url=org_url, org_name="Test Desk"
    )
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), log_level="warning", lifespan="on")
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started or not thread.is_alive():
                break
            threading.Event().wait(0.02)
        assert server.started, "the desk did not start"
        yield Desk(f"http://127.0.0.1:{port}", db_url)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def csrf_of(html: str) -> str:
    """The CSRF token in a page's first form."""
    marker = 'name="csrf" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def browser_login(client: httpx.Client, name: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in through the login form, as a browser does."""
    form = client.get("/login")
    return client.post(
        "/login",
        data={"csrf": csrf_of(form.text), "name": name, "password": password, "next": "/queue"},
    )


def token_for(db_url: str, name: str) -> str:
    with database.transaction(db_url) as session:
        return users.create_token(session, name)
