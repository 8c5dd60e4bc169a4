"""The desk's JSON API and HTTP behaviour, with httpx against the running app, on SQLite and
on PostgreSQL."""

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SEED_CLAIMS, rows
from tests.web_desk import Desk, browser_login, csrf_of, running, seed, token_for
from verify import claims, database
from verify.models import Evidence

FACTCHECKS = ROOT / "seeds" / "factchecks" / "check-desk.jsonld"


@pytest.fixture
def desk(db: str) -> Iterator[Desk]:
    seed(db)
    with running(db, org_url="https://desk.example") as live:
        yield live


def api(desk: Desk, name: str) -> httpx.Client:
    token = token_for(desk.db_url, name)
    return httpx.Client(base_url=desk.base, headers={"Authorization": f"Bearer {token}"})


def top_claim(client: httpx.Client) -> dict[str, object]:
    found = client.get("/api/claims", params={"q": "12,000 troops"}).json()["claims"]
    return dict(found[0])


def test_api_needs_a_valid_token(desk: Desk) -> None:
    with httpx.Client(base_url=desk.base) as plain:
        answer = plain.get("/api/claims")
        assert answer.status_code == 401
        assert "verify users token" in answer.json()["detail"]
        bad = plain.get("/api/claims", headers={"Authorization": "Bearer vt_nope"})
        assert bad.status_code == 401 and "unknown or revoked" in bad.json()["detail"]
        with api(desk, "rita") as rita:
            assert rita.get("/api/me").json() == {"name": "rita", "role": "reviewer"}


def test_queue_pages_by_keyset_and_filters(desk: Desk) -> None:
    with api(desk, "rita") as rita:
        everything = rita.get("/api/claims", params={"every": True, "limit": 100}).json()
        ids = [c["id"] for c in everything["claims"]]
        assert len(ids) == SEED_CLAIMS + 1 and everything["next"] is None  # and the hostile one
        assert sum(everything["counts"].values()) == SEED_CLAIMS + 1
        walked, after, pages = [], None, 0
        while True:
            params = {"every": True, "limit": 10} | ({"after": after} if after else {})
            page = rita.get("/api/claims", params=params).json()
            walked += [c["id"] for c in page["claims"]]
            after, pages = page["next"], pages + 1
            if after is None:
                break
        assert walked == ids and pages == 3  # same order, nothing skipped or repeated
        back = rita.get(
            "/api/claims", params={"every": True, "limit": 10, "before": page["previous"]}
        ).json()
        assert [c["id"] for c in back["claims"]] == ids[10:20]
        assert back["next"] is not None and back["previous"] is not None
        troops = rita.get("/api/claims", params={"q": "12,000 TROOPS"}).json()["claims"]
        assert troops and all("12,000 troops" in c["text"] for c in troops)
        outlet = rita.get("/api/claims", params={"outlet": "Eastern Monitor"}).json()["claims"]
        assert outlet and len(outlet) < SEED_CLAIMS
        claim = top_claim(rita)
        taken = rita.post(f"/api/claims/{claim['id']}/assign", json={"to": "rita"})
        assert taken.status_code == 200 and taken.json()["assignee"] == "rita"
        mine = rita.get("/api/claims", params={"mine": True}).json()["claims"]
        assert [c["id"] for c in mine] == [claim["id"]]
        nobody = rita.post(f"/api/claims/{claim['id']}/assign", json={"to": "nobody"})
        assert nobody.status_code == 404 and "no desk account" in nobody.json()["detail"]
        wrong = rita.get("/api/claims", params={"status": "bogus"})
        assert wrong.status_code == 422 and "unknown status 'bogus'" in wrong.json()["detail"]
        assert rita.get("/api/claims", params={"after": "garbage"}).status_code == 400


def test_roles_versions_and_the_audit_trail(desk: Desk) -> None:
    with api(desk, "rita") as rita, api(desk, "eddie") as eddie:
        claim = top_claim(rita)
        cid, version = claim["id"], claim["version"]
        refused = rita.post(
            f"/api/claims/{cid}/status", json={"status": "corroborated", "reason": "two wires"}
        )
        assert refused.status_code == 403
        assert "a reviewer cannot set corroborated" in refused.json()["detail"]
        done = rita.post(
            f"/api/claims/{cid}/status",
            json={"status": "disputed", "reason": "Kyiv says 3,000", "version": version},
        )
        assert done.status_code == 200 and done.json()["actor"] == "rita"
        stale = eddie.post(
            f"/api/claims/{cid}/status",
            json={"status": "corroborated", "reason": "seen it", "version": version},
        )
        assert stale.status_code == 409
        assert "changed since you read it" in stale.json()["detail"]
        shown = eddie.get(f"/api/claims/{cid}").json()
        assert shown["status"] == "disputed" and shown["pinned"]
        ok = eddie.post(
            f"/api/claims/{cid}/status",
            json={"status": "corroborated", "reason": "seen it", "version": shown["version"]},
        )
        assert ok.status_code == 200
        not_allowed = eddie.post(
            f"/api/claims/{cid}/status", json={"status": "nope", "reason": "x"}
        )
        assert not_allowed.status_code == 422
    history = rows(
        desk.db_url,
        "SELECT actor, to_status FROM statuschange WHERE claim_id = :c ORDER BY id",
        c=cid,
    )
    assert history[-2:] == [("rita", "disputed"), ("eddie", "corroborated")]


def test_evidence_pins_and_factchecks(desk: Desk) -> None:
    with api(desk, "rita") as rita, api(desk, "eddie") as eddie:
        claim = top_claim(rita)
        cid = claim["id"]
        for n in (1, 2):
            added = rita.post(
                f"/api/claims/{cid}/evidence",
                json={"url": f"https://wire{n}.example/a", "stance": "supports"},
            )
            assert added.status_code == 200 and added.json()["created"]
        assert added.json()["change"]["to_status"] == "corroborated"  # the rules moved it
        assert added.json()["change"]["actor"] == "rules"
        bad = rita.post(f"/api/claims/{cid}/evidence", json={"url": "javascript:alert(1)"})
        assert bad.status_code == 400 and "http" in bad.json()["detail"]
        refused = rita.post(f"/api/claims/{cid}/pin", json={"pinned": True, "reason": "checked"})
        assert refused.status_code == 403  # pinning corroborated is an editor's verdict
        pinned = eddie.post(f"/api/claims/{cid}/pin", json={"pinned": True, "reason": "checked"})
        assert pinned.status_code == 200 and pinned.json()[0]["actor"] == "eddie"
        unpin = rita.post(f"/api/claims/{cid}/pin", json={"pinned": False, "reason": "recheck"})
        assert unpin.status_code == 403  # and so is unpinning it
        unpinned = eddie.post(f"/api/claims/{cid}/pin", json={"pinned": False, "reason": "recheck"})
        assert unpinned.status_code == 200 and "unpinned" in unpinned.json()[0]["reason"]
        assert rita.get(f"/api/claims/{cid}").json()["pinned"] is False
        assert rita.get("/api/factchecks", params={"q": "troops"}).json() == []
    from typer.testing import CliRunner

    from verify.cli import app

    result = CliRunner().invoke(app, ["factchecks", "import", str(FACTCHECKS), "--db", desk.db_url])
    assert result.exit_code == 0, result.output
    with api(desk, "rita") as rita:
        hits = rita.get("/api/factchecks", params={"q": "the footage of soldiers is fake"}).json()
        assert hits[0]["claim"].startswith("Footage") and hits[0]["verdict"] == "false"
        attached = rita.post(f"/api/claims/{cid}/factchecks", json={"factcheck_id": hits[0]["id"]})
        assert attached.status_code == 200 and attached.json()["created"]
        evidence = rita.get(f"/api/claims/{cid}").json()["evidence"]
        assert any(e["url"] == hits[0]["url"] and e["added_by"] == "rita" for e in evidence)
        missing = rita.post(f"/api/claims/{cid}/factchecks", json={"factcheck_id": 99999})
        assert missing.status_code == 404


def test_sources_and_reports(desk: Desk) -> None:
    with api(desk, "rita") as rita:
        added = rita.post(
            "/api/sources", json={"urls": ["https://a.example/x", "https://a.example/x"]}
        )
        assert added.json() == {"added": 1, "known": 0}
        feed = rita.post("/api/sources", json={"urls": ["https://a.example/rss"], "kind": "feed"})
        assert feed.json()["added"] == 1
        listed = rita.get("/api/sources").json()
        assert listed["total"] == 2 and listed["sources"][1]["kind"] == "feed"
        refused = rita.post("/api/sources", json={"urls": ["ftp://a.example/"]})
        assert refused.status_code == 400
        claim = top_claim(rita)
        for fmt in ("markdown", "json", "html", "csv", "claimreview"):
            got = rita.get("/api/report", params={"format": fmt, "claim": claim["id"]})
            assert got.status_code == 200, (fmt, got.text)
            assert "attachment" in got.headers["content-disposition"]
        report = rita.get("/api/report", params={"format": "json"}).json()
        assert report["total"] == SEED_CLAIMS + 1
    added_by = rows(desk.db_url, "SELECT DISTINCT added_by FROM source")
    assert added_by == [("rita",)]


def test_openapi_and_docs_are_served_by_the_desk(desk: Desk) -> None:
    with httpx.Client(base_url=desk.base) as plain:
        schema = plain.get("/api/openapi.json").json()
        assert {"/api/claims", "/api/claims/{claim_id}/status", "/api/sources"} <= set(
            schema["paths"]
        )
        assert "/queue" not in schema["paths"]
        docs = plain.get("/api/docs")
        assert (
            docs.status_code == 200
            and "unsafe-inline" not in docs.headers["content-security-policy"]
        )
        assert "<script>" not in docs.text.replace("<script src=", "")  # no inline script
        for asset in (
            "/static/swagger/swagger-ui-bundle.js",
            "/static/swagger/swagger-ui.css",
            "/static/apidocs.js",
            "/static/desk.css",
            "/static/desk.js",
        ):
            assert plain.get(asset).status_code == 200, asset
        assert "https://" not in docs.text  # nothing from a CDN


def test_pages_need_a_session_and_forms_their_token(desk: Desk) -> None:
    with httpx.Client(base_url=desk.base) as browser:
        for path in (
            "/queue",
            "/claims/1",
            "/sources",
            "/report?format=json",
            "/sources/1/archive",
        ):
            answer = browser.get(path)
            assert answer.status_code == 303 and answer.headers["location"].startswith(
                "/login?next="
            )
        assert browser.post("/claims/1/status", data={"status": "disputed"}).status_code == 303
        signed = browser_login(browser, "rita")
        assert signed.status_code == 303 and signed.headers["location"] == "/queue"
        cookie = signed.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie
        page = browser.get("/claims/1")
        assert page.status_code == 200
        csp = page.headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp
        before = rows(desk.db_url, "SELECT version, status FROM claim WHERE id = 1")
        forged = browser.post(
            "/claims/1/status", data={"status": "disputed", "reason": "x", "version": "1"}
        )
        assert forged.status_code == 403 and "CSRF" in forged.text
        wrong = browser.post(
            "/claims/1/status",
            data={"status": "disputed", "reason": "x", "version": "1", "csrf": "guess"},
        )
        assert wrong.status_code == 403
        assert rows(desk.db_url, "SELECT version, status FROM claim WHERE id = 1") == before
        token = csrf_of(page.text)
        out = browser.post("/logout", data={"csrf": token})
        assert out.status_code == 303
        assert browser.get("/queue").status_code == 303  # the session is gone from the database


def test_login_is_rate_limited(desk: Desk) -> None:
    with httpx.Client(base_url=desk.base) as browser:
        for _ in range(5):
            assert browser_login(browser, "eddie", "wrong password!").status_code == 401
        blocked = browser_login(browser, "eddie")  # even the right password, for a while
        assert blocked.status_code == 429 and "Too many failed sign-ins" in blocked.text
        assert int(blocked.headers["retry-after"]) > 0
        assert browser_login(browser, "rita").status_code == 303  # other names are not locked out
        no_token = browser.post("/login", data={"name": "rita", "password": "x"})
        assert no_token.status_code == 403  # the login form has its own CSRF token


def test_report_downloads_from_pages(desk: Desk) -> None:
    with httpx.Client(base_url=desk.base) as browser:
        browser_login(browser, "rita")
        got = browser.get("/report", params={"format": "html", "claim": "1"})
        assert got.status_code == 200 and "sandbox" in got.headers["content-security-policy"]
        data = json.loads(
            browser.get("/report", params={"format": "json", "status": "unverified"}).text
        )
        assert data["claims"] and {c["status"] for c in data["claims"]} == {"unverified"}
        bad = browser.get("/report", params={"format": "pdf"})
        assert bad.status_code == 400 and "unknown format" in bad.text


def test_demo_serve_opens_the_demo_in_the_desk(tmp_path: Path) -> None:
    import os
    import signal
    import socket
    import subprocess
    import sys

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    verify = Path(sys.executable).parent / "verify"
    process = subprocess.Popen(
        [str(verify), "demo", "--serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
        env={**os.environ, "VERIFY_USER": "tester"},
    )  # fmt: skip
    try:
        assert process.stdout is not None
        password = None
        for line in process.stdout:
            if line.startswith("Sign in at"):
                password = line.strip().rsplit(" ", 1)[-1]
                break
        assert password, "the demo never said how to sign in"
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as browser:
            for _ in range(100):
                try:
                    browser.get("/login")
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
            assert browser_login(browser, "demo-desk", password).status_code == 303
            queue = browser.get("/queue", params={"every": "1"})
            assert "corroborated" in queue.text and "disputed" in queue.text
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl-C: the desk stops and the demo cleans up
        process.communicate(timeout=30)
    assert process.returncode == 0


def test_an_unexpected_error_answers_with_the_desks_headers(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug is a 500 page (or JSON under /api) with the CSP and the other headers, and says
    nothing of the error itself; the server logs it."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(claims, "queue_page", broken)
    with httpx.Client(base_url=desk.base) as browser, api(desk, "rita") as rita:
        browser_login(browser, "rita")
        for answer, kind in ((browser.get("/queue"), "text/html"), (rita.get("/api/claims"),
                             "application/json")):  # fmt: skip
            assert answer.status_code == 500 and answer.headers["content-type"].startswith(kind)
            assert "secret detail" not in answer.text and "server" in answer.text
            assert "script-src 'self'" in answer.headers["content-security-policy"]
            assert answer.headers["x-frame-options"] == "DENY"


def test_evidence_check_found_is_not_credited_to_a_person(desk: Desk) -> None:
    with database.transaction(desk.db_url) as session:
        session.add(Evidence(claim_id=1, url="https://found.example/a", stance="supports",
                             method="auto", added_by="rules", note="restates it"))  # fmt: skip
        session.add(Evidence(claim_id=1, url="https://given.example/b", stance="mentions",
                             method="manual", added_by="mina", note="context"))  # fmt: skip
    with httpx.Client(base_url=desk.base) as browser:
        browser_login(browser, "rita")
        page = browser.get("/claims/1").text
    assert "found by verify check" in page and "added by rules" not in page
    assert "added by mina" in page
