"""The clinic's reminder defaults: set by its admin only, audited, read in one query, and the
channel every new patient starts on."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from naltrack.accounts.models import Clinic, Membership
from naltrack.audit.models import AuditEvent
from naltrack.care.models import Patient
from naltrack.enrollment.models import Enrollment
from naltrack.reminders import services
from naltrack.reminders.clinic import clinic_defaults_save
from naltrack.reminders.defaults import clinic_defaults, clinic_defaults_by_id
from naltrack.reminders.models import ClinicReminderDefaults, Notification
from tests.care.helpers import started
from tests.enrollment.helpers import submitted
from tests.factories import ClinicFactory, member

pytestmark = pytest.mark.django_db

URL = "/clinic/reminders/"
VALID = {
    "time_zone": "America/Chicago",
    "channel": "sms",
    "reminder_time": "08:30",
    "quiet_start": "21:00",
    "quiet_end": "07:00",
}


@pytest.fixture
def admin_client(client, clinic_admin):
    client.force_login(clinic_admin)
    return client


def saved_defaults(clinic: Clinic) -> ClinicReminderDefaults:
    return ClinicReminderDefaults.objects.get(clinic=clinic)


# --- the page ------------------------------------------------------------------------------------


def test_the_admin_sees_the_built_in_defaults_and_why_they_matter(admin_client, clinic):
    page = admin_client.get(URL)
    assert page.status_code == 200
    text = page.text
    assert "Reminder settings for Riverside" in text
    assert (
        "Patients can choose their own in their reminder settings; these apply to patients who "
        "have not." in text
    )
    form = page.context["form"]
    assert form["time_zone"].value() == "America/New_York"
    assert form["channel"].value() == "email"
    assert form["reminder_time"].value() == dt.time(9, 0)
    assert form["quiet_start"].value() is None
    assert '<option value="America/New_York" selected>New York</option>' in text
    assert '<label for="id_reminder_time">' in text
    assert "<legend>Quiet hours" in text
    assert "nothing has been saved yet" in text


def test_the_admin_saves_the_defaults_and_the_time_zone(admin_client, clinic, clinic_admin):
    response = admin_client.post(URL, VALID)
    assert response.status_code == 302
    assert response["Location"] == URL

    defaults = saved_defaults(clinic)
    assert (defaults.channel, defaults.reminder_time) == ("sms", dt.time(8, 30))
    assert (defaults.quiet_start, defaults.quiet_end) == (dt.time(21), dt.time(7))
    assert defaults.updated_by == clinic_admin
    clinic.refresh_from_db()
    assert clinic.time_zone == "America/Chicago"

    created = AuditEvent.objects.get(object_type="clinicreminderdefaults")
    assert (created.action, created.actor_id, created.clinic_id) == (
        "create",
        clinic_admin.pk,
        clinic.pk,
    )
    assert created.detail == {
        "changes": {
            "channel": ["email", "sms"],
            "reminder_time": ["09:00:00", "08:30:00"],
            "quiet_start": [None, "21:00:00"],
            "quiet_end": [None, "07:00:00"],
        }
    }
    zone = AuditEvent.objects.get(object_type="clinic")
    assert (zone.action, zone.actor_id, zone.clinic_id, zone.object_id) == (
        "update",
        clinic_admin.pk,
        clinic.pk,
        str(clinic.pk),
    )
    assert zone.detail == {"changes": {"time_zone": ["America/New_York", "America/Chicago"]}}

    page = admin_client.get(URL)
    assert page.context["form"]["channel"].value() == "sms"
    assert page.context["form"]["time_zone"].value() == "America/Chicago"
    assert "Last saved" in page.text


def test_after_saving_the_admin_is_told_so(admin_client):
    page = admin_client.post(URL, VALID, follow=True)
    assert [str(m) for m in page.context["messages"]] == [
        "The clinic's reminder settings are saved."
    ]


def test_a_second_save_audits_only_what_changed(admin_client, clinic):
    admin_client.post(URL, VALID)
    admin_client.post(URL, {**VALID, "quiet_start": "", "quiet_end": ""})
    update = AuditEvent.objects.filter(object_type="clinicreminderdefaults", action="update").get()
    assert update.detail == {
        "changes": {"quiet_start": ["21:00:00", None], "quiet_end": ["07:00:00", None]}
    }
    assert saved_defaults(clinic).quiet_start is None
    assert AuditEvent.objects.filter(object_type="clinic").count() == 1  # zone unchanged

    events = AuditEvent.objects.count()
    admin_client.post(URL, {**VALID, "quiet_start": "", "quiet_end": ""})
    assert AuditEvent.objects.count() == events  # nothing changed, nothing to record


def test_saving_the_built_ins_as_they_are_creates_the_row_and_records_it(admin_client, clinic):
    response = admin_client.post(
        URL, {"time_zone": "America/New_York", "channel": "email", "reminder_time": "09:00"}
    )
    assert response.status_code == 302
    assert saved_defaults(clinic).reminder_time == dt.time(9)
    event = AuditEvent.objects.get(object_type="clinicreminderdefaults")
    assert (event.action, event.detail) == ("create", {"changes": {}})
    assert not AuditEvent.objects.filter(object_type="clinic").exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Choose a time zone from the list"),
        ({"time_zone": ""}, "time_zone", "Choose the clinic’s time zone."),
        ({"quiet_end": ""}, "quiet_end", "Give both the start and the end of quiet hours"),
        ({"quiet_start": ""}, "quiet_start", "Give both the start and the end of quiet hours"),
        ({"quiet_end": "21:00"}, "quiet_end", "must differ from the start"),
        ({"reminder_time": "25:99"}, "reminder_time", "Enter a time like 08:30"),
        ({"reminder_time": ""}, "reminder_time", "Enter a time like 09:00."),
        ({"channel": "pigeon"}, "channel", "Select a valid choice"),
    ],
)
def test_bad_input_gets_an_error_on_its_field_and_saves_nothing(
    admin_client, clinic, change, field, message
):
    response = admin_client.post(URL, {**VALID, **change})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message.replace("’", "'") in errors[field][0].replace("’", "'")
    assert "Nothing was saved" in response.text  # the error summary, linking to the field
    assert f'href="#id_{field}' in response.text
    assert not ClinicReminderDefaults.objects.exists()
    clinic.refresh_from_db()
    assert clinic.time_zone == "America/New_York"
    assert not AuditEvent.objects.filter(action__in=["create", "update"]).exists()


def test_the_page_is_in_the_admins_navigation_only(client, clinic_admin, clinician):
    client.force_login(clinic_admin)
    assert f'href="{URL}"' in client.get(reverse("accounts:admin_home")).text
    client.force_login(clinician)
    assert f'href="{URL}"' not in client.get(reverse("clinician:home")).text


@pytest.mark.parametrize("role", [Membership.Role.CLINICIAN, Membership.Role.PATIENT])
def test_clinicians_and_patients_cannot_open_or_save_it(client, clinic, role):
    client.force_login(member(clinic, role))
    assert client.get(URL).status_code == 404
    assert client.post(URL, VALID).status_code == 404
    assert not ClinicReminderDefaults.objects.exists()
    clinic.refresh_from_db()
    assert clinic.time_zone == "America/New_York"


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_another_clinics_admin_changes_only_their_own_clinic(client, clinic, other_clinic):
    client.force_login(member(other_clinic, Membership.Role.ADMIN))
    page = client.get(URL)
    assert "Reminder settings for Hilltop" in page.text
    client.post(URL, VALID)
    assert saved_defaults(other_clinic).channel == "sms"
    assert not ClinicReminderDefaults.objects.filter(clinic=clinic).exists()
    clinic.refresh_from_db()
    assert clinic.time_zone == "America/New_York"


# --- reading them --------------------------------------------------------------------------------


def test_a_clinic_that_saved_nothing_has_the_built_in_defaults(clinic):
    defaults = clinic_defaults(clinic)
    assert defaults.pk is None
    assert (defaults.channel, defaults.reminder_time) == ("email", dt.time(9, 0))
    assert (defaults.quiet_start, defaults.quiet_end) == (None, None)
    assert defaults.clinic_id == clinic.pk


def test_defaults_for_many_clinics_take_one_query(clinic, other_clinic):
    ClinicReminderDefaults.objects.create(
        clinic=clinic, channel="sms", quiet_start=dt.time(22), quiet_end=dt.time(6)
    )
    third = ClinicFactory()
    with CaptureQueriesContext(connection) as captured:
        by_id = clinic_defaults_by_id([clinic.pk, other_clinic.pk, third.pk])
    assert len(captured) == 1
    assert set(by_id) == {clinic.pk, other_clinic.pk, third.pk}
    assert (by_id[clinic.pk].channel, by_id[clinic.pk].quiet_start) == ("sms", dt.time(22))
    assert by_id[other_clinic.pk].pk is None and by_id[other_clinic.pk].channel == "email"
    with CaptureQueriesContext(connection) as captured:
        assert clinic_defaults_by_id([]) == {}
    assert len(captured) == 0


def test_the_database_refuses_half_quiet_hours(clinic):
    with pytest.raises(IntegrityError), transaction.atomic():
        ClinicReminderDefaults.objects.create(clinic=clinic, quiet_start=dt.time(22))


# --- new patients start on the clinic's channel ----------------------------------------------------


@pytest.fixture
def texts_by_default(clinic, clinic_admin):
    ClinicReminderDefaults.objects.create(clinic=clinic, channel="sms", updated_by=clinic_admin)


def accept(client, enrollment: Enrollment) -> Patient:
    response = client.post(
        reverse("enrollment:intake_accept", args=[enrollment.pk]), {"email": enrollment.email}
    )
    assert response.status_code == 302
    return Patient.objects.get(pk=Enrollment.objects.get(pk=enrollment.pk).patient_id)


def test_an_enrolled_patient_who_asked_for_a_call_gets_the_clinics_channel(
    client, clinic, clinician, texts_by_default
):
    client.force_login(clinician)
    patient = accept(client, submitted(clinic, preferred_contact=Enrollment.Contact.PHONE))
    assert patient.reminder_channel == "sms"


def test_an_enrolled_patient_without_a_phone_gets_email_whatever_the_default(
    client, clinic, clinician, texts_by_default
):
    client.force_login(clinician)
    enrollment = submitted(clinic, preferred_contact=Enrollment.Contact.EMAIL, phone="")
    assert accept(client, enrollment).reminder_channel == "email"


def test_what_the_person_asked_for_on_the_form_comes_before_the_default(
    client, clinic, clinician, texts_by_default
):
    client.force_login(clinician)
    asked_email = submitted(clinic, preferred_contact=Enrollment.Contact.EMAIL)
    assert accept(client, asked_email).reminder_channel == "email"


def test_without_saved_defaults_an_enrolled_patient_gets_email(client, clinic, clinician):
    client.force_login(clinician)
    patient = accept(client, submitted(clinic, preferred_contact=Enrollment.Contact.PHONE))
    assert patient.reminder_channel == "email"


def test_the_register_form_starts_on_the_clinics_channel(
    client, clinic, clinician, texts_by_default
):
    client.force_login(clinician)
    page = client.get(reverse("clinician:patient_new"))
    assert page.context["form"]["reminder_channel"].value() == "sms"
    assert '<option value="sms" selected>' in page.text
    response = client.post(
        reverse("clinician:patient_new"),
        {
            "given_name": "Ana",
            "family_name": "Ruiz",
            "date_of_birth": "1990-04-02",
            "phone": "(312) 555-0142",
            "reminder_channel": page.context["form"]["reminder_channel"].value(),
        },
    )
    assert response.status_code == 302
    assert Patient.objects.get(family_name="Ruiz").reminder_channel == "sms"


def test_another_clinics_default_does_not_apply(client, clinic, other_clinic, clinician):
    ClinicReminderDefaults.objects.create(clinic=other_clinic, channel="sms")
    client.force_login(clinician)
    page = client.get(reverse("clinician:patient_new"))
    assert page.context["form"]["reminder_channel"].value() == "email"


# --- what the planner does with them ---------------------------------------------------------


def dose_reminder_for(patient, clinician, now):
    if not patient.episodes.exists():
        started(patient, clinician, kind="aud_daily", day=now.date() - dt.timedelta(days=3))
    services.reminders_schedule(now=now, window=dt.timedelta(hours=24))
    return Notification.objects.get(patient=patient, kind="dose")


def set_defaults(clinic, by, **values):
    fields = {
        "time_zone": "America/Chicago",
        "channel": "email",
        "reminder_time": dt.time(7, 30),
        "quiet_start": None,
        "quiet_end": None,
    }
    clinic_defaults_save(clinic=clinic, by=by, **{**fields, **values})


EVENING = dt.datetime(2026, 3, 10, 23, 0, tzinfo=dt.UTC)  # 18:00 in Chicago (CDT)


def test_the_daily_reminder_comes_at_the_clinic_time_in_the_clinic_zone(
    clinic, clinic_admin, patient, clinician
):
    set_defaults(clinic, clinic_admin)
    patient.reminder_time = None
    patient.save()
    reminder = dose_reminder_for(patient, clinician, EVENING)
    assert reminder.due_at == dt.datetime(2026, 3, 10, 12, 30, tzinfo=dt.UTC)  # 07:30 CDT


def test_a_time_the_patient_chose_wins_over_the_clinic_default(
    clinic, clinic_admin, patient, clinician
):
    set_defaults(clinic, clinic_admin)
    services.preference_update(patient=patient, by=None, reminder_time=dt.time(10, 0))
    reminder = dose_reminder_for(patient, clinician, EVENING)
    assert reminder.due_at == dt.datetime(2026, 3, 10, 15, 0, tzinfo=dt.UTC)  # 10:00 CDT


def test_the_clinic_quiet_hours_hold_a_reminder_unless_the_patient_set_their_own(
    clinic, clinic_admin, patient, other_patient, clinician
):
    # 07:30 falls inside 22:00-08:00: the reminder waits for 08:00.
    set_defaults(clinic, clinic_admin, quiet_start=dt.time(22, 0), quiet_end=dt.time(8, 0))
    held = dose_reminder_for(patient, clinician, EVENING)
    assert held.send_after == dt.datetime(2026, 3, 10, 13, 0, tzinfo=dt.UTC)  # 08:00 CDT
    services.preference_update(
        patient=other_patient, by=None, quiet_start=dt.time(23, 0), quiet_end=dt.time(6, 0)
    )
    own = dose_reminder_for(other_patient, clinician, EVENING)
    assert own.send_after == own.due_at
