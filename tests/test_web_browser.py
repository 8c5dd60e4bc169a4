"""The desk in a real Chromium (Debian's `chromium`, driven by Playwright): what a reviewer
does, two reviewers racing on one claim, roles, hostile content, CSRF, and signed-out access.
Screenshots of the queue and claim pages land in tests/screenshots/ (git-ignored).

Without chromium these tests fail, saying how to install it: a browser test that skips
silently would let the desk break unnoticed. `.ci/run` installs it."""

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.conftest import ROOT, SEED_CLAIMS, claim_id_with, rows
from tests.web_desk import PASSWORD, XSS, Desk, running, seed

SHOTS = ROOT / "tests" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "chromium is not installed, so the desk's browser tests cannot run; install it "
            "with `apt-get install chromium` (`.ci/run` does this)",
            pytrace=False,
        )
    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    url = f"sqlite:///{tmp_path / 'verify.db'}"
    seed(url)
    with running(url) as live:
        yield live


def context(browser: Browser, desk: Desk) -> BrowserContext:
    made = browser.new_context(base_url=desk.base, viewport={"width": 1360, "height": 900})
    made.set_default_timeout(15_000)
    return made


def sign_in(page: Page, name: str) -> None:
    page.goto("/login")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/queue$"))


def test_a_reviewer_works_a_claim(browser: Browser, desk: Desk) -> None:
    SHOTS.mkdir(exist_ok=True)
    claim = claim_id_with(desk.db_url, "3,000 North Korean troops")
    with context(browser, desk) as ctx:
        page = ctx.new_page()
        sign_in(page, "rita")
        expect(page.locator("table.queue tbody tr")).to_have_count(
            SEED_CLAIMS + 1
        )  # the seed claims and the hostile one
        expect(page.locator(".counts")).to_contain_text("unverified")
        page.screenshot(path=SHOTS / "queue.png", full_page=True)
        page.get_by_label("Search").fill("3,000")
        page.get_by_role("button", name="Filter").click()
        page.get_by_role("link", name=re.compile("About 3,000 North Korean troops")).click()
        expect(page).to_have_url(re.compile(rf"/claims/{claim}$"))
        expect(page.locator("mark").first).to_contain_text("3,000 North Korean troops")

        page.get_by_role("button", name="Take it").click()
        expect(page.locator(".notice.ok")).to_have_text("Assignment saved.")
        expect(page.locator(".claim .meta")).to_contain_text("assigned to rita")

        page.get_by_label("Link").fill("https://kyiv-ledger.example/war/3000")
        page.get_by_label("Stance").select_option("supports")
        page.get_by_label("Note").fill("Kyiv's own figure, repeated")
        page.get_by_role("button", name="Attach").click()
        expect(page.locator(".notice.ok")).to_have_text("Evidence attached.")
        # (the claim also shows the Kremlin's dismissal, reported in its own article)
        expect(page.locator(".evidence").filter(has_text="manual")).to_contain_text(
            "Kyiv's own figure, repeated"
        )

        page.get_by_label("New status").select_option("disputed")
        page.get_by_label("Reason").first.fill("Seoul says 12,000; Kyiv 3,000")
        page.get_by_role("button", name="Set and pin").click()
        expect(page.locator(".notice.ok")).to_have_text("Status set and pinned.")
        expect(page.locator(".history")).to_contain_text("by rita: Seoul says 12,000; Kyiv 3,000")
        page.screenshot(path=SHOTS / "claim.png", full_page=True)
    last = rows(
        desk.db_url,
        "SELECT actor, to_status, reason FROM statuschange "
        "WHERE claim_id = :c ORDER BY id DESC LIMIT 1",
        c=claim,
    )
    assert last == [("rita", "disputed", "Seoul says 12,000; Kyiv 3,000")]
    assert rows(desk.db_url, "SELECT assignee, assigned_by FROM claim WHERE id = :c", c=claim) == [
        ("rita", "rita")
    ]
    assert rows(
        desk.db_url,
        "SELECT added_by, stance FROM evidence WHERE claim_id = :c AND method = 'manual'",
        c=claim,
    ) == [("rita", "supports")]


def test_a_stale_edit_gets_the_conflict_and_the_new_state(browser: Browser, desk: Desk) -> None:
    claim = claim_id_with(desk.db_url, "3,000 North Korean troops")
    with context(browser, desk) as first, context(browser, desk) as second:
        rita, eddie = first.new_page(), second.new_page()
        sign_in(rita, "rita")
        sign_in(eddie, "eddie")
        rita.goto(f"/claims/{claim}")
        eddie.goto(f"/claims/{claim}")  # both read version 1

        rita.get_by_label("New status").select_option("disputed")
        rita.get_by_label("Reason").first.fill("rita got there first")
        rita.get_by_role("button", name="Set and pin").click()
        expect(rita.locator(".notice.ok")).to_be_visible()

        eddie.get_by_label("New status").select_option("corroborated")
        eddie.get_by_label("Reason").first.fill("eddie's stale verdict")
        with eddie.expect_response(lambda r: r.request.method == "POST") as answer:
            eddie.get_by_role("button", name="Set and pin").click()
        assert answer.value.status == 409
        alert = eddie.get_by_role("alert")
        expect(alert).to_contain_text("Changed since you read it")
        expect(alert).to_contain_text("nothing was overwritten")
        expect(eddie.locator(".status.big")).to_have_text("disputed")  # the new state
        expect(eddie.locator(".history")).to_contain_text("rita got there first")
        expect(eddie.get_by_label("Reason").first).to_have_value("eddie's stale verdict")
    changes = rows(
        desk.db_url,
        "SELECT actor, to_status FROM statuschange WHERE claim_id = :c "
        "AND actor != 'rules' AND from_status IS NOT NULL",
        c=claim,
    )
    assert changes == [("rita", "disputed")]


def test_a_reviewer_cannot_publish(browser: Browser, desk: Desk) -> None:
    claim = claim_id_with(desk.db_url, "3,000 North Korean troops")
    with context(browser, desk) as ctx:
        page = ctx.new_page()
        sign_in(page, "rita")
        page.goto(f"/claims/{claim}")
        option = page.locator("select[name=status] option[value=corroborated]")
        expect(option).to_be_disabled()
        expect(option).to_contain_text("editor only")
        option.evaluate("o => { o.disabled = false; }")  # as a hand-made request would
        page.get_by_label("New status").select_option("corroborated")
        page.get_by_label("Reason").first.fill("looks right to me")
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.get_by_role("button", name="Set and pin").click()
        assert answer.value.status == 403
        expect(page.get_by_role("alert")).to_contain_text("a reviewer cannot set corroborated")
        expect(page.locator(".status.big")).to_have_text("unverified")
    assert rows(desk.db_url, "SELECT status, pinned FROM claim WHERE id = :c", c=claim) == [
        ("unverified", False)
    ]


def test_hostile_text_and_links_render_inert(browser: Browser, desk: Desk) -> None:
    hostile = claim_id_with(desk.db_url, "<script>")
    dialogs: list[str] = []
    with context(browser, desk) as ctx:
        page = ctx.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        sign_in(page, "ada")
        page.goto("/queue?every=1&q=script")
        expect(page.locator("td.claimtext")).to_have_text(XSS)
        page.goto(f"/claims/{hostile}")
        expect(page.locator("h1.assertion")).to_have_text(XSS)
        expect(page.locator(".facts-list")).to_contain_text("<img src=x onerror=alert(2)>")
        link = page.locator(".evidence .unsafe")
        expect(link).to_have_text("javascript:alert(1)")
        assert page.locator("a[href^='javascript']").count() == 0
        link.click()
        page.locator(".note").hover()
        expect(page.locator(".note")).to_have_text("<b onmouseover=alert(3)>note</b>")
        page.wait_for_timeout(300)
    assert dialogs == []


def test_csrf_and_signed_out_access(browser: Browser, desk: Desk) -> None:
    with context(browser, desk) as ctx:
        page = ctx.new_page()
        for path in ("/queue", "/claims/1", "/sources", "/queue?mine=1", "/report?format=csv"):
            page.goto(path)
            expect(page).to_have_url(re.compile(r"/login\?next="))
        sign_in(page, "rita")
        page.goto("/claims/1")
        version = rows(desk.db_url, "SELECT version FROM claim WHERE id = 1")
        page.evaluate("document.querySelectorAll('input[name=csrf]').forEach(i => i.remove())")
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.get_by_role("button", name="Take it").click()
        assert answer.value.status == 403
        expect(page.get_by_role("alert")).to_contain_text("without its security token (CSRF)")
        assert rows(desk.db_url, "SELECT version FROM claim WHERE id = 1") == version
        page.goto("/queue")
        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(re.compile(r"/login$"))
        page.goto("/claims/1")
        expect(page).to_have_url(re.compile(r"/login\?next=%2Fclaims%2F1$"))
        page.get_by_label("Name").fill("rita")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(re.compile(r"/claims/1$"))  # back where the reviewer was going


def test_api_docs_render_under_the_csp(browser: Browser, desk: Desk) -> None:
    problems: list[str] = []
    with context(browser, desk) as ctx:
        page = ctx.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto("/api/docs")
        expect(page.get_by_text("/api/claims/{claim_id}/status").first).to_be_visible()
        page.screenshot(path=SHOTS / "apidocs.png")
    assert not [p for p in problems if "Content Security Policy" in p], problems


def test_sign_in_never_sends_the_browser_elsewhere(browser: Browser, desk: Desk) -> None:
    with context(browser, desk) as ctx:
        page = ctx.new_page()
        for target in ("//evil.example/", "/\\evil.example/", "https://evil.example/"):
            page.goto(f"/login?next={quote(target, safe='')}")
            page.get_by_label("Name").fill("rita")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page).to_have_url(re.compile(r"^http://127\.0\.0\.1:\d+/queue$"))
            page.get_by_role("button", name="Sign out").click()
