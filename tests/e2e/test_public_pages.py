"""The public front door in a real browser at phone size: a stranger at / learns and enrolls,
crisis help is on each public page, a crisis search shows help above the first article, and
axe-core finds no violation on the public pages.

With NALTRACK_SCREENSHOTS set, the public home page's phone screenshot in docs/screenshots/ is
taken here, so it shows the page as it is.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from naltrack.accounts.models import Clinic
from naltrack.education.loader import load_library
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import save_screenshot
from tests.factories import ClinicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def riverside(db) -> Clinic:
    # Browser tests empty the database between tests: the library is loaded again for each.
    load_library()
    return ClinicFactory(
        name="Riverside Recovery Clinic",
        slug="riverside",
        phone="(201) 555-0199",
        email="care@riverside.example",
        address="100 River Street, Springfield",
        hours="Monday to Friday, 8am to 6pm; Saturday, 9am to noon",
        public_intro=(
            "Riverside Recovery Clinic helps adults with alcohol or opioid use problems, "
            "without judgement.\nCall us, or fill in the short form below."
        ),
    )


def assert_crisis_help_visible(page) -> None:
    help_988 = page.locator('footer a[href="tel:988"]')
    help_988.scroll_into_view_if_needed()
    expect(help_988).to_be_visible()
    expect(page.locator('footer a[href="tel:911"]')).to_be_visible()


def test_a_stranger_learns_then_starts_enrollment(page, riverside) -> None:
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Riverside Recovery Clinic"
    assert_crisis_help_visible(page)
    save_screenshot(page, "public-home-phone.png")
    # Read a section, then open its article.
    page.get_by_role("link", name="What to expect at the first visit").click()
    section = page.locator("#what-to-expect-at-the-first-visit")
    expect(section).to_be_visible()
    page.get_by_role("link", name=re.compile("Read more.*my first naltrexone visit")).click()
    expect(page).to_have_url(re.compile(re.escape("/library/what-to-expect-at-the-first-visit/")))
    assert_crisis_help_visible(page)
    page.go_back()
    page.get_by_role("button", name="Start enrollment").first.click()
    expect(page).to_have_url(re.compile(re.escape("/enroll/riverside/")))
    expect(page.get_by_label("First name")).to_be_visible()
    assert_crisis_help_visible(page)


def test_crisis_help_on_each_public_page(page, riverside) -> None:
    ClinicFactory(name="Second Clinic")
    for path in (
        "/",
        "/clinics/riverside/",
        "/library/",
        "/library/liver-safety/",
        "/library/search/?q=side+effects",
        "/accounts/login/",
        "/accounts/password-reset/",
        "/enroll/riverside/",
    ):
        page.goto(path)
        assert_crisis_help(page, path)


def assert_crisis_help(page, path: str) -> None:
    assert page.locator('a[href="tel:988"]').count() >= 1, path
    assert page.locator('a[href="tel:911"]').count() >= 1, path
    assert_crisis_help_visible(page)


def test_a_crisis_search_shows_help_above_the_first_article(page, riverside) -> None:
    page.goto("/library/search/?q=overdose")
    box = page.locator(".crisis-answer")
    expect(box).to_be_visible()
    first_answer = page.locator(".answer").first
    expect(first_answer).to_be_visible()
    assert box.bounding_box()["y"] < first_answer.bounding_box()["y"]
    expect(box.get_by_role("link", name="Call 911")).to_be_visible()


def test_the_live_ask_box_shows_help_first_too(page, riverside) -> None:
    page.goto("/library/")
    page.get_by_role("searchbox", name=re.compile("Ask a question")).fill("i want to die")
    box = page.locator(".ask-results .crisis-answer")
    box.wait_for()
    expect(box.get_by_role("link", name="Call 988")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/library/",
        "/library/stopping-naltrexone/",
        "/library/search/?q=overdose",
        "/accounts/login/",
        "/enroll/riverside/",
    ],
)
def test_public_pages_have_no_accessibility_violations(page, riverside, path: str) -> None:
    page.goto(path)
    assert_accessible(page)


def test_the_clinic_chooser_has_no_accessibility_violations(page, riverside) -> None:
    ClinicFactory(name="Second Clinic")
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Choose your clinic"
    assert_accessible(page)
    assert_crisis_help_visible(page)


def test_the_404_page_has_help_and_no_accessibility_violations(browser, live_server) -> None:
    # Its own browser context: the page fixture counts the 404 itself as a console error.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        response = page.goto("/no-such-page/")
        assert response.status == 404
        assert_crisis_help(page, "404")
        assert_accessible(page)
    finally:
        context.close()
