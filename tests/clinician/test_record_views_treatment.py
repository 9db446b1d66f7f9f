"""The clinician's record forms for treatment and care: oral doses, injections, therapy sessions,
clinical notes and follow-up contacts after stopping."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from naltrack.accounts.models import Membership
from naltrack.care import services
from naltrack.care.models import (
    ClinicalNote,
    DoseEvent,
    FollowUp,
    Injection,
    Patient,
    TherapySession,
)
from tests.care.helpers import TODAY, started
from tests.clinician.record_forms import DAY, TOMORROW, assert_refused, messages_of, url
from tests.factories import member

pytestmark = pytest.mark.django_db


# --- oral doses ---------------------------------------------------------------------------------


def test_dose_is_recorded_on_the_current_oral_regimen(signed_in, patient, clinician):
    _, regimen = started(patient, clinician, day=TODAY - 2 * DAY)
    response = signed_in.post(
        url("record_dose", patient), {"day": TODAY, "status": "taken", "observed": "on"}
    )
    assert response.status_code == 302
    dose = DoseEvent.objects.get(regimen=regimen, day=TODAY)
    assert (dose.status, dose.observed, dose.dose_mg) == ("taken", True, 50)
    assert "observed by staff" in messages_of(response)[0]


def test_dose_form_defaults_to_today(signed_in, patient, clinician):
    started(patient, clinician, day=TODAY - 2 * DAY)
    response = signed_in.get(url("record_dose", patient))
    assert f'value="{TODAY.isoformat()}"' in response.text
    assert f'max="{TODAY.isoformat()}"' in response.text


def test_dose_on_a_future_day_is_refused(signed_in, patient, clinician):
    started(patient, clinician, day=TODAY - 2 * DAY)
    response = signed_in.post(url("record_dose", patient), {"day": TOMORROW, "status": "taken"})
    assert_refused(response, "day", "future day")
    assert not DoseEvent.objects.exists()


def test_dose_on_an_unscheduled_day_shows_the_services_refusal(signed_in, patient, clinician):
    started(patient, clinician, kind="mwf_100_100_150", day=TODAY - 7 * DAY)
    unscheduled = next(
        TODAY - n * DAY for n in range(7) if (TODAY - n * DAY).weekday() in (1, 3, 5, 6)
    )
    response = signed_in.post(url("record_dose", patient), {"day": unscheduled, "status": "taken"})
    assert_refused(response, "day", "No oral dose is scheduled")
    assert not DoseEvent.objects.exists()


def test_without_an_oral_regimen_the_dose_page_says_so(signed_in, patient, clinician):
    started(patient, clinician, kind="xr_monthly")
    page = signed_in.get(url("record_dose", patient))
    assert page.status_code == 200
    assert "not on an oral naltrexone regimen" in page.text
    assert 'name="status"' not in page.text
    posted = signed_in.post(url("record_dose", patient), {"day": TODAY, "status": "taken"})
    assert posted.status_code == 200
    assert not DoseEvent.objects.exists()


# --- injections ---------------------------------------------------------------------------------


def test_injection_is_recorded_by_the_signed_in_clinician(signed_in, patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - DAY)
    response = signed_in.post(
        url("record_injection", patient),
        {"given_on": TODAY, "site": "left_gluteal", "lot": "AB123"},
    )
    assert response.status_code == 302
    injection = Injection.objects.get(regimen=regimen)
    assert (injection.given_by, injection.lot, injection.dose_mg) == (clinician, "AB123", 380)
    due = injection.next_due
    assert due == TODAY + 28 * DAY
    assert f"Next injection due {due:%a} {due.day} {due:%b %Y}" in messages_of(response)[0]


def test_injection_site_alternates_from_the_last_one(signed_in, patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 30 * DAY)
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - 30 * DAY,
        site="left_gluteal",
        lot="L1",
        given_by=clinician,
    )
    response = signed_in.get(url("record_injection", patient))
    assert response.context["form"]["site"].value() == "right_gluteal"
    assert 'value="right_gluteal" id="id_site_1" required checked' in response.text


def test_injection_given_in_the_future_is_refused(signed_in, patient, clinician):
    started(patient, clinician, kind="xr_monthly")
    response = signed_in.post(
        url("record_injection", patient), {"given_on": TOMORROW, "site": "left_gluteal"}
    )
    assert_refused(response, "given_on", "in the future")
    assert not Injection.objects.exists()


def test_injection_before_the_regimen_started_is_refused_by_the_service(
    signed_in, patient, clinician
):
    started(patient, clinician, kind="xr_monthly")
    response = signed_in.post(
        url("record_injection", patient),
        {"given_on": TODAY - 3 * DAY, "site": "left_gluteal"},
    )
    assert_refused(response, "given_on", "when this regimen began) and today")
    assert not Injection.objects.exists()


@pytest.fixture
def injected(patient, clinician):
    """On the injection, last given 10 days ago."""
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 60 * DAY)
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - 10 * DAY,
        site="left_gluteal",
        lot="L1",
        given_by=clinician,
    )
    return patient


def test_an_injection_soon_after_the_last_is_questioned_before_it_is_saved(signed_in, injected):
    # The same injection entered again (0 days) or a second one 10 days later: a warning first.
    for given_on in (TODAY - 10 * DAY, TODAY):
        response = signed_in.post(
            url("record_injection", injected), {"given_on": given_on, "site": "right_gluteal"}
        )
        assert_refused(response, "confirm_spacing", "the injection is given every 4 weeks")
    assert Injection.objects.filter(patient=injected).count() == 1
    confirmed = signed_in.post(
        url("record_injection", injected),
        {"given_on": TODAY, "site": "right_gluteal", "confirm_spacing": "on"},
    )
    assert confirmed.status_code == 302
    assert Injection.objects.filter(patient=injected).count() == 2


def test_an_injection_long_after_the_last_asks_to_reassess_opioid_use(
    signed_in, patient, clinician
):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 60 * DAY)
    services.injection_record(
        regimen=regimen, given_on=TODAY - 43 * DAY, site="left_gluteal", lot="", given_by=clinician
    )
    response = signed_in.post(
        url("record_injection", patient), {"given_on": TODAY, "site": "right_gluteal"}
    )
    assert_refused(response, "confirm_spacing", "reassess opioid use and dependence")
    # 42 days is still within the interval's grace: recorded without a question.
    on_day_42 = signed_in.post(
        url("record_injection", patient),
        {"given_on": TODAY - DAY, "site": "right_gluteal"},
    )
    assert on_day_42.status_code == 302


def test_the_injection_form_prompts_the_naloxone_talk_and_a_look_at_the_last_site(
    signed_in, injected
):
    text = signed_in.get(url("record_injection", injected)).text
    assert "Talk about naloxone at every injection" in text
    assert "Look at the last site" in text


def test_without_an_injection_regimen_the_page_says_so(signed_in, patient):
    response = signed_in.get(url("record_injection", patient))
    assert "not on the monthly naltrexone injection" in response.text
    assert response.context["form"] is None


# --- therapy ------------------------------------------------------------------------------------


def test_therapy_session_is_booked_with_a_counsellor_of_the_clinic(
    signed_in, patient, clinic, clinician
):
    counsellor = member(clinic, Membership.Role.CLINICIAN, full_name="Sam Counsellor")
    day = (TODAY + 30 * DAY).isoformat()
    response = signed_in.post(
        url("record_therapy", patient),
        {"kind": "cbt", "scheduled_at": f"{day}T14:30", "counsellor": counsellor.pk},
    )
    assert response.status_code == 302
    session = TherapySession.objects.get(patient=patient)
    assert session.counsellor == counsellor
    assert timezone.localtime(session.scheduled_at).strftime("%Y-%m-%d %H:%M") == f"{day} 14:30"
    assert "with Sam Counsellor" in messages_of(response)[0]


def test_therapy_counsellor_must_be_staff_of_this_clinic(
    signed_in, patient, other_clinic, other_patient
):
    outsider = member(other_clinic, Membership.Role.CLINICIAN)
    for person in (outsider, other_patient.user):
        response = signed_in.post(
            url("record_therapy", patient),
            {"kind": "cbt", "scheduled_at": "2030-06-01T14:30", "counsellor": person.pk},
        )
        assert_refused(response, "counsellor", "this clinic’s staff")
    assert not TherapySession.objects.exists()


def test_therapy_with_a_bad_time_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_therapy", patient), {"kind": "cbt", "scheduled_at": "tomorrow-ish"}
    )
    assert_refused(response, "scheduled_at", "Enter a date and time")
    assert not TherapySession.objects.exists()


def _session(patient, clinician, when):
    return services.therapy_session_schedule(
        patient=patient, kind="mi", scheduled_at=when, counsellor=clinician, by=clinician
    )


def test_therapy_session_is_marked_attended(signed_in, patient, clinician):
    # Registered last week, so two hours ago is within their care even just after midnight.
    Patient.objects.filter(pk=patient.pk).update(created_at=timezone.now() - dt.timedelta(days=7))
    patient.refresh_from_db()
    session = _session(patient, clinician, timezone.now() - dt.timedelta(hours=2))
    response = signed_in.post(
        url("record_therapy_status", patient, session.pk),
        {"status": "attended", "notes": "Worked on triggers."},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.status, session.notes) == ("attended", "Worked on triggers.")


def test_a_session_on_a_later_day_cannot_be_marked_yet(signed_in, patient, clinician):
    session = _session(patient, clinician, timezone.now() + 3 * DAY)
    response = signed_in.post(
        url("record_therapy_status", patient, session.pk), {"status": "missed"}
    )
    assert response.status_code == 200
    assert "booked for a later day" in response.context["form"].non_field_errors()[0]
    session.refresh_from_db()
    assert session.status == "scheduled"


def test_another_patients_session_is_not_found(signed_in, patient, other_patient, clinician):
    session = _session(other_patient, clinician, timezone.now())
    response = signed_in.post(
        url("record_therapy_status", patient, session.pk), {"status": "attended"}
    )
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.status == "scheduled"


# --- notes --------------------------------------------------------------------------------------


def test_note_is_added(signed_in, patient, clinician):
    response = signed_in.post(url("record_note", patient), {"text": "  Doing well.  "})
    assert response.status_code == 302
    note = ClinicalNote.objects.get(patient=patient)
    assert (note.text, note.recorded_by) == ("Doing well.", clinician)


@pytest.mark.parametrize(
    ("text", "message"), [("   ", "Write the note"), ("x" * 10001, "at most 10000")]
)
def test_empty_or_overlong_note_is_refused(signed_in, patient, text, message):
    response = signed_in.post(url("record_note", patient), {"text": text})
    assert_refused(response, "text", message)
    assert not ClinicalNote.objects.exists()


# --- follow-ups ---------------------------------------------------------------------------------


def _follow_up(patient, clinician):
    episode, _ = started(patient, clinician, day=TODAY - 30 * DAY)
    return FollowUp.objects.create(patient=patient, episode=episode, due_on=TODAY - DAY)


def test_follow_up_is_recorded(signed_in, patient, clinician):
    follow_up = _follow_up(patient, clinician)
    response = signed_in.post(
        url("record_follow_up", patient, follow_up.pk),
        {"done_on": TODAY, "method": "phone", "note": "No use since stopping."},
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.done_on, follow_up.method) == (TODAY, "phone")
    assert "phone call" in messages_of(response)[0]


def test_follow_up_done_in_the_future_is_refused(signed_in, patient, clinician):
    follow_up = _follow_up(patient, clinician)
    response = signed_in.post(
        url("record_follow_up", patient, follow_up.pk), {"done_on": TOMORROW, "method": "phone"}
    )
    assert_refused(response, "done_on", "in the future")
    follow_up.refresh_from_db()
    assert follow_up.done_on is None


def test_another_patients_follow_up_is_not_found(signed_in, patient, other_patient, clinician):
    follow_up = _follow_up(other_patient, clinician)
    response = signed_in.get(url("record_follow_up", patient, follow_up.pk))
    assert response.status_code == 404
