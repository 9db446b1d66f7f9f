"""The clinician's record forms: each writes through its service, refuses bad input with a form
error (never a 500, never a partial write) and answers 404 outside the clinician's clinic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from naltrack.accounts.models import Membership
from naltrack.care import services
from naltrack.care.models import (
    Alert,
    ClinicalNote,
    DoseEvent,
    DrugScreen,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    OpioidExposure,
    TherapySession,
)
from tests.care.helpers import TODAY, started
from tests.factories import member

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
TOMORROW = TODAY + DAY


@pytest.fixture
def signed_in(client, clinician):
    client.force_login(clinician)
    return client


def url(name, patient, *args):
    return reverse(f"clinician:{name}", args=[patient.pk, *args])


def chart(patient):
    return reverse("clinician:patient_chart", args=[patient.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_refused(response, field, text):
    """Re-rendered with the error next to the field and in the summary at the top."""
    assert response.status_code == 200
    form = response.context["form"]
    assert any(text in error for error in form.errors[field]), form.errors
    assert 'role="alert"' in response.text
    assert text in response.text


def phq9(**answers):
    data = {f"q{n}": "0" for n in range(1, 10)}
    data.update(answers)
    return data


# --- opioid use ---------------------------------------------------------------------------------


def test_exposure_is_recorded_and_goes_back_to_the_chart(signed_in, patient, clinician):
    response = signed_in.post(
        url("record_exposure", patient),
        {"kind": "methadone", "substance": "methadone 60 mg", "last_use": "2025-01-02"},
    )
    assert response.status_code == 302
    assert response["Location"] == chart(patient)
    exposure = OpioidExposure.objects.get(patient=patient)
    assert (exposure.kind, exposure.last_use) == ("methadone", dt.date(2025, 1, 2))
    assert exposure.recorded_by == clinician
    assert "Methadone" in messages_of(response)[0]


def test_exposure_page_labels_and_focuses_its_fields(signed_in, patient):
    response = signed_in.get(url("record_exposure", patient))
    assert response.status_code == 200
    assert f"Record opioid use — {patient.full_name}" in response.text
    assert "<legend>Kind of opioid" in response.text
    assert 'for="id_last_use"' in response.text
    assert response.text.count("autofocus") >= 1
    assert f'href="{chart(patient)}"' in response.text  # Cancel


def test_exposure_with_nothing_filled_in_shows_every_missing_field(signed_in, patient):
    response = signed_in.post(url("record_exposure", patient), {})
    assert_refused(response, "kind", "required")
    assert "last_use" in response.context["form"].errors
    assert not OpioidExposure.objects.exists()


def test_exposure_in_the_future_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_exposure", patient), {"kind": "short_acting", "last_use": TOMORROW}
    )
    assert_refused(response, "last_use", "in the future")
    assert not OpioidExposure.objects.exists()


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
    assert_refused(response, "given_on", "The regimen starts on")
    assert not Injection.objects.exists()


def test_without_an_injection_regimen_the_page_says_so(signed_in, patient):
    response = signed_in.get(url("record_injection", patient))
    assert "not on the monthly naltrexone injection" in response.text
    assert response.context["form"] is None


# --- labs ---------------------------------------------------------------------------------------


def test_lab_is_recorded_with_the_default_unit(signed_in, patient, clinician):
    response = signed_in.post(
        url("record_lab", patient),
        {"test": "ALT", "value": "45.5", "upper_limit_normal": "40", "collected_on": TODAY},
    )
    assert response.status_code == 302
    lab = LabResult.objects.get(patient=patient)
    assert (lab.test, lab.value, lab.unit, lab.upper_limit_normal) == (
        "ALT",
        Decimal("45.5"),
        "U/L",
        Decimal(40),
    )
    assert lab.recorded_by == clinician


def test_bilirubin_defaults_to_mg_per_dl_and_refuses_u_per_l(signed_in, patient):
    data = {"test": "bilirubin", "value": "0.8", "upper_limit_normal": "1.2", "collected_on": TODAY}
    refused = signed_in.post(url("record_lab", patient), {**data, "unit": "U/L"})
    assert_refused(refused, "unit", "Bilirubin is not measured in U/L")
    assert not LabResult.objects.exists()
    signed_in.post(url("record_lab", patient), data)
    assert LabResult.objects.get().unit == "mg/dL"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", "abc", "Enter the result as a number"),
        ("value", "-1", "can’t be below 0"),
        ("value", "NaN", "Enter the result as a number"),
        ("upper_limit_normal", "0", "must be more than 0"),
        ("upper_limit_normal", "", "required"),
        ("collected_on", TOMORROW.isoformat(), "in the future"),
        ("collected_on", "31/02/2025", "Enter a date"),
    ],
)
def test_bad_lab_input_is_refused(signed_in, patient, field, value, message):
    data = {"test": "AST", "value": "30", "upper_limit_normal": "40", "collected_on": TODAY}
    data[field] = value
    response = signed_in.post(url("record_lab", patient), data)
    assert_refused(response, field, message)
    assert not LabResult.objects.exists()


# --- drug screens -------------------------------------------------------------------------------


def test_drug_screen_is_recorded(signed_in, patient):
    response = signed_in.post(
        url("record_screen", patient),
        {"collected_on": TODAY, "opioids_positive": "yes", "other_findings": "THC"},
    )
    assert response.status_code == 302
    screen = DrugScreen.objects.get(patient=patient)
    assert (screen.opioids_positive, screen.other_findings) == (True, "THC")
    assert "opioids positive" in messages_of(response)[0]


def test_drug_screen_needs_an_explicit_answer_on_opioids(signed_in, patient):
    response = signed_in.post(url("record_screen", patient), {"collected_on": TODAY})
    assert_refused(response, "opioids_positive", "Say whether the screen was positive")
    assert not DrugScreen.objects.exists()


def test_drug_screen_in_the_future_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_screen", patient), {"collected_on": TOMORROW, "opioids_positive": "no"}
    )
    assert_refused(response, "collected_on", "in the future")
    assert not DrugScreen.objects.exists()


# --- instruments --------------------------------------------------------------------------------


def test_instrument_page_shows_each_item_as_a_labelled_radio_group(signed_in, patient):
    response = signed_in.get(url("record_instrument", patient, "phq9"))
    assert response.status_code == 200
    assert response.text.count("<fieldset") == 9
    assert "<legend>Little interest or pleasure in doing things" in response.text
    assert "3 — nearly every day" in response.text


def test_instrument_is_scored_and_the_result_shown(signed_in, patient):
    response = signed_in.post(
        url("record_instrument", patient, "phq9"),
        {**phq9(q1="2", q2="2", q3="2", q4="2", q5="2"), "taken_on": TODAY},
    )
    assert response.status_code == 302
    stored = InstrumentResponse.objects.get(patient=patient)
    assert (stored.instrument, stored.score, stored.band) == ("phq9", 10, "moderate")
    assert stored.answers["q1"] == 2
    assert "score 10 of 27, moderate" in messages_of(response)[0]


def test_suicidal_ideation_says_an_urgent_alert_was_raised(signed_in, patient, clinician):
    started(patient, clinician)
    response = signed_in.post(
        url("record_instrument", patient, "phq9"), {**phq9(q9="1"), "taken_on": TODAY}
    )
    assert response.status_code == 302
    assert Alert.objects.get(patient=patient, code="suicidal_ideation").severity == "urgent"
    assert "an urgent alert was raised" in messages_of(response)[0]


def test_a_tampered_answer_outside_the_instrument_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_instrument", patient, "phq9"), {**phq9(q3="7"), "taken_on": TODAY}
    )
    assert_refused(response, "q3", "Choose one of the answers shown")
    assert not InstrumentResponse.objects.exists()


def test_an_unanswered_item_is_refused(signed_in, patient):
    data = {**phq9(), "taken_on": TODAY}
    del data["q5"]
    response = signed_in.post(url("record_instrument", patient, "phq9"), data)
    assert_refused(response, "q5", "Choose an answer")
    assert not InstrumentResponse.objects.exists()


def test_an_unknown_instrument_is_not_found(signed_in, patient):
    assert signed_in.get(url("record_instrument", patient, "nope")).status_code == 404


# --- therapy ------------------------------------------------------------------------------------


def test_therapy_session_is_booked_with_a_counsellor_of_the_clinic(
    signed_in, patient, clinic, clinician
):
    counsellor = member(clinic, Membership.Role.CLINICIAN, full_name="Sam Counsellor")
    response = signed_in.post(
        url("record_therapy", patient),
        {"kind": "cbt", "scheduled_at": "2030-06-01T14:30", "counsellor": counsellor.pk},
    )
    assert response.status_code == 302
    session = TherapySession.objects.get(patient=patient)
    assert session.counsellor == counsellor
    assert timezone.localtime(session.scheduled_at).strftime("%Y-%m-%d %H:%M") == "2030-06-01 14:30"
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


# --- alerts -------------------------------------------------------------------------------------


def _open_alert(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    services.drug_screen_record(
        patient=patient, collected_on=TODAY, opioids_positive=True, by=clinician
    )
    return Alert.objects.get(patient=patient, resolved_at__isnull=True)


def test_alert_is_acknowledged_and_goes_back_to_a_local_next(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk),
        {"note": "Called; naloxone kit confirmed", "next": "/clinic/?tab=alerts"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/clinic/?tab=alerts"
    alert.refresh_from_db()
    assert alert.acknowledged_by == clinician
    assert alert.acknowledgement_note == "Called; naloxone kit confirmed"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_alert_acknowledge_ignores_an_unsafe_next(signed_in, patient, clinician, next_url):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(url("record_alert_ack", patient, alert.pk), {"next": next_url})
    assert response["Location"] == chart(patient)


def test_alert_acknowledge_by_htmx_returns_the_alert_row(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk), {"note": "Seen"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert f'id="alert-{alert.pk}"' in response.text
    assert "Acknowledged by" in response.text
    alert.refresh_from_db()
    assert alert.acknowledged_at is not None


def test_the_htmx_row_names_the_patient_outside_their_chart(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/clinic/",
    )
    assert response.text.lstrip().startswith('<li class="alert-row')
    assert patient.full_name in response.text
    on_chart = signed_in.post(
        url("record_alert_ack", patient, alert.pk),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{chart(patient)}",
    )
    assert patient.full_name not in on_chart.text


def test_alert_acknowledge_with_an_overlong_note_is_refused(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    page = signed_in.post(url("record_alert_ack", patient, alert.pk), {"note": "x" * 501})
    assert page.status_code == 200
    assert "at most 500" in page.text
    fragment = signed_in.post(
        url("record_alert_ack", patient, alert.pk), {"note": "x" * 501}, HTTP_HX_REQUEST="true"
    )
    assert fragment.status_code == 200
    assert "at most 500" in fragment.text
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_alert_acknowledge_is_post_only(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    assert signed_in.get(url("record_alert_ack", patient, alert.pk)).status_code == 405


def test_another_patients_alert_is_not_found(signed_in, patient, other_patient, clinician):
    alert = _open_alert(other_patient, clinician)
    response = signed_in.post(url("record_alert_ack", patient, alert.pk))
    assert response.status_code == 404
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


# --- who may open these pages -------------------------------------------------------------------

PAGES = [
    ("record_exposure", ()),
    ("record_dose", ()),
    ("record_injection", ()),
    ("record_lab", ()),
    ("record_screen", ()),
    ("record_instrument", ("phq9",)),
    ("record_therapy", ()),
    ("record_therapy_status", (1,)),
    ("record_note", ()),
    ("record_follow_up", (1,)),
    ("record_alert_ack", (1,)),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_another_clinics_patient_is_not_found(signed_in, foreign_patient, name, args):
    target = url(name, foreign_patient, *args)
    assert signed_in.get(target).status_code in (404, 405)  # the acknowledge is POST only
    assert signed_in.post(target, {}).status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_a_patient_cannot_open_the_record_forms(client, patient, name, args):
    client.force_login(patient.user)
    assert client.post(url(name, patient, *args), {}).status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, patient, name, args):
    target = url(name, patient, *args)
    response = client.post(target, {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_only_one_radio_button_takes_the_focus(signed_in, patient):
    response = signed_in.get(url("record_instrument", patient, "craving_vas"))
    assert response.text.count("autofocus") == 1
    assert 'value="0" autofocus' in response.text
