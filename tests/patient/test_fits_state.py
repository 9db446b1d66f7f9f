"""The patient's pages say what fits their treatment: not started, on tablets, on the shot,
stopped. One rule (``Treatment.naltrexone_started`` / ``on_naltrexone``) read by every page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.care import selectors, services
from naltrack.care.models import CheckIn
from tests.care.helpers import TODAY, started, stop_planned
from tests.patient.conftest import DAY

pytestmark = pytest.mark.django_db

BLOCK = "get past the naltrexone block"
SIDE_EFFECTS = "Any side effects today?"


@pytest.fixture
def not_started(patient, clinician):
    services.episode_open(
        patient=patient, indication="OUD", opened_on=TODAY - 5 * DAY, by=clinician
    )
    return patient


@pytest.fixture
def stopped(patient, clinician):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 40 * DAY, indication="AUD"
    )
    stop_planned(episode, clinician, start=TODAY - 20 * DAY, reason="patient choice")
    assert selectors.treatment_now(patient=patient, today=TODAY).stopped
    return patient


def _page(me, name):
    return me.get(reverse(name)).text


def test_before_the_first_dose(me, not_started):
    assert SIDE_EFFECTS not in _page(me, "patient:check_in")
    help_page = _page(me, "patient:help")
    assert BLOCK not in help_page
    assert "After some days without opioids" in help_page
    assert "that you take naltrexone" not in help_page


def test_a_check_in_before_the_first_dose_saves_without_side_effects(me, not_started):
    response = me.post(
        reverse("patient:check_in"), {"craving": "2", "drinks": "0", "opioid_use": "no"}
    )
    assert response.status_code == 302
    assert CheckIn.objects.get(patient=not_started).side_effects == []


def test_on_tablets(me, on_tablets):
    assert SIDE_EFFECTS in _page(me, "patient:check_in")
    help_page = _page(me, "patient:help")
    assert BLOCK in help_page
    assert "that you take naltrexone" in help_page


def test_on_the_injection(me, on_injection):
    check_in = _page(me, "patient:check_in")
    assert SIDE_EFFECTS in check_in and "where I got the shot" in check_in
    assert BLOCK in _page(me, "patient:help")


def test_after_stopping(me, stopped):
    help_page = _page(me, "patient:help")
    assert BLOCK not in help_page
    assert "After naltrexone" in help_page
    assert "you stopped naltrexone" in help_page
    assert BLOCK not in _page(me, "patient:schedule")


def test_progress_counts_from_the_first_dose_not_from_enrollment(me, patient, clinician):
    for n in range(10, 3, -1):  # a week of check-ins while waiting to start
        services.check_in_record(
            patient=patient,
            day=TODAY - n * DAY,
            by=patient.user,
            craving=3,
            drinks=0,
            opioid_use=False,
            side_effects=[],
            mood=None,
            note="",
        )
    started(patient, clinician, kind="aud_daily", day=TODAY - 2 * DAY, indication="AUD")
    for n in (2, 1):
        services.check_in_record(
            patient=patient,
            day=TODAY - n * DAY,
            by=patient.user,
            craving=3,
            drinks=0,
            opioid_use=False,
            side_effects=[],
            mood=None,
            note="",
        )
    text = _page(me, "patient:progress")
    assert "2 of the last 3 days" in text
    assert "run of <strong>2 days in a row" in text


def test_progress_before_starting_counts_the_last_30_days(me, not_started):
    services.check_in_record(
        patient=not_started,
        day=TODAY - 3 * DAY,
        by=not_started.user,
        craving=3,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=None,
        note="",
    )
    assert "1 of the last 30 days" in _page(me, "patient:progress")
