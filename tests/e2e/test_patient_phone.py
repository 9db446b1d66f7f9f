"""The patient's side on a phone (390 x 844): one row of navigation with a "More" menu, no
sideways scrolling at 200% text, help text clear of its input, no axe-core violations, and the
one-tap dose that can be undone.

``NALTRACK_SCREENSHOTS=1`` also saves the patient's home as docs/screenshots/patient-home-phone.png.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from naltrack.care import services
from naltrack.care.models import DoseEvent, WithdrawnDoseReport
from tests.care.helpers import TODAY, started
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import save_screenshot
from tests.e2e.test_clinician_path import sign_in
from tests.factories import patient_with_login

pytestmark = pytest.mark.django_db(transaction=True)

PATIENT_PAGES = [
    "/me/",
    "/me/check-in/",
    "/me/check-in/support/",
    "/me/schedule/",
    "/me/progress/",
    "/me/cravings/",
    "/me/cravings/plan/",
    "/me/cravings/now/",
    "/me/help/",
    "/me/reminders/",
    "/me/record/",
    "/library/",
]


@pytest.fixture
def on_tablets(clinic, clinician):
    clinic.name, clinic.phone = "Riverside Recovery Clinic", "(555) 555-0199"
    clinic.save()
    patient = patient_with_login(clinic, given_name="Sam")
    started(patient, clinician, kind="aud_daily", indication="AUD")
    services.check_in_record(
        patient=patient,
        day=TODAY,
        by=patient.user,
        craving=8,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=None,
        note="",
    )
    return patient


def _one_row(page, selector: str) -> bool:
    tops = page.eval_on_selector_all(
        selector, "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    return len(set(tops)) == 1


def test_the_navigation_is_one_row_with_a_more_menu(page, on_tablets):
    sign_in(page, on_tablets.user.email)
    assert page.url.endswith("/me/")
    bar = ".patient-nav .nav-bar > li"
    assert page.locator(bar).count() == 6
    assert _one_row(page, bar), "the patient's navigation wraps onto a second row at 390 px"
    for link in page.locator(".patient-nav .nav-bar > li > a, .nav-more > summary").all():
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, link.inner_text()

    more = page.get_by_text("More", exact=True)
    progress = page.get_by_role("link", name="Progress")
    expect(progress).not_to_be_visible()
    more.focus()
    page.keyboard.press("Enter")  # opens by keyboard, with no script
    expect(progress).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    progress.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/me/progress/")


@pytest.mark.parametrize("path", PATIENT_PAGES)
def test_patient_pages_fit_a_phone_at_200_percent_text(page, on_tablets, path):
    sign_in(page, on_tablets.user.email)
    page.goto(path)
    assert page.locator("main").count() == 1
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{path} scrolls sideways at 200% text: {width}"
    overlaps = page.evaluate(
        """() => [...document.querySelectorAll('small[id$="_helptext"]')].filter(help => {
             const input = document.getElementById(help.id.replace(/_helptext$/, ''));
             if (!input || input.tagName === 'FIELDSET') return false;
             const a = help.getBoundingClientRect(), b = input.getBoundingClientRect();
             return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
           }).map(help => help.id)"""
    )
    assert overlaps == [], f"{path}: help text over its input: {overlaps}"


@pytest.mark.parametrize("path", PATIENT_PAGES)
def test_patient_pages_have_no_accessibility_violations(page, on_tablets, path):
    sign_in(page, on_tablets.user.email)
    page.goto(path)
    assert_accessible(page)
    page.locator(".nav-more > summary").click()
    assert_accessible(page)


def test_the_ask_box_is_the_full_width_of_the_page(page, on_tablets):
    sign_in(page, on_tablets.user.email)
    column = page.locator(".patient-page").bounding_box()
    box = page.locator(".patient-page .ask-box").bounding_box()
    field = page.locator(".ask-box input[type=search]").bounding_box()
    assert box["width"] == pytest.approx(column["width"], abs=1)
    assert field["width"] > column["width"] / 2


@pytest.mark.skipif(
    not os.environ.get("NALTRACK_SCREENSHOTS"), reason="set NALTRACK_SCREENSHOTS=1 to refresh"
)
def test_screenshot_of_the_patients_home_on_a_phone(page, on_tablets):
    sign_in(page, on_tablets.user.email)
    save_screenshot(page, "patient-home-phone.png")


def test_a_mistaken_dose_tap_can_be_undone(page, on_tablets):
    sign_in(page, on_tablets.user.email)
    page.get_by_role("button", name="I took my dose").click()
    page.wait_for_load_state("networkidle")
    assert "Taken ✓" in page.locator("main").inner_text()
    assert DoseEvent.objects.filter(patient=on_tablets).exists()
    undo = page.get_by_role("button", name="Undo: I didn’t take it")
    assert undo.bounding_box()["height"] >= 44
    assert_accessible(page)
    undo.click()
    page.wait_for_load_state("networkidle")
    assert "Undone" in page.locator("main").inner_text()
    expect(page.get_by_role("button", name="I took my dose")).to_be_visible()
    assert not DoseEvent.objects.filter(patient=on_tablets).exists()
    assert WithdrawnDoseReport.objects.filter(patient=on_tablets).count() == 1
