"""What the desk adds to the library, tested directly: keyset queue pages and filters, counts,
pin / unpin, workflow roles, accounts and sessions, the sign-in limiter, page helpers, and the
`verify users` / `verify serve` commands."""

import itertools
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import Invoke, rows
from verify import claims, database, users, workflow
from verify.claims import QueueFilter
from verify.errors import AuthError, InputError, NotFoundError, RoleError, WorkflowError
from verify.models import Claim
from verify.pipeline import decisions
from verify.web import views
from verify.web.limits import PER_NAME, WINDOW, LoginLimiter

FLOW = workflow.load(Path(__file__).resolve().parent.parent / "workflows" / "default.toml")
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def make_claims(db: str, n: int = 157) -> None:
    """Claims with many ties in priority and creation time, over three statuses."""
    rng = random.Random(7)
    with database.transaction(db) as session:
        for i in range(n):
            session.add(
                Claim(
                    text=f"claim {i} {'100% sure_thing' if i % 10 == 0 else 'plain'}",
                    quote="q",
                    status=("unverified", "disputed", "corroborated")[i % 3],
                    priority=rng.choice([0.5, 0.25, 0.75]),
                    created_at=T0 + timedelta(minutes=rng.choice([0, 1, 2])),
                    assignee="rita" if i % 4 == 0 else None,
                )
            )


def walk(db: str, wanted: QueueFilter, limit: int) -> list[list[int]]:
    pages, after = [], None
    with database.transaction(db, write=False) as session:
        while True:
            page = claims.queue_page(session, wanted, limit=limit, after=after)
            pages.append([c.id or 0 for c in page.claims])
            if page.after is None:
                return pages
            after = page.after


@pytest.mark.parametrize("statuses", [None, ("unverified", "disputed"), ("corroborated",)])
def test_keyset_pages_walk_the_queue_order_both_ways(db: str, statuses: tuple[str, ...]) -> None:
    make_claims(db)
    wanted = QueueFilter(statuses=statuses)
    with database.transaction(db, write=False) as session:
        expected = [c.id for c in claims.list_claims(session, statuses=statuses)]
    pages = walk(db, wanted, 10)
    assert list(itertools.chain(*pages)) == expected
    assert all(len(p) == 10 for p in pages[:-1]) and pages[-1]
    with database.transaction(db, write=False) as session:  # and back from the last page
        last = claims.queue_page(session, wanted, limit=10, after=None)
        for _ in pages[1:]:
            last = claims.queue_page(session, wanted, limit=10, after=last.after)
        back, seen = last, [[c.id for c in last.claims]]
        while back.before is not None:
            back = claims.queue_page(session, wanted, limit=10, before=back.before)
            seen.insert(0, [c.id for c in back.claims])
    assert seen == pages


@pytest.mark.parametrize("search_set", [2, 2000])
def test_searched_pages_walk_the_queue_order(
    db: str, search_set: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both PostgreSQL plans give the queue order: the few matches read by id (16 claims match
    "sure", about 5 a status), and the walk down the queue when more than SEARCH_SET match."""
    monkeypatch.setattr(claims, "SEARCH_SET", search_set)
    make_claims(db)
    statuses = ("unverified", "disputed", "corroborated")
    with database.transaction(db, write=False) as session:
        queue = list(claims.list_claims(session, statuses=statuses))
    expected = [c.id for c in queue if "sure_thing" in c.text]
    assert len(expected) == 16
    pages = walk(db, QueueFilter(statuses=statuses, text="sure"), 4)
    assert list(itertools.chain(*pages)) == expected and len(pages) == 4
    page_of_rita = walk(db, QueueFilter(statuses=statuses, text="sure", assignee="rita"), 50)
    assert page_of_rita == [[c.id for c in queue if "sure_thing" in c.text and c.assignee]]
    assert walk(db, QueueFilter(statuses=statuses, text="nowhere"), 4) == [[]]


def test_queue_filters(db: str) -> None:
    make_claims(db, 40)
    with database.transaction(db, write=False) as session:

        def ids(**kw: object) -> set[int]:
            page = claims.queue_page(session, QueueFilter(**kw), limit=100)  # type: ignore[arg-type]
            return {c.id or 0 for c in page.claims}

        everything = ids()
        assert len(everything) == 40
        assert ids(assignee="rita") == {i for i in everything if (i - 1) % 4 == 0}
        assert ids(unassigned=True) == everything - ids(assignee="rita")
        sure = {i for i in everything if (i - 1) % 10 == 0}
        assert ids(text="SURE") == ids(text="100% sure_") == ids(text="su th") == sure
        assert ids(text="claim 3") == {4} | {i for i in everything if 31 <= i <= 40}  # prefixes
        with pytest.raises(InputError, match="no letters or digits"):
            ids(text="%_")
        assert ids(since=T0 + timedelta(minutes=1)) | ids(until=T0 + timedelta(minutes=1)) == (
            everything
        )
        assert not ids(since=T0 + timedelta(minutes=1)) & ids(until=T0 + timedelta(minutes=1))
        assert ids(outlet="Nowhere Daily") == set()
        with pytest.raises(NotFoundError, match="no article with id 9"):
            ids(article_id=9)
        counts = claims.count_by_status(session)
    assert counts == {"unverified": 14, "disputed": 13, "corroborated": 13}


def test_pin_and_unpin_are_kept_in_the_history(db: str) -> None:
    make_claims(db, 1)
    with database.transaction(db) as session:
        changes = decisions.set_pinned(
            session, FLOW, 1, True, reason="checked", actor="eddie", role="editor"
        )
        assert [(c.from_status, c.to_status, c.actor) for c in changes] == [
            ("unverified", "unverified", "eddie")
        ]
        assert decisions.set_pinned(session, FLOW, 1, True, reason="again", actor="eddie") == []
    with database.transaction(db) as session:
        claim = claims.get_claim(session, 1)
        claim.status = "corroborated"  # as a person's verdict would have left it
        claims.save(session, claim)
    refused = pytest.raises(RoleError, match="a reviewer cannot set corroborated")
    with refused, database.transaction(db) as session:
        decisions.set_pinned(session, FLOW, 1, False, reason="x", actor="rita", role="reviewer")
    with database.transaction(db) as session:
        changes = decisions.set_pinned(
            session,
            FLOW,
            1,
            False,
            reason="recheck",
            actor="eddie",
            role="editor",
            expected_version=3,
        )
    assert [(c.to_status, c.actor) for c in changes] == [
        ("corroborated", "eddie"),
        ("unverified", "rules"),
    ]
    assert rows(db, "SELECT pinned, status FROM claim") == [(False, "unverified")]
    with pytest.raises(InputError, match="needs a reason"), database.transaction(db) as session:
        decisions.set_pinned(session, FLOW, 1, True, reason=" ", actor="eddie")


def test_workflow_roles(tmp_path: Path) -> None:
    assert FLOW.role_for("corroborated") == "editor" and FLOW.role_for("disputed") == "reviewer"
    FLOW.check_role("admin", "corroborated")
    FLOW.check_role("reviewer", "disputed")
    with pytest.raises(RoleError, match="lets only editor or admin do that"):
        FLOW.check_role("reviewer", "corroborated")
    base = (Path(__file__).resolve().parent.parent / "workflows" / "default.toml").read_text()
    base = base.split("[roles]")[0]
    for table, message in (
        ('[roles]\ncorroborated = "editr"\n', "unknown role 'editr'.*did you mean 'editor'"),
        ('[roles]\ncorroborate = "editor"\n', "unknown status 'corroborate'"),
        ('roles = "editor"\n', "'roles' in the workflow must be a table"),
    ):
        bad = tmp_path / "bad.toml"
        bad.write_text(table + base if table.startswith("roles =") else base + table)
        with pytest.raises(WorkflowError, match=message):
            workflow.load(bad)


def test_accounts_tokens_and_sessions(db: str) -> None:
    with database.transaction(db) as session:
        users.add(session, "rita", role="reviewer", password="long enough pw")
        for name, role, password, message in (
            ("rita", "reviewer", "long enough pw", "exists already"),
            ("bad name", "reviewer", "long enough pw", "cannot use 'bad name'"),
            ("sam", "boss", "long enough pw", "unknown role 'boss'"),
            ("sam", "editor", "short", "too short"),
        ):
            with pytest.raises(InputError, match=message):
                users.add(session, name, role=role, password=password)
    with database.transaction(db) as session:
        stored = rows(db, "SELECT password_hash FROM account")[0][0]
        assert stored.startswith("$argon2id$") and "long enough" not in stored
        person = users.authenticate(session, "rita", "long enough pw")
        for name, password in (("rita", "wrong password"), ("nobody", "long enough pw")):
            with pytest.raises(AuthError, match="wrong name or password"):
                users.authenticate(session, name, password)
        token = users.create_token(session, "rita")
        assert users.token_person(session, token) == person
        cookie = users.start_session(session, person)
        assert users.session_person(session, cookie).person == person
        with pytest.raises(AuthError, match="expired"):
            users.session_person(session, cookie, now=datetime.now(UTC) + timedelta(days=1))
    assert token not in str(rows(db, "SELECT token_hash FROM apitoken"))
    with database.transaction(db) as session:
        users.update(session, "rita", password="a new password")  # signs her out everywhere
        with pytest.raises(AuthError):
            users.session_person(session, cookie)
        users.update(session, "rita", active=False)  # and revokes her tokens
        with pytest.raises(AuthError):
            users.token_person(session, token)
        with pytest.raises(AuthError):
            users.authenticate(session, "rita", "a new password")
        assert users.secret_key(session) == users.secret_key(session)


def test_login_limiter_counts_failures_in_a_window() -> None:
    now = [0.0]
    limiter = LoginLimiter(clock=lambda: now[0])
    for _ in range(PER_NAME):
        assert limiter.wait("rita", "1.2.3.4") == 0
        limiter.failed("rita", "1.2.3.4")
    assert limiter.wait("rita", "5.6.7.8") == pytest.approx(WINDOW)  # the name is locked
    assert limiter.wait("eddie", "1.2.3.4") == 0  # the address is not (yet)
    now[0] = WINDOW + 1
    assert limiter.wait("rita", "1.2.3.4") == 0
    for i in range(20):
        limiter.failed(f"name{i}", "9.9.9.9")
    assert limiter.wait("someone-else", "9.9.9.9") > 0  # one address trying many names


def test_page_helpers() -> None:
    text = "word " * 100 + "THE CLAIM" + " more" * 100
    start = text.index("THE CLAIM")
    ctx = views.context(text, start, start + 9, width=20)
    assert ctx.claim == "THE CLAIM" and ctx.before.startswith("…") and ctx.after.endswith("…")
    assert views.context("short THE CLAIM", 6, 15).before == "short "
    assert views.safe_href("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//x", None):
        assert views.safe_href(bad) is None
    cursor = claims.Cursor(0.1 + 0.2, T0, 7)
    assert views.decode_cursor(views.encode_cursor(cursor)) == cursor
    for bad in ("x", "1~2~3", "0.5~2026-01-01T00:00:00~7"):
        with pytest.raises(InputError, match="page position"):
            views.decode_cursor(bad)
    with pytest.raises(InputError, match="limit must be one of"):
        views.queue_query(FLOW, {"limit": "1000"}, "rita")
    with pytest.raises(InputError, match="since must be a date"):
        views.queue_query(FLOW, {"since": "yesterday"}, "rita")
    mine = views.queue_query(FLOW, {"mine": "1", "assignee": "eddie"}, "rita")
    assert mine.filter.assignee == "rita" and mine.filter.statuses == FLOW.pending


def test_users_and_serve_commands(sqlite_cli: Invoke) -> None:
    assert "nobody could sign in" in sqlite_cli("serve", code=1).stderr
    made = sqlite_cli("users", "add", "eddie", "--role", "editor")
    password = made.stdout.strip().rsplit(" ", 1)[-1]
    assert "Added editor eddie." in made.stdout and len(password) >= 16
    sqlite_cli("users", "add", "rita", "--password-stdin", stdin="a long password\n")
    assert "exists already" in sqlite_cli("users", "add", "rita", code=1).stderr
    assert (
        "no password on standard input"
        in sqlite_cli("users", "add", "sam", "--password-stdin", stdin="\n", code=1).stderr
    )
    listed = sqlite_cli("users", "list").stdout.split("\n")
    assert listed[0].split() == ["eddie", "editor"] and listed[1].split() == ["rita", "reviewer"]
    token = sqlite_cli("users", "token", "rita").stdout.strip()
    assert token.startswith("vt_")
    assert "Revoked 1 token(s)" in sqlite_cli("users", "token", "rita", "--revoke").stdout
    assert "disabled" in sqlite_cli("users", "set", "rita", "--disable").stdout
    assert "nothing to change" in sqlite_cli("users", "set", "rita", code=1).stderr
    assert (
        "no desk account named 'zed'"
        in sqlite_cli("users", "set", "zed", "--enable", code=1).stderr
    )
    assert "must be an http" in sqlite_cli("serve", "--org-url", "ftp://x", code=1).stderr
