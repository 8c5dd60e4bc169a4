"""`verify serve` (the review desk in a browser) and `verify users ...` (its accounts)."""

import ipaddress
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer

from verify import config
from verify.cli.common import DbOption, JsonOption, WorkflowOption, exit_on_error, load_workflow
from verify.errors import InputError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from verify.web.desk import DeskSettings

ROLE_HELP = "reviewer, editor or admin (the workflow's [roles] say who may set which status)."
SETTINGS_ENV = "VERIFY_DESK_SETTINGS"  # how `serve --workers N` hands settings to each worker

users_app = typer.Typer(
    help="Accounts for the review desk (`verify serve`): roles, passwords, API tokens.",
    no_args_is_help=True,
)


def _password_from_stdin() -> str:
    """The first line of standard input (so `echo ... |` and a password manager both work)."""
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InputError(
            "no password on standard input; pipe one in, or leave out --password-stdin"
        )
    return line


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Sign-in name (letters, digits, . _ @ -).")],
    role: Annotated[str, typer.Option("--role", help=ROLE_HELP)] = "reviewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create a desk account; prints a one-time password unless --password-stdin gives one."""
    with exit_on_error():
        from verify import database, users

        password = _password_from_stdin() if password_stdin else users.new_password()
        with database.transaction(config.database_url(db)) as session:
            users.add(session, name, role=role, password=password)
    typer.echo(f"Added {role} {name}.")
    if not password_stdin:
        typer.echo(f"One-time password (shown once; change it with `verify users set {name} "
                   f"--password-stdin`): {password}")  # fmt: skip


@users_app.command("list")
def list_(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List desk accounts with their roles."""
    with exit_on_error():
        from verify import database, users

        with database.transaction(config.database_url(db), write=False) as session:
            rows = [
                {"name": a.name, "role": a.role, "active": a.active,
                 "created_at": a.created_at.isoformat()}
                for a in users.list_accounts(session)
            ]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("No desk accounts yet: `verify users add NAME --role editor`.")
    for r in rows:
        typer.echo(f"{r['name']:<24} {r['role']:<9} {'' if r['active'] else 'disabled'}".rstrip())


@users_app.command("set")
def set_(
    name: Annotated[str, typer.Argument(help="The account.")],
    role: Annotated[str | None, typer.Option("--role", help=ROLE_HELP)] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="New password from standard input.")
    ] = False,
    active: Annotated[
        bool | None,
        typer.Option(
            "--enable/--disable",
            help="Allow or stop sign-in (disabling also revokes API tokens).",
            show_default=False,
        ),  # fmt: skip
    ] = None,
    db: DbOption = None,
) -> None:
    """Change an account's role or password, or disable it (which signs it out everywhere)."""
    with exit_on_error():
        from verify import database, users

        if role is None and not password_stdin and active is None:
            raise InputError("nothing to change; give --role, --password-stdin or --disable")
        password = _password_from_stdin() if password_stdin else None
        with database.transaction(config.database_url(db)) as session:
            account = users.update(session, name, role=role, password=password, active=active)
            summary = f"{account.name}: {account.role}" + ("" if account.active else ", disabled")
    typer.echo(f"Updated {summary}.")


@users_app.command("token")
def token(
    name: Annotated[str, typer.Argument(help="The account the token acts as.")],
    revoke: Annotated[
        bool, typer.Option("--revoke", help="Remove every token of the account instead.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Print a new API token for /api (shown once), or --revoke the account's tokens."""
    with exit_on_error():
        from verify import database, users

        with database.transaction(config.database_url(db)) as session:
            if revoke:
                removed = users.revoke_tokens(session, name)
            else:
                made = users.create_token(session, name)
    if revoke:
        typer.echo(f"Revoked {removed} token(s) of {name}.")
    else:
        typer.echo(made)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (sessions live in the database).")
    ] = 1,
    org_name: Annotated[
        str, typer.Option(envvar="VERIFY_ORG_NAME", help="Your organisation (ClaimReview author).")
    ] = "verify",
    org_url: Annotated[
        str | None,
        typer.Option(envvar="VERIFY_ORG_URL", help="Your site, for ClaimReview downloads."),
    ] = None,
    secure_cookies: Annotated[
        bool,
        typer.Option("--secure-cookies", help="Send cookies over HTTPS only (behind a TLS proxy)."),
    ] = False,
    db: DbOption = None,
    workflow: WorkflowOption = None,
) -> None:
    """Start the review desk: the queue, claims, evidence, statuses and sources in a browser,
    and the JSON API under /api (docs at /api/docs). Sign in with an account from
    `verify users add`."""
    with exit_on_error():
        settings = desk_settings(db, workflow, org_name, org_url, secure_cookies)
        run_desk(settings, host=host, port=port, workers=workers)


def desk_settings(
    db: str | None,
    workflow: "Path | None",
    org_name: str,
    org_url: str | None,
    secure_cookies: bool,
) -> "DeskSettings":
    """The desk's settings from the options, checked before the server starts."""
    from verify import database, users
    from verify.web.desk import DeskSettings

    url = config.database_url(db)
    path = config.workflow_path(workflow)
    load_workflow(path)  # a broken workflow stops here, not at the first request
    if org_url:
        parts = urlsplit(org_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(
                f"--org-url must be an http(s) address, not {org_url!r}; "
                "e.g. https://factcheck.example.org"
            )
    with database.transaction(url) as session:
        if not users.list_accounts(session):
            raise InputError(
                "no desk accounts yet, so nobody could sign in; add one first with "
                "`verify users add NAME --role admin`"
            )
    return DeskSettings(url, path, org_name, org_url, secure_cookies)


# An idle connection is kept longer than clients keep theirs (httpx 5 s, proxies commonly 60 s):
# when both give up at the same moment, a request sent on the closing socket fails. uvicorn's
# own 5 s matches httpx's: 80 clients idling 4.985-5.005 s between requests lost 31 of 480
# (ReadError), and the load bench one in 2,000; with 65 s, none.
KEEP_ALIVE_S = 65


def run_desk(settings: "DeskSettings", *, host: str, port: int, workers: int) -> None:
    """Serve the desk until Ctrl-C."""
    import os

    import uvicorn

    from verify.web.app import create_app

    _warn_if_exposed(host, settings.secure_cookies)
    typer.echo(f"Review desk on http://{host}:{port}/ (Ctrl-C stops it)", err=True)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                    timeout_keep_alive=KEEP_ALIVE_S)  # fmt: skip
        return
    os.environ[SETTINGS_ENV] = json.dumps(
        {**asdict(settings), "workflow_path": str(settings.workflow_path)}
    )
    uvicorn.run("verify.cli.web:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level="warning", timeout_keep_alive=KEEP_ALIVE_S)  # fmt: skip


def app_from_env() -> "FastAPI":
    """Each worker process's app, from the settings `serve` put in the environment."""
    import os

    from verify.web.app import create_app
    from verify.web.desk import DeskSettings

    raw = json.loads(os.environ[SETTINGS_ENV])
    raw["workflow_path"] = Path(raw["workflow_path"])
    return create_app(DeskSettings(**raw))


def _warn_if_exposed(host: str, secure_cookies: bool) -> None:
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not secure_cookies:
        typer.echo(
            f"Note: listening on {host}: put the desk behind HTTPS and pass --secure-cookies, "
            "or passwords and sessions cross the network in clear text.",
            err=True,
        )
