"""The web page in a real browser: Debian's Chromium, driven by Playwright (never a browser of
Playwright's own). Search an inflected Kazakh form, open the concept, approve a proposed term
as a terminologist. Screenshots go to test-artifacts/browser/ (not tracked)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from termbank.store import open_store

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")


@pytest.fixture
def live_server(termbase):
    """`termbank serve` on a free loopback port, in a thread, for the length of a test."""
    import uvicorn

    from termbank.server.app import create_app

    url, tokens = termbase
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the server did not start")
    yield f"http://127.0.0.1:{port}", url, tokens
    server.should_exit = True
    thread.join(timeout=10)


def test_search_open_and_approve_in_a_browser(live_server):
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    base, db_url, tokens = live_server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})  # a laptop screen
        try:
            page.goto(base + "/")
            # the keyboard alone: the search box has the focus, Enter searches
            assert page.evaluate("document.activeElement.id") == "q"
            page.keyboard.type("мәслихаттарының")
            page.keyboard.press("Enter")
            page.wait_for_url("**/?q=*")
            assert page.locator("#q").input_value() == "мәслихаттарының"
            first = page.locator("ol.results > li h2 a").first
            assert first.inner_text().casefold() == "maslikhat"
            row_kk = page.locator("ol.results > li").first.locator("tr", has=page.locator("th",
                                                                                          has_text="kk"))
            assert "мәслихат" in row_kk.first.inner_text()
            page.screenshot(path=str(ARTIFACTS / "1-search.png"), full_page=True)

            first.focus()
            page.keyboard.press("Enter")
            page.wait_for_url("**/concepts/c-maslikhat")
            assert page.locator("h1").inner_text().casefold() == "maslikhat"
            assert page.locator("button[data-action]").count() == 0  # nobody signed in
            page.keyboard.press("/")  # back to the search box from anywhere
            assert page.evaluate("document.activeElement.id") == "q"
            page.screenshot(path=str(ARTIFACTS / "2-concept.png"), full_page=True)

            page.goto(base + "/login")
            page.fill("#token", tokens["terminologist"])
            page.keyboard.press("Enter")
            page.wait_for_url(base + "/")
            assert "Aigul · terminologist" in page.locator("header").inner_text()

            page.goto(base + "/concepts/c-maslikhat")
            approve = page.locator('button[data-action="approve"][data-term="máslıhat"]')
            approve.focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
            term = page.locator("li.term", has=page.locator("span.text", has_text="máslıhat"))
            assert "proposed" not in term.inner_text()
            assert "Aigul" in page.locator("table.history").inner_text()
            page.screenshot(path=str(ARTIFACTS / "3-approved.png"), full_page=True)
        finally:
            browser.close()
    with open_store(db_url) as store:
        concept, version = store.get_versioned("c-maslikhat")
        latin = {t.text: t.review.value for t in concept.section("kk-Latn").terms}
        assert latin == {"máslıhat": "approved", "mäslihat": "proposed"} and version == 2
        assert [(e.actor, e.action) for e in store.history("c-maslikhat")][-1] == ("Aigul",
                                                                                  "approve")
