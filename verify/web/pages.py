"""The desk's pages: sign-in, queue, claim (with its actions), sources, reports, archived
copies. Each handler parses, calls the library as the CLI does, and renders."""

import mimetypes
import secrets
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session
from starlette.datastructures import FormData

from verify import claims, factchecks, rendering, sources, users
from verify.errors import (
    AuthError,
    ConflictError,
    InputError,
    NotFoundError,
    RoleError,
    TransitionError,
    VerifyError,
)
from verify.pipeline import decisions, reporting
from verify.quantities import Quantity
from verify.users import SignedIn
from verify.web import views
from verify.web.auth import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    DeskDep,
    FormDep,
    SignedInDep,
    reading_as,
    session_token,
)
from verify.web.desk import Desk

router = APIRouter(include_in_schema=False)

DONE = {
    "assigned": "Assignment saved.",
    "evidence": "Evidence attached.",
    "unchanged": "That link is already attached; nothing changed.",
    "status": "Status set and pinned.",
    "pinned": "Pinned: the rules no longer move this claim.",
    "unpinned": "Unpinned: the rules decide again.",
    "factcheck": "Fact-check attached as evidence.",
    "sources": "Sources added; they are fetched by the next `verify fetch` or worker.",
}
STATUS_OF_ERROR: list[tuple[type[VerifyError], int]] = [
    (ConflictError, 409), (RoleError, 403), (TransitionError, 422), (NotFoundError, 404),
    (AuthError, 401), (InputError, 400),
]  # fmt: skip
REPORT_TYPES = {
    "markdown": ("text/markdown; charset=utf-8", "md"),
    "json": ("application/json", "json"),
    "html": ("text/html; charset=utf-8", "html"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "claimreview": ("application/ld+json", "jsonld"),
}
# An archived page is somebody else's HTML: shown in a sandbox (an opaque origin, no scripts,
# nothing loaded), never as a page of the desk.
ARCHIVE_CSP = "sandbox; default-src 'none'; style-src 'none'; img-src 'none'"


def status_code(exc: VerifyError) -> int:
    for kind, code in STATUS_OF_ERROR:
        if isinstance(exc, kind):
            return code
    return 503  # DatabaseError and the like


def page(
    desk: Desk, template: str, who: SignedIn | None, code: int = 200, **context: Any
) -> Response:
    body = desk.render(template, who=who, **context)
    return HTMLResponse(body, status_code=code, headers={"Cache-Control": "no-store"})


def error_page(desk: Desk, who: SignedIn | None, exc: VerifyError) -> Response:
    return page(desk, "error.html.j2", who, status_code(exc), message=str(exc))


def _local(next_url: str | None) -> str:
    """Only paths on this site: a sign-in never sends the browser elsewhere."""
    if not next_url or not next_url.startswith("/") or next_url.startswith("//"):
        return "/queue"
    if "\\" in next_url or any(ord(c) < 32 for c in next_url):
        return "/queue"  # browsers read `/\host` as `//host`: another site
    parts = urlsplit(next_url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# --- signing in and out -------------------------------------------------------------------


def _login_page(
    desk: Desk, next_url: str, *, message: str | None = None, code: int = 200, name: str = ""
) -> Response:
    token = secrets.token_urlsafe(24)
    response = page(desk, "login.html.j2", None, code, next=_local(next_url), login_csrf=token,
                    message=message, name=name)  # fmt: skip
    response.set_cookie(
        LOGIN_COOKIE, desk.signer.dumps(token, salt="login"), max_age=3600, httponly=True,
        samesite="strict", secure=desk.settings.secure_cookies, path="/login",
    )  # fmt: skip
    return response


@router.get("/login")
def login_form(desk: DeskDep, next: str = "/queue") -> Response:
    return _login_page(desk, next)


@router.post("/login")
async def login(request: Request, desk: DeskDep) -> Response:
    form = await request.form()
    name, password = str(form.get("name") or "").strip(), str(form.get("password") or "")
    next_url = _local(str(form.get("next") or ""))
    try:
        expected = desk.signer.loads(request.cookies.get(LOGIN_COOKIE, ""), salt="login")
    except Exception:
        expected = None
    sent = str(form.get("csrf") or "")
    if not isinstance(expected, str) or not secrets.compare_digest(sent, expected):
        return _login_page(desk, next_url, code=403, name=name,
                           message="The sign-in form expired (no valid CSRF token); "
                           "sign in again.")  # fmt: skip
    address = request.client.host if request.client else "unknown"
    wait = desk.limiter.wait(name, address)
    if wait > 0:
        response = _login_page(desk, next_url, code=429, name=name,
                               message=f"Too many failed sign-ins; wait {wait:.0f} s and try "
                               "again.")  # fmt: skip
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    from starlette.concurrency import run_in_threadpool

    try:
        token = await run_in_threadpool(_sign_in, desk, name, password)
    except AuthError:
        desk.limiter.failed(name, address)
        return _login_page(desk, next_url, code=401, name=name,
                           message="Wrong name or password.")  # fmt: skip
    desk.limiter.succeeded(name)
    response = RedirectResponse(next_url, status_code=303)
    response.set_cookie(
        SESSION_COOKIE, desk.signer.dumps(token),
        max_age=int(users.SESSION_LIFETIME.total_seconds()), httponly=True, samesite="lax",
        secure=desk.settings.secure_cookies, path="/",
    )  # fmt: skip
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


def _sign_in(desk: Desk, name: str, password: str) -> str:
    with desk.write() as session:
        person = users.authenticate(session, name, password)
        return users.start_session(session, person)


@router.post("/logout")
def logout(request: Request, desk: DeskDep, form: FormDep) -> Response:
    token = session_token(desk, request)
    if token:
        with desk.write() as session:
            users.end_session(session, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- the queue ----------------------------------------------------------------------------


@router.get("/")
def home() -> Response:
    return RedirectResponse("/queue", status_code=303)


def _args(request: Request) -> dict[str, Any]:
    query = request.query_params
    return {key: query.getlist(key) if key == "status" else query.get(key) for key in query}


@router.get("/queue")
def queue(request: Request, desk: DeskDep) -> Response:
    with reading_as(desk, request) as (session, who):
        try:
            asked = views.queue_query(desk.flow, _args(request), who.person.name)
            found, counts = queue_and_counts(desk, session, asked)
            outlets = claims.outlets(session)
        except VerifyError as exc:
            return error_page(desk, who, exc)
    return page(
        desk, "queue.html.j2", who, asked=asked, page=found, counts=counts, outlets=outlets,
        figures=_figures, query_string=views.query_string,
        previous=views.encode_cursor(found.before), next=views.encode_cursor(found.after),
    )  # fmt: skip


def queue_and_counts(
    desk: Desk, session: Any, asked: views.QueueQuery
) -> tuple[claims.Page, dict[str, int]]:
    """The page of the queue asked for, and the claims per status. "Every status" reads each
    status present in queue order and merges them (one indexed read each, not a sort of the
    whole table)."""
    counts = desk.counts(session)
    wanted = asked.filter
    if wanted.statuses is None:
        wanted = replace(wanted, statuses=tuple(counts))
    found = claims.queue_page(
        session, wanted, limit=asked.limit, after=asked.after, before=asked.before
    )
    return found, counts


def _figures(quantities: list[dict[str, Any]]) -> str:
    return ", ".join(Quantity(**q).describe() for q in quantities)


# --- one claim ----------------------------------------------------------------------------


def _claim_context(
    desk: Desk, session: Session, who: SignedIn, claim_id: int, fc_query: str | None
) -> dict[str, Any]:
    """Everything the claim page shows (read in the caller's one transaction)."""
    claim = claims.get_claim(session, claim_id)
    mentions = claims.mentions(session, claim_id)
    evidence = claims.evidence_views(session, claim_id)
    history = claims.history(session, claim_id)
    decision, facts = decisions.rule_decision(session, desk.flow, claim)
    hits = None
    if fc_query is not None:
        (hits,) = factchecks.Index(session).search(
            [fc_query or claim.text], scorer=desk.flow.scorer, limit=8
        )
    accounts = users.active_names(session)
    return {
        "claim": claim,
        "figures": [Quantity(**q).describe() for q in claim.quantities],
        "mentions": [(m, a, views.context(a.text, m.char_start, m.char_end)) for m, a in mentions],
        "groups": views.by_origin(evidence),
        "evidence_count": len(evidence),
        "history": history,
        "decision": decision,
        "facts": facts,
        "moves": views.moves(desk.flow, claim.status, who.person.role),
        "unpin_needs": desk.flow.role_for(claim.status),
        "may_unpin": _may(desk, who, claim.status),
        "fc_query": fc_query,
        "hits": hits,
        "accounts": accounts,
        "formats": rendering.FORMATS,
        "org_url": desk.settings.org_url,
        "safe_href": views.safe_href,
        "stances": ("supports", "contradicts", "mentions"),
    }


def _may(desk: Desk, who: SignedIn, status: str) -> bool:
    try:
        desk.flow.check_role(who.person.role, status)
    except RoleError:
        return False
    return True


def claim_page(
    desk: Desk,
    who: SignedIn,
    claim_id: int,
    *,
    fc_query: str | None = None,
    done: str | None = None,
    problem: VerifyError | None = None,
    draft: dict[str, str] | None = None,
    session: Session | None = None,
) -> Response:
    """The claim page; its reads use `session` when the caller has one open."""
    try:
        with desk.read() if session is None else nullcontext(session) as reading:
            context = _claim_context(desk, reading, who, claim_id, fc_query)
    except VerifyError as exc:
        return error_page(desk, who, exc)
    return page(
        desk, "claim.html.j2", who, status_code(problem) if problem else 200,
        done=DONE.get(done or ""), problem=str(problem) if problem else None,
        conflict=isinstance(problem, ConflictError), draft=draft or {}, **context,
    )  # fmt: skip


@router.get("/claims/{claim_id}")
def claim(
    request: Request, desk: DeskDep, claim_id: int, done: str | None = None, fc: str | None = None
) -> Response:
    with reading_as(desk, request) as (session, who):
        return claim_page(desk, who, claim_id, fc_query=fc, done=done, session=session)


def _version(form: FormData) -> int:
    value = str(form.get("version") or "")
    if not value.isdigit():
        raise InputError("the form sent no claim version; reload the claim and try again")
    return int(value)


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _after_action(
    desk: Desk, who: SignedIn, claim_id: int, form: FormData, action: Any, done: str
) -> Response:
    """Run action(session) in one write transaction; on success back to the claim page
    (post/redirect/get), else the page as it now is, with the error and the form as sent."""
    try:
        with desk.write() as session:
            outcome = action(session)
    except VerifyError as exc:
        draft = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf"}
        return claim_page(desk, who, claim_id, problem=exc, draft=draft)
    return RedirectResponse(f"/claims/{claim_id}?done={outcome or done}", status_code=303)


@router.post("/claims/{claim_id}/assign")
def assign(desk: DeskDep, who: SignedInDep, form: FormDep, claim_id: int) -> Response:
    def act(session: Any) -> None:
        version = _version(form)
        action = _field(form, "action")
        if action == "take":
            to: str | None = who.person.name
        elif action == "unassign":
            to = None
        else:
            to = users.get_account(session, _field(form, "to")).name
        claims.check_version(claims.get_claim(session, claim_id), version)
        claims.assign(session, [claim_id], to=to, by=who.person.name)

    return _after_action(desk, who, claim_id, form, act, "assigned")


@router.post("/claims/{claim_id}/evidence")
def attach(desk: DeskDep, who: SignedInDep, form: FormDep, claim_id: int) -> Response:
    def act(session: Any) -> str:
        done = decisions.attach_evidence(
            session, desk.flow, claim_id, _field(form, "url"),
            stance=_field(form, "stance") or "mentions", note=_field(form, "note") or None,
            by=who.person.name, expected_version=_version(form),
        )  # fmt: skip
        return "evidence" if done.created else "unchanged"

    return _after_action(desk, who, claim_id, form, act, "evidence")


@router.post("/claims/{claim_id}/status")
def set_status(desk: DeskDep, who: SignedInDep, form: FormDep, claim_id: int) -> Response:
    def act(session: Any) -> None:
        decisions.set_status(
            session, desk.flow, claim_id, _field(form, "status"), reason=_field(form, "reason"),
            actor=who.person.name, expected_version=_version(form), role=who.person.role,
        )  # fmt: skip

    return _after_action(desk, who, claim_id, form, act, "status")


@router.post("/claims/{claim_id}/pin")
def pin(desk: DeskDep, who: SignedInDep, form: FormDep, claim_id: int) -> Response:
    pinned = _field(form, "pinned") == "1"

    def act(session: Any) -> None:
        decisions.set_pinned(
            session, desk.flow, claim_id, pinned, reason=_field(form, "reason"),
            actor=who.person.name, expected_version=_version(form), role=who.person.role,
        )  # fmt: skip

    return _after_action(desk, who, claim_id, form, act, "pinned" if pinned else "unpinned")


@router.post("/claims/{claim_id}/factcheck")
def attach_factcheck(desk: DeskDep, who: SignedInDep, form: FormDep, claim_id: int) -> Response:
    def act(session: Any) -> str:
        number = _field(form, "factcheck_id")
        if not number.isdigit():
            raise InputError("no fact-check chosen; search and pick one")
        done = decisions.attach_factcheck(
            session, desk.flow, claim_id, int(number), by=who.person.name,
            expected_version=_version(form),
        )  # fmt: skip
        return "factcheck" if done.created else "unchanged"

    return _after_action(desk, who, claim_id, form, act, "factcheck")


# --- reports ------------------------------------------------------------------------------


@router.get("/report")
def report(request: Request, desk: DeskDep, who: SignedInDep, format: str = "markdown") -> Response:
    try:
        return report_response(desk, request, format)
    except VerifyError as exc:
        return error_page(desk, who, exc)


def report_response(desk: Desk, request: Request, fmt: str) -> Response:
    """A report download: the claims named (`claim`, repeatable), else those in the statuses
    named (`status`), else all."""
    if fmt not in REPORT_TYPES:
        raise InputError(f"unknown format {fmt!r} (valid: {', '.join(rendering.FORMATS)})")
    if fmt == "claimreview" and not desk.settings.org_url:
        raise InputError(
            "ClaimReview needs your organisation's address (review URLs are <url>/claims/ID); "
            "start the desk with --org-url or VERIFY_ORG_URL"
        )
    ids = request.query_params.getlist("claim")
    if not all(i.isdigit() for i in ids):
        raise InputError("claim must be a claim id (a number)")
    statuses = [desk.flow.check_status(s) for s in request.query_params.getlist("status")]
    with desk.read() as session:
        data = reporting.report_data(
            session, desk.flow, claim_ids=[int(i) for i in ids], statuses=statuses or None
        )
    data["organisation"] = {
        "name": desk.settings.org_name,
        **({"url": desk.settings.org_url} if desk.settings.org_url else {}),
    }
    media, suffix = REPORT_TYPES[fmt]
    name = f"verify-report-{ids[0]}" if len(ids) == 1 else "verify-report"
    return Response(
        rendering.render(data, fmt),
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{name}.{suffix}"',
            "Content-Security-Policy": ARCHIVE_CSP,
            "Cache-Control": "no-store",
        },
    )


# --- sources ------------------------------------------------------------------------------

SOURCES_PAGE = 100


@router.get("/sources")
def sources_page(
    desk: DeskDep, who: SignedInDep, failed: bool = False, offset: int = 0, done: str | None = None
) -> Response:
    offset = max(0, offset)
    with desk.read() as session:
        rows, total = sources.listing(
            session, failed_only=failed, offset=offset, limit=SOURCES_PAGE
        )
    return page(desk, "sources.html.j2", who, rows=rows, total=total, failed=failed,
                offset=offset, size=SOURCES_PAGE, done=DONE.get(done or ""), problem=None,
                draft={}, safe_href=views.safe_href)  # fmt: skip


@router.post("/sources")
def add_sources(desk: DeskDep, who: SignedInDep, form: FormDep) -> Response:
    urls = _field(form, "urls").split()
    kind = _field(form, "kind") or "page"
    try:
        if not urls:
            raise InputError("no URL given; paste one or more http(s) addresses")
        with desk.write() as session:
            sources.add(session, urls, by=who.person.name, kind=kind)
    except VerifyError as exc:
        with desk.read() as session:
            rows, total = sources.listing(session, limit=SOURCES_PAGE)
        return page(desk, "sources.html.j2", who, status_code(exc), rows=rows, total=total,
                    failed=False, offset=0, size=SOURCES_PAGE, done=None, problem=str(exc),
                    draft={"urls": _field(form, "urls"), "kind": kind},
                    safe_href=views.safe_href)  # fmt: skip
    return RedirectResponse("/sources?done=sources", status_code=303)


@router.get("/sources/{source_id}/archive")
def archived(desk: DeskDep, who: SignedInDep, source_id: int) -> Response:
    """The body of a page as it was fetched, from the archive."""
    try:
        with desk.read() as session:
            source = sources.get_source(session, source_id)
        if not source.archive_path:
            raise NotFoundError(f"source {source_id} has no archived copy yet; fetch it first")
        body = Path(source.archive_path).read_bytes()
    except OSError:
        return error_page(desk, who, NotFoundError(
            f"the archived copy of source {source_id} is missing from the archive folder"
        ))  # fmt: skip
    except VerifyError as exc:
        return error_page(desk, who, exc)
    media = source.content_type or mimetypes.guess_type(source.url)[0] or "text/plain"
    return Response(
        body,
        media_type=media,
        headers={"Content-Security-Policy": ARCHIVE_CSP, "Cache-Control": "private"},
    )


def login_redirect(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
