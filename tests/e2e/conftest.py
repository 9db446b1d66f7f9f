"""Browser tests: Debian's Chromium driven by Playwright against the live test server.

Skipped where Chromium is not installed, unless NALTRACK_REQUIRE_BROWSER is set (CI sets it, so a
missing browser there is a failure, not a silent skip).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("NALTRACK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set up
# data happen outside any coroutine, so Django's async-safety guard can stand down here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("NALTRACK_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    console_errors: list[str] = []

    def record(msg) -> None:
        # A page that answers 4xx on purpose (the enrollment limit's 429) is logged by Chromium as
        # a failed load of the page itself; a failed script, style or image still counts.
        if msg.type != "error":
            return
        if msg.text.startswith("Failed to load resource") and msg.location.get("url") == page.url:
            return
        console_errors.append(msg.text)

    page.on("console", record)
    yield page
    context.close()
    # A CSP violation or a failed script shows here: the pages must run clean.
    assert not console_errors, console_errors
