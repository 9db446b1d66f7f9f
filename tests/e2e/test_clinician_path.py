"""The clinician's main path in a real browser, each step checked on the page and in the database.

The screenshots in docs/screenshots/ are taken here, so they show the pages as they are.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from naltrack.care import services
from naltrack.care.models import Alert, Injection, StartCheck, TaperPlan
from tests.care.helpers import TODAY, started
from tests.e2e.screenshots import save_screenshot
from tests.factories import PASSWORD, PatientFactory, member

pytestmark = pytest.mark.django_db(transaction=True)
DAY = dt.timedelta(days=1)


@pytest.fixture
def clinic_day(clinic, clinician):
    """Three patients: one overdue for an injection with high cravings, one in screening after
    recent opioid use, one on daily tablets; and a clinician to see them."""
    clinic.name = "Riverside Recovery Clinic"
    clinic.save()
    overdue = PatientFactory(clinic=clinic, given_name="Maria", family_name="Santos")
    _, regimen = started(overdue, clinician, kind="xr_monthly", day=TODAY - 33 * DAY)
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - 33 * DAY,
        site="left_gluteal",
        lot="AB12",
        given_by=clinician,
    )
    for n in range(10):
        services.check_in_record(
            patient=overdue,
            day=TODAY - n * DAY,
            craving=8 - n % 3,
            drinks=0,
            opioid_use=False,
            side_effects=[],
            mood=3,
            note="",
            by=None,
        )
    screening = PatientFactory(clinic=clinic, given_name="Devon", family_name="Clarke")
    services.episode_open(patient=screening, indication="OUD", opened_on=TODAY, by=clinician)
    services.opioid_exposure_record(
        patient=screening,
        kind="short_acting",
        last_use=TODAY - 3 * DAY,
        substance="fentanyl",
        by=clinician,
    )
    tablets = PatientFactory(clinic=clinic, given_name="Tom", family_name="Kowalski", sex="male")
    _, oral = started(tablets, clinician, kind="aud_daily", day=TODAY - 90 * DAY, indication="AUD")
    for n in range(1, 60):
        services.check_in_record(
            patient=tablets,
            day=TODAY - n * DAY,
            craving=min(8, 1 + n // 7),
            drinks=(n % 9 == 0) * 3,
            opioid_use=False,
            side_effects=[],
            mood=4,
            note="",
            by=None,
        )
        services.dose_record(
            regimen=oral,
            day=TODAY - n * DAY,
            status="missed" if n % 11 == 0 else "taken",
            by=clinician,
        )
    return {"overdue": overdue, "screening": screening, "tablets": tablets, "clinician": clinician}


# Action links are styled as buttons (role="button"), so they are found by that role.


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")


def answer(page, question, choice):
    page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()


def test_clinician_main_path(page, clinic_day):
    page.set_viewport_size({"width": 1280, "height": 900})
    overdue, screening, tablets = (
        clinic_day["overdue"],
        clinic_day["screening"],
        clinic_day["tablets"],
    )

    # Log in: the dashboard shows the overdue injection and its alert.
    sign_in(page, clinic_day["clinician"].email)
    main = page.locator("main")
    assert "Today at Riverside Recovery Clinic" in main.inner_text()
    assert "overdue since" in page.locator("#injections-heading + table").inner_text()
    save_screenshot(page, "dashboard.png")

    # Open an alert: it leads to the patient's chart, at the alerts.
    page.locator(".alert-list").get_by_role("link", name="Maria Santos").first.click()
    page.wait_for_load_state("networkidle")
    expect(page).to_have_url(re.compile(re.escape("/clinic/patients/")))
    assert "injection" in page.locator("#alerts").inner_text().lower()
    assert Alert.objects.filter(
        patient=overdue, code="injection_overdue", resolved_at__isnull=True
    ).exists()

    # Record an injection: the next due date is shown and stored, and the overdue alert resolves.
    page.get_by_role("button", name="Record an injection").click()
    page.get_by_label("Lot number").fill("CD34")
    page.get_by_role("button", name="Record the injection").click()
    page.wait_for_load_state("networkidle")
    next_due = TODAY + 28 * DAY  # source: VIVITROL — every 4 weeks
    assert "Next injection due" in main.inner_text()
    injection = Injection.objects.get(patient=overdue, given_on=TODAY)
    assert (injection.lot, injection.site, injection.next_due) == (
        "CD34",
        "right_gluteal",
        next_due,
    )
    assert not Alert.objects.filter(
        patient=overdue, code="injection_overdue", resolved_at__isnull=True
    ).exists()

    # Acknowledge an alert (the high craving), in place, with a note.
    craving = Alert.objects.get(patient=overdue, code="craving_high", resolved_at__isnull=True)
    row = page.locator(f"#alert-{craving.pk}")
    row.get_by_label("Note").fill("Called Maria; extra counselling booked")
    row.get_by_role("button", name="Acknowledge").click()
    page.locator(f"#alert-{craving.pk}").get_by_text("Acknowledged by").wait_for()
    craving.refresh_from_db()
    assert craving.acknowledged_by == clinic_day["clinician"]
    assert craving.acknowledgement_note == "Called Maria; extra counselling booked"

    # A start check after recent fentanyl use says "not yet", with the earliest date.
    page.goto(f"/clinic/patients/{screening.pk}/")
    page.get_by_role("button", name="Run the start check").click()
    answer(page, "Form", "Tablets")
    answer(page, "Naloxone challenge today", "Not done")
    answer(page, "Acute hepatitis or liver failure?", "No")
    answer(page, "Needs opioid pain medicine now or soon?", "No")
    answer(
        page, "Known allergy to naltrexone (or, for the injection, its polymer or diluent)?", "No"
    )
    answer(page, "Pregnant?", "No")
    page.get_by_role("button", name="Run the check").click()
    page.wait_for_load_state("networkidle")
    earliest = (
        TODAY + 4 * DAY
    )  # source: NALTRACK default 7 days after a short-acting opioid (REVIA)
    result = page.locator("#result").inner_text()
    assert "not yet" in result.lower()
    assert f"{earliest:%B} {earliest.day}" in result or f"{earliest:%b} {earliest.day}" in result
    check = StartCheck.objects.get(patient=screening)
    assert (check.status, check.earliest_start) == ("not_yet", earliest)

    # Plan a step-down taper: preview the core's plan, then save it.
    page.goto(f"/clinic/patients/{tablets.pk}/")
    save_screenshot(page, "patient-chart.png")
    page.get_by_role("button", name="Plan a stop or taper").click()
    answer(page, "Plan", "Step down once, then stop (clinician's choice)")
    page.get_by_label("Days at each step").fill("3")
    page.get_by_label("Reason").fill("Patient's choice after a year in remission")
    page.get_by_role("button", name="Preview the plan").click()
    page.wait_for_load_state("networkidle")
    preview = page.locator("#preview").inner_text()
    assert "25 mg" in preview
    # An alcohol-only plan speaks of drinking and cravings, not of opioid tolerance.
    assert "drink" in preview.lower()
    assert "tolerance" not in preview.lower()
    save_screenshot(page, "taper-planner.png")
    page.get_by_role("button", name="Save this plan").click()
    page.wait_for_load_state("networkidle")
    assert "Stop plan" in main.inner_text()
    plan = TaperPlan.objects.get(patient=tablets)
    assert plan.strategy == "step_down"
    assert plan.last_dose == TODAY + 2 * DAY
    assert plan.blockade_ends == TODAY + 3 * DAY  # source: REVIA — 50 mg blocks for up to 24 h


def test_clinician_from_another_clinic_sees_nothing(page, clinic_day, other_clinic):
    stranger = member(other_clinic, "clinician")
    sign_in(page, stranger.email)
    # Fetched with the signed-in session (a page visit would log the 404 as a console error).
    response = page.request.get(f"/clinic/patients/{clinic_day['overdue'].pk}/")
    assert response.status == 404
