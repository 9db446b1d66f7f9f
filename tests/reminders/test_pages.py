"""The patient's reminders page, the pause link, the commands and the tasks."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from naltrack.care.models import Alert
from naltrack.reminders import services, tasks
from naltrack.reminders.forms import time_zone_choices
from naltrack.reminders.management.commands.sweep import progress_text
from naltrack.reminders.models import Notification, ReminderPreference
from naltrack.reminders.pause_links import pause_link_token
from tests.care.helpers import TODAY, started
from tests.reminders.helpers import local
from tests.reminders.test_schedule import on_injections

pytestmark = pytest.mark.django_db

URL = "/me/reminders/"
VALID = {
    "channel": "email",
    "reminder_time": "20:30",
    "quiet_start": "22:00",
    "quiet_end": "07:00",
    "time_zone": "America/Chicago",
    "paused_non_essential": "on",
}


def test_the_patient_sees_their_choices_and_history(client, patient, clinician):
    on_injections(patient, clinician)
    services.reminders_schedule(now=local(dt.date(2026, 11, 3), 9))
    client.force_login(patient.user)
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "My reminders" in text and "Injection overdue" in text and "Will be sent" in text
    assert reverse("reminders:preferences") in text  # the nav link


def test_saving_the_preferences(client, patient):
    client.force_login(patient.user)
    response = client.post(URL, VALID)
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(patient=patient)
    assert preference.reminder_time == dt.time(20, 30)
    assert (preference.quiet_start, preference.quiet_end) == (dt.time(22), dt.time(7))
    assert preference.time_zone == "America/Chicago"
    assert preference.paused_non_essential and not preference.opted_in_details


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"reminder_time": "25:99"}, "reminder_time", "Enter a time like 08:30"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Choose a time zone from the list"),
        ({"time_zone": ""}, "time_zone", "Choose your time zone from the list."),
        ({"quiet_end": ""}, "quiet_end", "Give both the start and the end"),
        ({"quiet_end": "22:00"}, "quiet_end", "must differ from the start"),
        ({"channel": "sms"}, "channel", "We have no mobile number for you"),
        ({"channel": "pigeon"}, "channel", "Select a valid choice"),
    ],
)
def test_bad_input_gets_field_errors_and_saves_nothing(client, patient, change, field, message):
    client.force_login(patient.user)
    response = client.post(URL, {**VALID, **change})
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert message in response.content.decode()
    assert not ReminderPreference.objects.exists()


def test_the_time_zone_is_chosen_from_the_clinics_list_with_the_clinics_as_default(client, patient):
    client.force_login(patient.user)
    form = client.get(URL).context["form"]
    assert form["time_zone"].value() == patient.clinic.time_zone == "America/New_York"
    assert form.fields["time_zone"].choices == time_zone_choices()
    page = client.get(URL).text
    assert '<select name="time_zone"' in page
    assert '<option value="America/New_York" selected>New York</option>' in page


def test_keeping_the_clinics_zone_follows_the_clinic(client, patient):
    client.force_login(patient.user)
    client.post(URL, {**VALID, "time_zone": patient.clinic.time_zone})
    assert ReminderPreference.objects.get(patient=patient).time_zone == ""
    patient.clinic.time_zone = "America/Denver"
    patient.clinic.save()
    assert client.get(URL).context["form"]["time_zone"].value() == "America/Denver"


def test_staff_cannot_open_the_patients_page(client, clinician):
    client.force_login(clinician)
    assert client.get(URL).status_code == 404


def test_the_pause_link_asks_first_and_pauses_on_post(client, patient):
    url = reverse("reminders:pause", args=[pause_link_token(patient=patient)])
    page = client.get(url)
    assert page.status_code == 200 and "Pause reminders" in page.content.decode()
    assert not ReminderPreference.objects.filter(paused_non_essential=True).exists()
    done = client.post(url)
    assert done.status_code == 200 and "are paused" in done.content.decode()
    assert ReminderPreference.objects.get(patient=patient).paused_non_essential


def test_a_forged_pause_link_is_not_found(client, patient):
    token = pause_link_token(patient=patient)
    assert client.get(reverse("reminders:pause", args=[token[:-2] + "xx"])).status_code == 404
    assert client.post(reverse("reminders:pause", args=["nonsense"])).status_code == 404


def test_the_tasks_run_on_the_configured_backend(patient, clinician):
    on_injections(patient, clinician)
    services.reminders_schedule(now=local(dt.date(2026, 11, 3), 9))
    notification = Notification.objects.get()
    # The task reads the real clock: make the notification due by it.
    Notification.objects.update(send_after=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    result = tasks.send_notification.enqueue(notification.pk)
    assert result.return_value == "sent"
    assert tasks.schedule_tick.enqueue().status == "SUCCESSFUL"
    assert tasks.sweep_alerts.enqueue().return_value == 1


def test_the_schedule_reminders_command_runs_one_tick(patient, clinician):
    out = io.StringIO()
    call_command("schedule_reminders", stdout=out)
    assert "notification(s) created" in out.getvalue()


def test_the_sweep_opens_and_closes_alerts_with_a_progress_bar(patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - dt.timedelta(days=40))
    from naltrack.care import services as care_services

    care_services.injection_record(
        regimen=regimen,
        given_on=TODAY - dt.timedelta(days=40),
        site="left_gluteal",
        lot="L",
        given_by=clinician,
    )
    Alert.objects.all().delete()
    out, err = io.StringIO(), io.StringIO()
    call_command("sweep", stdout=out, stderr=err)
    assert Alert.objects.filter(resolved_at__isnull=True).exists()
    assert "1/1 patients" in err.getvalue() and "#" in err.getvalue()
    assert "Swept 1 patient(s)" in out.getvalue()


def test_the_progress_bar_text():
    assert progress_text(0, 4) == "\r[" + "." * 30 + "] 0/4 patients"
    assert progress_text(4, 4).endswith("] 4/4 patients\n")
