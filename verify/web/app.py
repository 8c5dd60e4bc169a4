"""The desk's ASGI app: routers, static files (every asset served by verify itself), security
headers on every response, and errors turned into pages or JSON."""

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from verify import __version__
from verify.errors import VerifyError
from verify.web import api, pages
from verify.web.auth import CsrfFailed, LoginRequired
from verify.web.desk import HERE, Desk, DeskSettings

# No inline script or style anywhere: what is not a file served by the desk does not run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the CSP (unless the response set a stricter one) and the other headers, and
    `Server-Timing: app;dur=MS` (the time to the response's first byte) for benchmarks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        started_response = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started_response
            if message["type"] == "http.response.start":
                started_response = True
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                took = (time.perf_counter() - started) * 1000
                headers.append((b"server-timing", f"app;dur={took:.2f}".encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if not started_response:  # answer with the headers, then let the server log it
                await _server_error(scope, send_with_headers)
            raise


async def _server_error(scope: Scope, send: Send) -> None:
    json = _is_api(str(scope.get("path", "")))
    body = (
        b'{"detail": "internal error; it is in the server log"}'
        if json
        else b"<!doctype html><title>Error</title><link rel=stylesheet href=/static/desk.css>"
        b"<main><p>The desk hit an unexpected error; it is in the server's log. Reload the "
        b"claim or <a href=/queue>the queue</a> to see what was saved.</p></main>"
    )
    kind = b"application/json" if json else b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _is_api(path: str) -> bool:
    return path.startswith("/api/")


def _wants_json(request: Request) -> bool:
    return _is_api(request.url.path)


def create_app(settings: DeskSettings) -> FastAPI:
    """The desk for one database and workflow (the database is migrated on start)."""
    desk = Desk(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        desk.close()

    app = FastAPI(
        title="verify review desk API",
        version=__version__,
        description=(
            "The review desk's operations for scripts: the queue, claims, evidence, statuses, "
            "fact-checks, sources and reports. Authenticate with a token from "
            "`verify users token NAME` (`Authorization: Bearer TOKEN`)."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.desk = desk
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount(  # before /static, which would otherwise answer for it
        "/static/swagger",
        StaticFiles(directory=Path(fastapi_offline.__file__).parent / "static"),
        name="swagger",
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(SecurityHeaders)

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(desk.render("apidocs.html.j2", who=None))

    @app.exception_handler(LoginRequired)
    def _login(request: Request, exc: LoginRequired) -> Response:
        return pages.login_redirect(request)

    @app.exception_handler(CsrfFailed)
    def _csrf(request: Request, exc: CsrfFailed) -> Response:
        message = (
            "The form was sent without its security token (CSRF); nothing was changed. "
            "Reload the page and try again."
        )
        return HTMLResponse(desk.render("error.html.j2", who=None, message=message), 403)

    @app.exception_handler(VerifyError)
    def _verify_error(request: Request, exc: VerifyError) -> Response:
        code = pages.status_code(exc)
        if _wants_json(request):
            headers = {"WWW-Authenticate": "Bearer"} if code == 401 else None
            return JSONResponse({"detail": str(exc)}, code, headers=headers)
        return HTMLResponse(desk.render("error.html.j2", who=None, message=str(exc)), code)

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": _plain(exc.errors())}, 422)
        message = f"Bad request ({_plain(exc.errors())}); go back and check the form."
        return HTMLResponse(desk.render("error.html.j2", who=None, message=message), 422)

    return app


def _plain(errors: Any) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
        for e in errors
    )
