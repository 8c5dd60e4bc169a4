"""Who is asking: the signed session cookie of a browser, or the bearer token of a script;
and the CSRF check every form post passes."""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from itsdangerous import BadSignature
from sqlmodel import Session
from starlette.datastructures import FormData

from verify import users
from verify.errors import AuthError
from verify.users import Person, SignedIn
from verify.web.desk import Desk

SESSION_COOKIE = "verify_session"
LOGIN_COOKIE = "verify_login"  # the sign-in form's own CSRF token (there is no session yet)


class LoginRequired(Exception):
    """A page asked for while signed out: the handler sends the browser to /login."""


class CsrfFailed(Exception):
    """A form posted without its session's CSRF token."""


async def desk_of(request: Request) -> Desk:
    # async: FastAPI runs a plain function dependency in a worker thread, a hop per request
    desk: Desk = request.app.state.desk
    return desk


DeskDep = Annotated[Desk, Depends(desk_of)]


def session_token(desk: Desk, request: Request) -> str | None:
    """The session token in the signed cookie, if the signature holds."""
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        token = desk.signer.loads(raw, max_age=int(users.SESSION_LIFETIME.total_seconds()))
    except BadSignature:
        return None
    return token if isinstance(token, str) else None


def _token_or_login(desk: Desk, request: Request) -> str:
    token = session_token(desk, request)
    if token is None:
        raise LoginRequired
    return token


def _person(session: Session, token: str) -> SignedIn:
    try:
        return users.session_person(session, token)
    except AuthError as exc:
        raise LoginRequired from exc


def signed_in(request: Request, desk: DeskDep) -> SignedIn:
    """The browser's signed-in person; LoginRequired otherwise."""
    token = _token_or_login(desk, request)
    with desk.read() as session:
        return _person(session, token)


@contextmanager
def reading_as(desk: Desk, request: Request) -> Iterator[tuple[Session, SignedIn]]:
    """A page's reads with the sign-in check first, in one read transaction: one connection
    and one worker thread for a page view instead of one each for the check and the page.
    LoginRequired when the browser is not signed in."""
    token = _token_or_login(desk, request)
    with desk.read() as session:
        yield session, _person(session, token)


SignedInDep = Annotated[SignedIn, Depends(signed_in)]


async def posted_form(request: Request, who: SignedInDep) -> FormData:
    """The posted form, once its CSRF token matches the session's."""
    form = await request.form()
    sent = form.get("csrf")
    if not isinstance(sent, str) or not secrets.compare_digest(sent, who.csrf):
        raise CsrfFailed
    return form


FormDep = Annotated[FormData, Depends(posted_form)]

bearer = HTTPBearer(
    auto_error=False,
    description="An API token from `verify users token NAME`, sent as `Authorization: Bearer …`.",
)


def api_person(
    desk: DeskDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Person:
    """The person whose API token came with the request; AuthError otherwise."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise AuthError(
            "no API token (send `Authorization: Bearer TOKEN`); create one with "
            "`verify users token NAME`"
        )
    with desk.read() as session:
        return users.token_person(session, credentials.credentials)


ApiPersonDep = Annotated[Person, Depends(api_person)]
