"""The patient's home: today's dose or next shot, one-tap dose, the check-in, what's next."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from naltrack.care import services
from naltrack.care.models import DoseEvent, TherapySession
from tests.care.helpers import TODAY, started
from tests.patient.conftest import DAY

pytestmark = pytest.mark.django_db


def test_home_without_a_regimen_says_so_kindly(me, patient):
    response = me.get(reverse("patient:home"))
    assert response.status_code == 200
    text = response.text
    assert f"Hello, {patient.given_name}" in text
    assert "isn’t set up here yet" in text
    assert "I took my dose" not in text
    assert "Check in now" in text
    assert "Nothing booked right now" in text
    assert reverse("patient:help") in text


def test_home_shows_todays_dose_in_tablets(me, on_tablets):
    text = me.get(reverse("patient:home")).text
    assert "Today: 50 mg — one 50 mg tablet" in text
    assert "I took my dose" in text


def test_first_oud_day_is_half_a_tablet(me, patient, clinician):
    started(patient, clinician, kind="oud_induction", day=TODAY)
    assert "Today: 25 mg — half of one 50 mg tablet" in me.get(reverse("patient:home")).text


def test_one_tap_records_the_dose_once(me, patient, on_tablets):
    response = me.post(reverse("patient:dose_taken"), follow=True)
    assert "Today’s dose is recorded" in response.text
    event = DoseEvent.objects.get(patient=patient)
    assert (event.day, event.status, event.observed, event.dose_mg) == (TODAY, "taken", False, 50)
    assert event.recorded_by == patient.user
    assert "Taken ✓" in response.text
    assert "I took my dose" not in response.text

    again = me.post(reverse("patient:dose_taken"), follow=True)
    assert "You already told us you took today’s dose" in again.text
    assert DoseEvent.objects.filter(patient=patient).count() == 1


def test_one_tap_does_not_undo_a_dose_the_clinic_observed(me, patient, clinician, on_tablets):
    services.dose_record(regimen=on_tablets, day=TODAY, status="taken", observed=True, by=clinician)
    response = me.post(reverse("patient:dose_taken"), follow=True)
    assert "already" in response.text
    event = DoseEvent.objects.get(patient=patient)
    assert event.observed is True
    assert "Your clinic saw you take it" in response.text


def test_one_tap_corrects_a_dose_marked_missed(me, patient, clinician, on_tablets):
    services.dose_record(regimen=on_tablets, day=TODAY, status="missed", by=clinician)
    assert "marked as missed" in me.get(reverse("patient:home")).text
    me.post(reverse("patient:dose_taken"))
    assert DoseEvent.objects.get(patient=patient).status == "taken"


def test_one_tap_without_a_dose_today_records_nothing(me, patient):
    response = me.post(reverse("patient:dose_taken"), follow=True)
    assert "There is no dose to record today" in response.text
    assert not DoseEvent.objects.filter(patient=patient).exists()


def test_dose_button_is_post_only(me, on_tablets):
    assert me.get(reverse("patient:dose_taken")).status_code == 405


def test_no_dose_today_shows_the_next_one(me, patient, clinician):
    # 100 mg every other day, counted from the start: none today if it started yesterday.
    started(patient, clinician, kind="alternate_day_100", day=TODAY - DAY)
    text = me.get(reverse("patient:home")).text
    assert "No dose today." in text
    assert "100 mg (two 50 mg tablets)" in text
    assert "I took my dose" not in text


def test_home_shows_the_next_injection(me, on_injection):
    text = me.get(reverse("patient:home")).text
    due = TODAY + 18 * DAY
    assert f"Next shot: {due:%A}, {due:%B} {due.day}" in text
    assert "in 18 days" in text
    assert "I took my dose" not in text


def test_overdue_injection_asks_to_call_the_clinic(me, patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 40 * DAY)
    services.injection_record(
        regimen=regimen, given_on=TODAY - 40 * DAY, site="left_gluteal", lot="", given_by=clinician
    )
    text = me.get(reverse("patient:home")).text
    assert "Your shot was due on" in text
    assert "call your clinic" in text
    # Plainly: the blockade wears off, tolerance is lower, a dose once taken can kill, naloxone.
    assert "The shot is wearing off" in text
    assert "less used to opioids than before" in text
    assert "a dose you once took could kill you" in text
    assert "Keep naloxone (Narcan) with you" in text
    schedule = me.get(reverse("patient:schedule")).text
    assert "a dose you once took could kill you" in schedule


def test_check_in_state_on_home(me, patient):
    assert "Check in now" in me.get(reverse("patient:home")).text
    services.check_in_record(
        patient=patient,
        day=TODAY,
        craving=1,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=4,
        note="",
        by=patient.user,
    )
    text = me.get(reverse("patient:home")).text
    assert "Done today ✓" in text
    assert f'href="{reverse("patient:check_in")}">edit</a>' in text


def test_home_lists_what_the_clinic_asked_next(me, patient, clinician, on_tablets):
    when = timezone.now() + dt.timedelta(days=3)
    services.therapy_session_schedule(
        patient=patient,
        kind=TherapySession.Kind.GROUP,
        scheduled_at=when,
        counsellor=clinician,
        by=clinician,
    )
    text = me.get(reverse("patient:home")).text
    assert "Group session" in text
    assert "Liver blood test" in text  # 3 months after the start: the clinic's routine check
    assert "Nothing booked right now" not in text


def test_a_stopped_patient_is_pointed_to_the_safety_facts(me, patient, clinician):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD"
    )
    services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": (TODAY - 5 * DAY).isoformat(),
            "formulation": "oral",
            "current_dose_mg": 50,
            "strategy": "stop",
        },
        by=clinician,
    )
    text = me.get(reverse("patient:home")).text
    assert "You are not taking naltrexone now." in text
    assert reverse("patient:schedule") in text
    assert "I took my dose" not in text


def test_the_wait_before_the_first_dose_is_named_as_an_overdose_risk(me, patient, clinician):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    text = me.get(reverse("patient:home")).text
    assert "While you wait, you are at high risk of overdose" in text
    assert "Keep naloxone (Narcan) with you" in text
    # Extended-release buprenorphine is not "2 weeks after buprenorphine".
    assert "Sublocade" in text and "a year or more" in text


def test_the_first_days_on_naltrexone_warn_about_driving(me, patient, clinician):
    started(patient, clinician)
    assert "don’t drive or use machinery" in me.get(reverse("patient:home")).text
