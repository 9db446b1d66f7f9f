"""The reminders pages in a real browser: the patient's choices on a phone, the one-click pause
link from a reminder email, and the notification history on the clinician's chart.

Notifications are made by the real scheduler and sender with a chosen clock, so the history
shows what the services really store. The screenshots in docs/screenshots/ are taken here.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from playwright.sync_api import expect

from naltrack.audit.models import AuditEvent
from naltrack.reminders import services
from naltrack.reminders.models import Notification, ReminderPreference
from naltrack.reminders.pause_links import pause_link_token
from tests.e2e.screenshots import save_screenshot
from tests.e2e.test_clinician_path import sign_in
from tests.reminders.helpers import local
from tests.reminders.test_schedule import on_injections

pytestmark = pytest.mark.django_db(transaction=True)

# on_injections: an injection on Oct 5, 2026, so the next one is due Nov 2 (New York time), and
# a therapy session booked for Nov 1 at 15:00.
OCT_26, OCT_31 = dt.date(2026, 10, 26), dt.date(2026, 10, 31)
NOV_1, NOV_2, NOV_3 = dt.date(2026, 11, 1), dt.date(2026, 11, 2), dt.date(2026, 11, 3)
PHONE = "+1 312 555 0100"


def schedule_and_send(patient, now: dt.datetime) -> Notification:
    """Create what fell due at ``now`` and try to send it once, as one scheduler tick does.

    The scheduler reads each patient afresh, so preferences changed since are seen.
    """
    services.reminders_schedule(now=now)
    notification = Notification.objects.get(patient=patient, due_at=now)
    services.notification_send(notification_id=notification.pk, now=now)
    notification.refresh_from_db()
    return notification


def preference_events(patient) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(object_type="reminderpreference", patient_id=patient.pk).order_by(
            "id"
        )
    )


@pytest.fixture
def on_treatment(clinic, clinician, patient):
    clinic.name = "Riverside Recovery Clinic"
    clinic.save()
    patient.given_name, patient.family_name = "Alex", "Rivera"
    patient.save()
    on_injections(patient, clinician)
    return patient


@pytest.fixture
def sms_provider_down(settings) -> Iterator[str]:
    """An HTTP SMS provider whose port refuses connections: every send fails at once.

    The socket is bound but never listens, so nothing else can take the port during the test.
    """
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))
    settings.NALTRACK_SMS_BACKEND = "http"
    settings.NALTRACK_SMS_URL = f"http://127.0.0.1:{closed.getsockname()[1]}/messages"
    yield settings.NALTRACK_SMS_URL
    closed.close()


# --- the patient's reminders page -----------------------------------------------------------


def test_the_patient_changes_their_reminder_choices_on_a_phone(page, on_treatment):
    patient = on_treatment
    patient.phone = PHONE
    patient.save()
    services.preference_update(
        patient=patient, by=None, channel="email", reminder_time=dt.time(8, 0)
    )
    services.reminders_schedule(now=local(OCT_26, 8))
    before = len(preference_events(patient))

    sign_in(page, patient.user.email)
    # On a phone, Reminders is under the navigation's "More" menu.
    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Reminders").click()
    expect(page).to_have_url(re.compile(r"/me/reminders/$"))
    expect(page.get_by_role("heading", name="My reminders")).to_be_visible()

    # The page shows the current choices, and the reminder already planned.
    channel = page.get_by_role("group", name="Send my reminders by")
    expect(channel.get_by_label("Email")).to_be_checked()
    expect(channel.get_by_label("Text message")).not_to_be_checked()
    expect(page.get_by_label("Time of my daily reminder")).to_have_value("08:00")
    expect(page.get_by_label("Quiet hours from")).to_have_value("")
    expect(page.get_by_label("Quiet hours until")).to_have_value("")
    expect(page.get_by_label(re.compile("Pause everyday reminders \\("))).not_to_be_checked()
    expect(page.get_by_label(re.compile("My messages may name my medicine"))).not_to_be_checked()
    expect(
        page.get_by_text("Times are in your clinic's time zone (America/New_York)")
    ).to_be_visible()
    history = page.get_by_role("region", name="Reminders")
    expect(history.get_by_role("row").nth(1).get_by_role("cell")).to_have_text(
        ["Oct 26, 08:00", "Injection in 7 days", "Email", "Will be sent"]
    )

    # Change every choice and save.
    channel.get_by_label("Text message").check()
    page.get_by_label("Time of my daily reminder").fill("20:30")
    page.get_by_label("Quiet hours from").fill("22:00")
    page.get_by_label("Quiet hours until").fill("07:00")
    page.get_by_label(re.compile("Pause everyday reminders \\(")).check()
    page.get_by_label(re.compile("My messages may name my medicine")).check()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("status")).to_have_text("Your reminder choices are saved.")
    expect(page).to_have_url(re.compile(r"/me/reminders/$"))
    save_screenshot(page, "reminder-preferences.png")

    # After a reload (no message any more) the page shows the new choices.
    page.reload()
    expect(page.get_by_role("status")).to_have_count(0)
    expect(channel.get_by_label("Text message")).to_be_checked()
    expect(page.get_by_label("Time of my daily reminder")).to_have_value("20:30")
    expect(page.get_by_label("Quiet hours from")).to_have_value("22:00")
    expect(page.get_by_label("Quiet hours until")).to_have_value("07:00")
    expect(page.get_by_label(re.compile("Pause everyday reminders \\("))).to_be_checked()
    expect(page.get_by_label(re.compile("My messages may name my medicine"))).to_be_checked()

    # Stored...
    preference = ReminderPreference.objects.get(patient=patient)
    assert (preference.channel, preference.reminder_time) == ("sms", dt.time(20, 30))
    assert (preference.quiet_start, preference.quiet_end) == (dt.time(22), dt.time(7))
    assert preference.paused_non_essential and preference.opted_in_details
    assert preference.time_zone == ""
    # ...and in the audit trail, as the patient's own change, field by field.
    events = preference_events(patient)
    assert len(events) == before + 1
    event = events[-1]
    assert (event.action, event.actor_id, event.actor_role) == (
        "update",
        patient.user.pk,
        "patient",
    )
    assert event.object_id == str(preference.pk) and event.clinic_id == patient.clinic_id
    assert event.detail["changes"] == {
        "channel": ["email", "sms"],
        "reminder_time": ["08:00:00", "20:30:00"],
        "quiet_start": [None, "22:00:00"],
        "quiet_end": [None, "07:00:00"],
        "paused_non_essential": ["False", "True"],
        "opted_in_details": ["False", "True"],
    }


def submit_choices_the_form_refuses(page) -> None:
    """Text message without a phone number, quiet hours without an end."""
    page.goto("/me/reminders/")
    page.get_by_role("group", name="Send my reminders by").get_by_label("Text message").check()
    page.get_by_label("Time of my daily reminder").fill("07:45")
    page.get_by_label("Quiet hours from").fill("22:00")
    page.get_by_label("My time zone").select_option("America/Chicago")
    page.get_by_role("button", name="Save").click()


def field(page, label: str):
    """The block around one labelled input: the input, its help text and its errors."""
    return page.locator(".field").filter(has=page.get_by_label(label, exact=True))


def test_choices_the_form_refuses_get_an_error_by_each_field_and_nothing_is_saved(page, patient):
    sign_in(page, patient.user.email)
    submit_choices_the_form_refuses(page)

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing was saved yet")
    expect(summary.get_by_role("link")).to_have_count(2)
    channel = page.get_by_role("group", name="Send my reminders by")
    expect(channel).to_contain_text("We have no mobile number for you.")
    expect(field(page, "Quiet hours until")).to_contain_text(
        "Give both the start and the end of quiet hours, or leave both empty."
    )
    # Each message is by its own field only.
    expect(field(page, "Quiet hours from").locator(".field-error")).to_have_count(0)
    expect(field(page, "Time of my daily reminder").locator(".field-error")).to_have_count(0)
    # What the patient chose is kept, to correct rather than retype.
    expect(channel.get_by_label("Text message")).to_be_checked()
    expect(page.get_by_label("Time of my daily reminder")).to_have_value("07:45")
    expect(page.get_by_label("Quiet hours from")).to_have_value("22:00")
    expect(page.get_by_label("My time zone")).to_have_value("America/Chicago")
    assert not ReminderPreference.objects.exists()
    assert not preference_events(patient)

    # Corrected, it saves.
    channel.get_by_label("Email").check()
    page.get_by_label("Quiet hours until").fill("06:30")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Your reminder choices are saved.")
    expect(page.get_by_text("Times are in America/Chicago.")).to_be_visible()
    preference = ReminderPreference.objects.get(patient=patient)
    assert (preference.channel, preference.time_zone) == ("email", "America/Chicago")
    assert (preference.reminder_time, preference.quiet_start, preference.quiet_end) == (
        dt.time(7, 45),
        dt.time(22),
        dt.time(6, 30),
    )
    assert len(preference_events(patient)) == 1


def test_a_field_error_is_read_out_with_its_input(page, patient):
    sign_in(page, patient.user.email)
    submit_choices_the_form_refuses(page)
    expect(page.get_by_label("Quiet hours until")).to_have_accessible_description(
        re.compile("Give both the start and the end"), timeout=1000
    )
    # The list's help names the clinic's zone, read out with the list.
    expect(page.get_by_label("My time zone")).to_have_accessible_description(
        re.compile("Your clinic's is America/New_York"), timeout=1000
    )


# --- the pause link from a reminder email ---------------------------------------------------


def pause_link_from_an_email(patient) -> str:
    """Send a real everyday reminder by email and take the pause link out of it."""
    reminder = schedule_and_send(patient, local(OCT_26, 9))
    assert (reminder.kind, reminder.status) == ("injection_7d", "sent")
    (email,) = mail.outbox
    return re.search(r"https?://[^/\s]+(/reminders/pause/\S+)", email.body).group(1)


def test_the_pause_link_in_an_email_asks_then_pauses(page, on_treatment):
    patient = on_treatment
    link = pause_link_from_an_email(patient)

    # Opened from the email, not signed in: it asks first (mail scanners follow links).
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Pause reminders from Riverside Recovery Clinic"
    )
    expect(page.locator("main")).to_contain_text("Pause everyday reminders?")
    assert not ReminderPreference.objects.exists()

    page.get_by_role("button", name="Pause reminders").click()
    done = page.get_by_role("status")
    expect(done).to_contain_text("Everyday reminders are paused.")
    expect(done).to_contain_text("Important ones")
    expect(done).to_contain_text("still come: a missed shot")
    expect(done).to_contain_text("under “Reminders”")
    expect(page.get_by_role("button", name="Pause reminders")).to_have_count(0)

    preference = ReminderPreference.objects.get(patient=patient)
    assert preference.paused_non_essential
    (event,) = preference_events(patient)
    assert (event.action, event.actor_id, event.actor_role) == ("update", None, "system")
    assert event.detail["changes"] == {"paused_non_essential": ["False", "True"]}

    # What the page promised: the session reminder is skipped, the overdue injection still comes.
    session = schedule_and_send(patient, local(OCT_31, 9))
    assert (session.kind, session.status) == ("session_day_before", "skipped")
    overdue = schedule_and_send(patient, local(NOV_3, 9))
    assert (overdue.kind, overdue.status) == ("injection_overdue", "sent")


def test_the_pause_page_names_the_reminders_that_still_come(page, patient):
    page.goto(f"/reminders/pause/{pause_link_token(patient=patient)}/")
    text = page.locator("main").inner_text()
    assert "appointment" not in text
    assert "injection" in text or "shot" in text


# --- the notification history on the clinician's chart -------------------------------------


def test_the_chart_shows_each_notification_and_what_happened_to_it(
    page, on_treatment, clinician, sms_provider_down
):
    patient = on_treatment
    patient.phone = PHONE
    patient.save()

    # Sent by email.
    sent = schedule_and_send(patient, local(OCT_26, 9))
    assert sent.status == "sent"
    # Skipped: the patient paused everyday reminders.
    services.reminders_pause(patient=patient, by=None)
    skipped = schedule_and_send(patient, local(OCT_31, 9))
    assert skipped.status == "skipped"
    # Failed: text messages, and the provider refuses every try until the last.
    services.preference_update(patient=patient, by=None, paused_non_essential=False, channel="sms")
    failed = schedule_and_send(patient, local(NOV_1, 9))
    statuses = [failed.status]
    while failed.status == "scheduled":
        services.notification_send(notification_id=failed.pk, now=failed.send_after)
        failed.refresh_from_db()
        statuses.append(failed.status)
    assert statuses == ["scheduled"] * (services.MAX_ATTEMPTS - 1) + ["failed"]
    assert failed.attempts == services.MAX_ATTEMPTS
    assert "provider unreachable" in failed.last_error
    # Scheduled: one after a failed first try (retried 2 minutes later), one not yet tried.
    retrying = schedule_and_send(patient, local(NOV_2, 9))
    assert (retrying.status, retrying.attempts) == ("scheduled", 1)
    services.reminders_schedule(now=local(NOV_3, 9))
    assert [n.kind for n in Notification.objects.filter(patient=patient)] == [
        "injection_overdue",
        "injection_day",
        "injection_1d",
        "session_day_before",
        "injection_7d",
    ]

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, clinician.email)
    page.goto(f"/clinic/patients/{patient.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Alex Rivera")
    history = page.get_by_role("region", name="Reminders")
    rows = history.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(5)
    unreachable = re.escape(failed.last_error)
    # Newest first, in the clinic's local time (New York): every reminder at 09:00 on the wall
    # clock, on both sides of the clock change on Nov 1 (13:00 and 14:00 UTC).
    expected = [
        ["Nov 3, 09:00", "Injection overdue (important)", "Text message", "Will be sent"],
        [
            "Nov 2, 09:00",
            "Injection today",
            "Text message",
            re.compile(
                r"^\s*Will be sent after Nov 2, 09:02 \(try 2; last error: "
                + re.escape(retrying.last_error)
                + r"\)\s*$"
            ),
        ],
        [
            "Nov 1, 09:00",
            "Injection tomorrow",
            "Text message",
            re.compile(
                r"^\s*Not delivered: not delivered after 5 tries — " + unreachable + r"\s*$"
            ),
        ],
        ["Oct 31, 09:00", "Session tomorrow", "Email", "Not sent: reminders paused by the patient"],
        ["Oct 26, 09:00", "Injection in 7 days", "Email", "Sent Oct 26, 09:00"],
    ]
    for n, cells in enumerate(expected):
        expect(rows.nth(n).get_by_role("cell")).to_have_text(cells)
    expect(rows.nth(2).locator("strong.text-urgent")).to_have_text("Not delivered")
    history.scroll_into_view_if_needed()
    save_screenshot(history, "chart-notification-history.png", full_page=False)


def test_the_chart_shows_a_clinic_in_another_zone_its_own_wall_clock(
    page, on_treatment, clinic, clinician
):
    clinic.time_zone = "America/Chicago"
    clinic.save()
    chicago_nine = local(OCT_26, 9, zone=ZoneInfo("America/Chicago"))
    services.reminders_schedule(now=chicago_nine)
    assert Notification.objects.get().due_at == chicago_nine
    sign_in(page, clinician.email)
    page.goto(f"/clinic/patients/{on_treatment.pk}/")
    row = page.get_by_role("region", name="Reminders").locator("tbody").get_by_role("row")
    expect(row.get_by_role("cell").first).to_have_text("Oct 26, 09:00", timeout=1000)
