"""A daily reminder time inside quiet hours: saved as chosen, the page says it will be held and
sent when quiet hours end, which is what the scheduler does with it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from naltrack.reminders.models import ClinicReminderDefaults, ReminderPreference
from naltrack.reminders.quiet_hours import daily_reminder_held, inside
from naltrack.reminders.services import after_quiet_hours

PATIENT_URL = "/me/reminders/"
CLINIC_URL = "/clinic/reminders/"
NIGHT = (dt.time(22), dt.time(7))  # across midnight
LUNCH = (dt.time(12), dt.time(13, 30))
CHICAGO = ZoneInfo("America/Chicago")


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("time", "quiet"),
    [
        ("21:59", False),
        ("22:00", True),  # the start is quiet
        ("23:59", True),
        ("00:00", True),
        ("06:59", True),
        ("07:00", False),  # the end is not
    ],
)
def test_quiet_hours_across_midnight(time, quiet):
    assert inside(t(time), NIGHT) is quiet


@pytest.mark.parametrize(
    ("time", "quiet"), [("11:59", False), ("12:00", True), ("13:29", True), ("13:30", False)]
)
def test_quiet_hours_within_a_day(time, quiet):
    assert inside(t(time), LUNCH) is quiet


def test_no_quiet_hours_hold_nothing():
    assert not inside(t("03:00"), None)
    assert daily_reminder_held(reminder_time=t("03:00"), quiet_hours=None) is None


@pytest.mark.parametrize(
    ("time", "next_morning"), [("22:00", True), ("23:30", True), ("00:00", False), ("06:59", False)]
)
def test_a_held_reminder_is_sent_when_quiet_hours_end(time, next_morning):
    held = daily_reminder_held(reminder_time=t(time), quiet_hours=NIGHT)
    assert held is not None
    assert (held.sent_at, held.next_morning) == (dt.time(7), next_morning)


@pytest.mark.parametrize(
    ("due", "sent"),
    [
        (dt.datetime(2026, 3, 2, 21, 59, tzinfo=CHICAGO), dt.datetime(2026, 3, 2, 21, 59)),
        (dt.datetime(2026, 3, 2, 22, 0, tzinfo=CHICAGO), dt.datetime(2026, 3, 3, 7, 0)),
        (dt.datetime(2026, 3, 3, 6, 59, tzinfo=CHICAGO), dt.datetime(2026, 3, 3, 7, 0)),
        (dt.datetime(2026, 3, 3, 7, 0, tzinfo=CHICAGO), dt.datetime(2026, 3, 3, 7, 0)),
    ],
)
def test_the_scheduler_holds_what_the_page_says(due, sent):
    """What the warning promises is what the scheduler does."""
    moved = after_quiet_hours(due, start=NIGHT[0], end=NIGHT[1], zone=CHICAGO).astimezone(CHICAGO)
    assert moved == sent.replace(tzinfo=CHICAGO)
    held = daily_reminder_held(reminder_time=due.time(), quiet_hours=NIGHT)
    if held is None:
        assert moved == due
    else:
        assert moved.time() == held.sent_at
        assert (moved.date() > due.date()) is held.next_morning


# --- the patient's page -----------------------------------------------------------------------

VALID = {"channel": "email", "time_zone": "America/New_York"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reminder_time", "warned", "next_morning"),
    [
        ("21:59", False, False),
        ("22:00", True, True),
        ("23:15", True, True),
        ("00:00", True, False),
        ("06:59", True, False),
        ("07:00", False, False),
    ],
)
def test_the_patient_is_told_a_reminder_in_their_quiet_hours_is_held(
    client, patient, reminder_time, warned, next_morning
):
    client.force_login(patient.user)
    saved = client.post(
        PATIENT_URL,
        {**VALID, "reminder_time": reminder_time, "quiet_start": "22:00", "quiet_end": "07:00"},
        follow=True,
    )
    # Saved either way: it is a warning, not a refusal.
    assert saved.redirect_chain and "Your reminder choices are saved." in saved.text
    assert ReminderPreference.objects.get(patient=patient).reminder_time == t(reminder_time)
    page = saved.text
    if not warned:
        assert "quiet-hours-note" not in page
        return
    assert (
        f"Your daily reminder, at {reminder_time}, falls in your quiet hours</strong> "
        "(22:00 to 07:00)" in page
    )
    when = "at 07:00 the next morning," if next_morning else "at 07:00,"
    assert f"It is not skipped: we wait and send it {when} when quiet hours end." in page


@pytest.mark.django_db
def test_the_clinics_quiet_hours_warn_a_patient_without_their_own(client, patient):
    ClinicReminderDefaults.objects.create(
        clinic=patient.clinic,
        reminder_time=t("09:00"),
        quiet_start=t("12:00"),
        quiet_end=t("14:00"),
    )
    client.force_login(patient.user)
    assert "quiet-hours-note" not in client.get(PATIENT_URL).text
    page = client.post(PATIENT_URL, {**VALID, "reminder_time": "12:30"}, follow=True).text
    assert "Your daily reminder, at 12:30, falls in your clinic’s quiet hours" in page
    assert "we wait and send it at 14:00, when quiet hours end" in page
    # The patient's own quiet hours replace the clinic's.
    page = client.post(
        PATIENT_URL,
        {**VALID, "reminder_time": "12:30", "quiet_start": "23:00", "quiet_end": "06:00"},
        follow=True,
    ).text
    assert "quiet-hours-note" not in page


@pytest.mark.django_db
def test_an_empty_reminder_time_is_checked_as_the_clinics(client, patient):
    ClinicReminderDefaults.objects.create(clinic=patient.clinic, reminder_time=t("06:30"))
    client.force_login(patient.user)
    page = client.post(
        PATIENT_URL,
        {**VALID, "reminder_time": "", "quiet_start": "22:00", "quiet_end": "07:00"},
        follow=True,
    ).text
    assert "Your daily reminder, at 06:30, falls in your quiet hours" in page


# --- the clinic's settings --------------------------------------------------------------------


@pytest.fixture
def admin_client(client, clinic_admin):
    client.force_login(clinic_admin)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reminder_time", "warned"),
    [("20:59", False), ("21:00", True), ("06:59", True), ("07:00", False)],
)
def test_the_admin_is_told_the_clinics_reminder_time_is_held(admin_client, reminder_time, warned):
    saved = admin_client.post(
        CLINIC_URL,
        {
            "time_zone": "America/Chicago",
            "channel": "email",
            "reminder_time": reminder_time,
            "quiet_start": "21:00",
            "quiet_end": "07:00",
        },
        follow=True,
    )
    assert "reminder settings are saved." in saved.text
    page = saved.text
    if not warned:
        assert "quiet-hours-note" not in page
        return
    assert f"The daily reminder, at {reminder_time}, falls in the clinic’s quiet hours" in page
    assert "patients who keep these settings get it at 07:00" in page
