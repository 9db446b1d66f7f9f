"""Dates no clinic could mean (a mistyped year, a stop before treatment began, a lab from 1901)
are refused on their field with the allowed range, never stored and never a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from naltrack.care import services
from naltrack.care.models import (
    FollowUp,
    LabResult,
    Patient,
    Regimen,
    StartCheck,
    TaperPlan,
    TherapySession,
)
from tests.care.helpers import TODAY, ready_inputs, started, stop_planned
from tests.clinician.record_forms import DAY, assert_refused, url

pytestmark = pytest.mark.django_db

IMPOSSIBLE = ["0001-01-01", "9999-12-31"]


def day_text(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


# --- stop plans --------------------------------------------------------------------------------


@pytest.mark.parametrize("start", IMPOSSIBLE)
@pytest.mark.parametrize("button", ["preview", "save"])
def test_a_stop_plan_at_the_calendars_end_is_a_field_error(
    signed_in, patient, clinician, start, button
):
    started(patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD")
    response = signed_in.post(
        url("plan_stop", patient), {"strategy": "stop", "start": start, button: "1"}
    )
    assert_refused(response, "start", "The first day of the plan must be between")
    assert not TaperPlan.objects.exists()


def test_a_stop_before_treatment_began_is_refused_with_the_range(signed_in, patient, clinician):
    began = TODAY - 10 * DAY
    started(patient, clinician, kind="aud_daily", day=began, indication="AUD")
    response = signed_in.post(
        url("plan_stop", patient), {"strategy": "stop", "start": "2001-01-08", "save": "1"}
    )
    assert_refused(
        response,
        "start",
        f"The first day of the plan must be between {day_text(began)} (when treatment began) "
        f"and {day_text(TODAY + 365 * DAY)} (a year from today).",
    )
    assert not FollowUp.objects.exists()


def test_the_stop_plan_service_refuses_a_stop_before_treatment_began(patient, clinician):
    episode, _ = started(patient, clinician, kind="aud_daily", day=TODAY - 10 * DAY)
    with pytest.raises(services.ClinicalRuleError) as refused:
        stop_planned(episode, clinician, start=dt.date(2001, 1, 8))
    assert refused.value.field == "start"
    assert not FollowUp.objects.exists()


def test_a_surgery_date_a_mistyped_year_ahead_is_refused(signed_in, patient, clinician):
    started(patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD")
    response = signed_in.post(
        url("plan_stop", patient),
        {"strategy": "stop", "start": TODAY.isoformat(), "surgery_date": "2206-05-01", "save": "1"},
    )
    assert_refused(response, "surgery_date", "The surgery date must be between")
    assert not TaperPlan.objects.exists()


# --- start checks and regimens -----------------------------------------------------------------


def start_check_post(**changes):
    data = {
        "date": TODAY.isoformat(),
        "formulation": "oral",
        "challenge": "none",
        "acute_hepatitis_or_liver_failure": "False",
        "needs_opioid_analgesics": "False",
        "naltrexone_hypersensitivity": "False",
        "pregnant": "no",
        "currently_drinking": "no",
        "bleeding_risk": "no",
    }
    return {**data, **changes}


@pytest.mark.parametrize("day", IMPOSSIBLE)
def test_a_start_check_at_the_calendars_end_is_a_field_error(signed_in, patient, clinician, day):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    response = signed_in.post(url("start_check", patient), start_check_post(date=day))
    assert_refused(response, "date", "The planned start date must be between")
    assert not StartCheck.objects.exists()


def test_a_naloxone_challenge_is_recorded_on_the_day_it_was_done(signed_in, patient, clinician):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    planned = TODAY + 7 * DAY
    response = signed_in.post(
        url("start_check", patient),
        start_check_post(date=planned.isoformat(), challenge="passed"),
    )
    assert response.status_code == 200
    check = StartCheck.objects.get()
    assert check.checked_on == planned
    assert check.inputs["naloxone_challenge"]["date"] == TODAY.isoformat()


def test_the_start_check_service_refuses_a_challenge_in_the_future(patient, clinician):
    episode = services.episode_open(
        patient=patient, indication="OUD", opened_on=TODAY, by=clinician
    )
    later = (TODAY + 7 * DAY).isoformat()
    inputs = ready_inputs(
        TODAY + 7 * DAY, naloxone_challenge={"date": later, "withdrawal_signs": False}
    )
    with pytest.raises(services.ClinicalRuleError) as refused:
        services.start_check_run(episode=episode, inputs=inputs, by=clinician)
    assert refused.value.field == "challenge"
    assert "and today" in refused.value.message
    assert not StartCheck.objects.exists()


@pytest.mark.parametrize("start", ["2020-01-01", *IMPOSSIBLE])
def test_a_regimen_cannot_start_outside_its_episode_or_a_year_ahead(
    signed_in, patient, clinician, start
):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    response = signed_in.post(
        url("regimen_start", patient),
        {"kind": "oud_induction", "start": start, "override_reason": "expert-led induction"},
    )
    assert_refused(
        response, "start", f"must be between {day_text(TODAY)} (when this episode opened)"
    )
    assert not Regimen.objects.exists()


# --- record forms ------------------------------------------------------------------------------


def test_a_follow_up_done_before_the_stop_is_refused(signed_in, patient, clinician):
    episode, _ = started(patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY)
    stop_planned(episode, clinician, start=TODAY - 30 * DAY)
    follow_up = FollowUp.objects.first()
    assert follow_up is not None
    response = signed_in.post(
        url("record_follow_up", patient, follow_up.pk), {"done_on": "1990-05-01", "method": "phone"}
    )
    assert_refused(
        response,
        "done_on",
        f"must be between {day_text(TODAY - 30 * DAY)} (when the stop plan began) and today",
    )
    follow_up.refresh_from_db()
    assert follow_up.done_on is None


@pytest.mark.parametrize("when", ["1999-06-01T10:00", "2099-06-01T10:00", "9999-12-31T23:30"])
def test_a_therapy_session_is_booked_within_the_patients_care_and_a_year_ahead(
    signed_in, patient, when
):
    response = signed_in.post(url("record_therapy", patient), {"kind": "cbt", "scheduled_at": when})
    assert_refused(response, "scheduled_at", "(when care at the clinic began) and")
    assert not TherapySession.objects.exists()


def test_a_therapy_session_at_the_calendars_start_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_therapy", patient), {"kind": "cbt", "scheduled_at": "0001-01-01T00:30"}
    )
    assert response.status_code == 200
    assert "scheduled_at" in response.context["form"].errors
    assert not TherapySession.objects.exists()


def test_a_lab_collected_before_the_patient_was_born_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_lab", patient),
        {"test": "ALT", "value": "30", "upper_limit_normal": "40", "collected_on": "1901-02-03"},
    )
    assert_refused(
        response,
        "collected_on",
        f"must be between {day_text(patient.date_of_birth)} (the date of birth) and today.",
    )
    assert not LabResult.objects.exists()


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("0001-01-01", "The day of the injection must be between"),
        ("9999-12-31", "can’t be recorded as given in the future"),
    ],
)
def test_an_injection_at_the_calendars_end_is_a_field_error(
    signed_in, patient, clinician, day, message
):
    started(patient, clinician, kind="xr_monthly", day=TODAY - 5 * DAY)
    response = signed_in.post(
        url("record_injection", patient), {"given_on": day, "site": "left_gluteal"}
    )
    assert_refused(response, "given_on", message)


def test_the_injection_service_refuses_the_calendars_end(patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 5 * DAY)
    with pytest.raises(services.ClinicalRuleError):
        services.injection_record(
            regimen=regimen, given_on=dt.date.max, site="left_gluteal", lot="", given_by=clinician
        )


# --- the patient's details ---------------------------------------------------------------------


def details(**changes):
    return {
        "given_name": "Ana",
        "family_name": "Reyes",
        "date_of_birth": "1985-05-17",
        "sex": "female",
        "reminder_channel": "email",
        **changes,
    }


@pytest.mark.parametrize("born", ["1800-01-01", "0001-01-01", "9999-12-31", TODAY.isoformat()])
def test_an_implausible_date_of_birth_is_refused(signed_in, born):
    response = signed_in.post(reverse("clinician:patient_new"), details(date_of_birth=born))
    assert_refused(response, "date_of_birth", "The date of birth must be between")
    assert not Patient.objects.filter(family_name="Reyes").exists()


def test_the_patient_service_refuses_a_date_of_birth_of_1800(clinic, clinician):
    with pytest.raises(services.ClinicalRuleError):
        services.patient_create(
            clinic=clinic,
            by=clinician,
            given_name="Ana",
            family_name="Reyes",
            date_of_birth=dt.date(1800, 1, 1),
        )
