"""Desk accounts on a Session: people, their roles and passwords (argon2), API tokens and
browser sessions (only sha256 digests of tokens are stored). Functions never commit; the
caller's transaction does."""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from verify.errors import AuthError, InputError, NotFoundError
from verify.models import Account, ApiToken, Setting, WebSession, utcnow
from verify.workflow import ROLES

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD = 10
SESSION_LIFETIME = timedelta(hours=12)
SECRET_SETTING = "desk_secret"

_hasher = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) parameters
# Checked against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class Person:
    """Who is acting at the desk: what the audit trail records and what the roles check."""

    id: int
    name: str
    role: str


@dataclass(frozen=True)
class SignedIn:
    """A browser session: the person, the session's CSRF token and its row id."""

    person: Person
    csrf: str
    session_id: int


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _person(account: Account) -> Person:
    return Person(account.id or 0, account.name, account.role)


def check_role(role: str) -> str:
    """The role if it is one of ROLES; else InputError."""
    if role not in ROLES:
        raise InputError(f"unknown role {role!r} (roles: {', '.join(ROLES)})")
    return role


def check_password(password: str) -> str:
    """InputError unless the password is long enough to keep."""
    if len(password) < MIN_PASSWORD:
        raise InputError(
            f"the password is too short ({len(password)} characters; at least {MIN_PASSWORD}); "
            "choose a longer one"
        )
    return password


def new_password() -> str:
    """A random password to hand over once (16 URL-safe characters, ~96 bits)."""
    return secrets.token_urlsafe(12)


def get_account(session: Session, name: str) -> Account:
    """The account with this name, or NotFoundError."""
    found = session.exec(select(Account).where(Account.name == name)).first()
    if found is None:
        raise NotFoundError(f"no desk account named {name!r}; see `verify users list`")
    return found


def add(session: Session, name: str, *, role: str, password: str) -> Account:
    """Create an account; the name must be new."""
    if not NAME.fullmatch(name):
        raise InputError(
            f"cannot use {name!r} as an account name (letters, digits and . _ @ -, at most 64, "
            "starting with a letter or digit); choose another"
        )
    check_role(role)
    check_password(password)
    if session.exec(select(Account.id).where(Account.name == name)).first() is not None:
        raise InputError(f"an account named {name!r} exists already; choose another name")
    account = Account(name=name, role=role, password_hash=_hasher.hash(password))
    session.add(account)
    session.flush()
    return account


def list_accounts(session: Session) -> list[Account]:
    """Every account, by name."""
    return list(session.exec(select(Account).order_by(col(Account.name))))


def active_names(session: Session) -> list[str]:
    """The names of the accounts that may sign in, A to Z (whom a claim can be assigned to)."""
    query = select(Account.name).where(col(Account.active)).order_by(col(Account.name))
    return list(session.exec(query))


def update(
    session: Session,
    name: str,
    *,
    role: str | None = None,
    password: str | None = None,
    active: bool | None = None,
) -> Account:
    """Change an account's role, password or whether it may sign in. A new password or a
    disabled account ends its browser sessions; disabling also revokes its API tokens."""
    account = get_account(session, name)
    if role is not None:
        account.role = check_role(role)
    if password is not None:
        account.password_hash = _hasher.hash(check_password(password))
    if active is not None:
        account.active = active
    if password is not None or active is False:
        session.execute(delete(WebSession).where(col(WebSession.account_id) == account.id))
    if active is False:
        session.execute(delete(ApiToken).where(col(ApiToken.account_id) == account.id))
    session.add(account)
    session.flush()
    return account


def authenticate(session: Session, name: str, password: str) -> Person:
    """The person whose name and password these are; AuthError otherwise (same message and
    about the same time for an unknown name, a wrong password and a disabled account)."""
    account = session.exec(select(Account).where(Account.name == name)).first()
    try:
        _hasher.verify(account.password_hash if account else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        account = None
    if account is None or not account.active:
        raise AuthError("wrong name or password")
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
        session.add(account)
    return _person(account)


def create_token(session: Session, name: str) -> str:
    """A new API token for the account; returned once, stored only as its digest."""
    account = get_account(session, name)
    if not account.active:
        raise InputError(f"account {name!r} is disabled; enable it first")
    token = "vt_" + secrets.token_urlsafe(32)
    session.add(ApiToken(account_id=account.id or 0, token_hash=_digest(token)))
    session.flush()
    return token


def revoke_tokens(session: Session, name: str) -> int:
    """Remove every API token of the account; returns how many."""
    account = get_account(session, name)
    result = session.execute(delete(ApiToken).where(col(ApiToken.account_id) == account.id))
    return int(getattr(result, "rowcount", 0) or 0)


def token_person(session: Session, token: str) -> Person:
    """The person an API token belongs to; AuthError for an unknown or revoked one."""
    query = (
        select(Account)
        .join(ApiToken, col(ApiToken.account_id) == col(Account.id))
        .where(ApiToken.token_hash == _digest(token), col(Account.active))
    )
    account = session.exec(query).first()
    if account is None:
        raise AuthError("unknown or revoked API token; create one with `verify users token NAME`")
    return _person(account)


def start_session(session: Session, person: Person, *, now: datetime | None = None) -> str:
    """A new browser session for the person; returns its token (for the signed cookie)."""
    moment = now or utcnow()
    session.execute(delete(WebSession).where(col(WebSession.expires_at) < moment))
    token = secrets.token_urlsafe(32)
    session.add(
        WebSession(
            account_id=person.id,
            token_hash=_digest(token),
            csrf=secrets.token_urlsafe(32),
            expires_at=moment + SESSION_LIFETIME,
        )
    )
    session.flush()
    return token


SESSION_COLUMNS = (
    col(WebSession.id), col(WebSession.csrf), col(WebSession.expires_at), col(Account.id),
    col(Account.name), col(Account.role),
)  # fmt: skip


def session_person(session: Session, token: str, *, now: datetime | None = None) -> SignedIn:
    """The signed-in person behind a session token; AuthError if unknown or expired."""
    # Plain columns, not ORM objects: every page view asks this, and it needs six values.
    query = (
        sa_select(*SESSION_COLUMNS)
        .join(Account, col(Account.id) == col(WebSession.account_id))
        .where(col(WebSession.token_hash) == _digest(token), col(Account.active))
    )  # fmt: skip
    row = session.execute(query).first()
    if row is None or row[2] <= (now or utcnow()):
        raise AuthError("not signed in (the session ended or expired); sign in again")
    web_id, csrf, _, account_id, name, role = row
    return SignedIn(Person(account_id or 0, name, role), csrf, web_id or 0)


def end_session(session: Session, token: str) -> None:
    """Sign a browser out: its session row goes."""
    session.execute(delete(WebSession).where(col(WebSession.token_hash) == _digest(token)))


def secret_key(session: Session) -> str:
    """The key the desk signs its cookies with: made once, kept in the database so restarts
    and several server processes agree."""
    found = session.get(Setting, SECRET_SETTING)
    if found is None:
        found = Setting(name=SECRET_SETTING, value=secrets.token_urlsafe(48))
        session.add(found)
        session.flush()
    return found.value
