"""A reminder that could not be delivered becomes the clinic's problem: it shows on its
clinicians' dashboard (essential ones first) and on the patient's chart until someone marks it
handled, which is recorded and audited."""

from __future__ import annotations

import datetime as dt
import re
import socket

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from naltrack.accounts.models import Membership
from naltrack.audit.models import AuditEvent
from naltrack.care.models import Patient
from naltrack.reminders import services
from naltrack.reminders.models import Notification, delivery_error_in_plain_words
from tests.factories import member, patient_with_login
from tests.reminders.helpers import local
from tests.reminders.test_schedule import on_injections

pytestmark = pytest.mark.django_db

DASHBOARD = "/clinic/"
NOV_3 = dt.date(2026, 11, 3)


def closed_port_url() -> str:
    """An SMS provider address where nothing listens: every try is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/Messages.json"


def send_until_failed(notification: Notification) -> Notification:
    """Drive the real sender through every retry against an unreachable SMS provider."""
    now = notification.send_after
    with override_settings(NALTRACK_SMS_BACKEND="http", NALTRACK_SMS_URL=closed_port_url()):
        for _ in range(services.MAX_ATTEMPTS):
            status = services.notification_send(notification_id=notification.pk, now=now)
            notification.refresh_from_db()
            now = notification.send_after
    assert status == "failed", notification.last_error
    assert notification.attempts == services.MAX_ATTEMPTS
    return notification


def failed(patient: Patient, kind: str, due_at: dt.datetime) -> Notification:
    """A text-message reminder of ``kind`` for ``patient`` that failed after the last retry."""
    notification = Notification.objects.create(
        patient=patient,
        kind=kind,
        channel=Notification.Channel.SMS,
        due_at=due_at,
        send_after=due_at,
        essential=kind in Notification.ESSENTIAL_KINDS,
        body="A reminder from your care team.",
    )
    return send_until_failed(notification)


@pytest.fixture
def texted(clinic) -> Patient:
    return patient_with_login(clinic, given_name="Alex", family_name="Rivera", phone="+13125550167")


@pytest.fixture
def staff(client, clinician) -> Client:
    client.force_login(clinician)
    return client


def handled_url(notification: Notification) -> str:
    return reverse("reminders:problem_handled", args=[notification.pk])


def problems_on(client: Client) -> list[Notification]:
    page = client.get(DASHBOARD)
    assert page.status_code == 200
    return list(page.context["dashboard"].delivery_problems.shown)


# --- the dashboard -------------------------------------------------------------------------------


def test_a_reminder_failed_by_the_scheduler_shows_on_its_clinics_dashboard(
    staff, texted, clinician
):
    """The whole path: planned from the record, sent by the real sender, failed, shown."""
    on_injections(texted, clinician)
    services.preference_update(patient=texted, by=None, channel="sms")
    services.reminders_schedule(now=local(NOV_3, 9))
    overdue = send_until_failed(Notification.objects.get(kind="injection_overdue"))

    page = staff.get(DASHBOARD)
    assert page.status_code == 200
    assert [n.pk for n in page.context["dashboard"].delivery_problems.shown] == [overdue.pk]
    panel = page.text.split('id="delivery-problems"')[1].split("</section>")[0]
    assert "Messages we could not deliver (1)" in page.text
    assert f'href="{reverse("clinician:patient_chart", args=[texted.pk])}"' in panel
    assert "Alex Rivera" in panel
    assert "Injection overdue by text message" in panel
    assert "Was due Tue 3 Nov, 09:00 EST" in panel  # the clinic's wall clock (New York)
    assert "The text message service was down or could not be reached" in panel
    assert "Important" in panel and "please reach the patient another way" in panel
    assert "provider unreachable" in panel  # the technical detail, folded away
    assert re.search(r"<button type=\"submit\">Mark as handled", panel)
    assert 'name="csrfmiddlewaretoken"' in panel
    assert f'hx-post="{handled_url(overdue)}"' in panel


def test_the_dashboard_read_is_audited_with_the_patient(staff, texted):
    failed(texted, "follow_up", local(NOV_3, 9))
    staff.get(DASHBOARD)
    event = AuditEvent.objects.filter(action="list", object_type="dashboard").latest("id")
    assert texted.pk in event.detail["patient_ids"]


def test_another_clinics_dashboard_does_not_show_it(client, texted, other_clinic):
    failed(texted, "follow_up", local(NOV_3, 9))
    client.force_login(member(other_clinic, Membership.Role.CLINICIAN))
    assert problems_on(client) == []
    page = client.get(DASHBOARD)
    assert "Alex Rivera" not in page.text
    assert "Every reminder reached its patient" in page.text


def test_essential_ones_come_first_and_are_marked(staff, clinic, texted):
    other = patient_with_login(clinic, given_name="Sam", family_name="Lee", phone="+13125550101")
    everyday = failed(texted, "dose", local(NOV_3, 9))
    essential = failed(other, "injection_overdue", local(NOV_3 - dt.timedelta(days=2), 9))
    newer_essential = failed(texted, "follow_up", local(NOV_3 - dt.timedelta(days=1), 9))

    shown = problems_on(staff)
    assert [n.pk for n in shown] == [newer_essential.pk, essential.pk, everyday.pk]
    page = staff.get(DASHBOARD).text
    rows = re.findall(r'<li class="alert-row[^"]*" id="problem-(\d+)">(.*?)</li>', page, re.S)
    marked = {int(pk): "Important" in body for pk, body in rows}
    assert marked == {newer_essential.pk: True, essential.pk: True, everyday.pk: False}


def test_sent_skipped_and_handled_ones_are_not_problems(staff, texted):
    problem = failed(texted, "dose", local(NOV_3, 9))
    Notification.objects.create(
        patient=texted,
        kind="dose",
        channel="sms",
        due_at=local(NOV_3, 10),
        send_after=local(NOV_3, 10),
        status="sent",
        body="x",
    )
    Notification.objects.create(
        patient=texted,
        kind="check_in_nudge",
        channel="sms",
        due_at=local(NOV_3, 9),
        send_after=local(NOV_3, 9),
        status="skipped",
        body="x",
    )
    assert [n.pk for n in problems_on(staff)] == [problem.pk]


def test_the_dashboard_takes_the_same_queries_for_one_problem_or_many(staff, clinic, texted):
    failed(texted, "dose", local(NOV_3, 9))

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(DASHBOARD).status_code == 200
        return len(captured)

    one = count()
    for n in range(5):
        someone = patient_with_login(clinic, phone=f"+1312555011{n}")
        failed(someone, "injection_overdue", local(NOV_3, 9))
    assert count() == one


# --- marking as handled ---------------------------------------------------------------------------


def test_marking_as_handled_by_htmx_swaps_the_row_and_it_leaves_the_dashboard(
    staff, texted, clinician
):
    problem = failed(texted, "injection_overdue", local(NOV_3, 9))
    response = staff.post(
        handled_url(problem), {"note": "Called; new number saved"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith(
        f'<li class="alert-row alert-urgent" id="problem-{problem.pk}"'
    )
    assert f"Handled by {clinician}" in response.text
    assert "“Called; new number saved”" in response.text
    assert "Mark as handled" not in response.text

    problem.refresh_from_db()
    assert problem.handled_by == clinician
    assert problem.handled_note == "Called; new number saved"
    assert problem.handled_at is not None
    assert problem.status == "failed"  # what happened does not change; only that it was handled

    event = AuditEvent.objects.get(
        object_type="notification", detail__changes__handled_note__1="Called; new number saved"
    )
    assert (event.action, event.actor_id, event.patient_id, event.clinic_id) == (
        "update",
        clinician.pk,
        texted.pk,
        texted.clinic_id,
    )
    assert event.detail["changes"]["handled_by"] == [None, clinician.email]
    assert event.detail["changes"]["handled_at"][0] is None

    assert problems_on(staff) == []
    assert (
        "Every reminder reached its patient, or someone has handled it."
        in staff.get(DASHBOARD).text
    )


def test_without_javascript_it_goes_back_to_a_local_page_with_a_message(staff, texted):
    problem = failed(texted, "dose", local(NOV_3, 9))
    response = staff.post(handled_url(problem), {"next": "/clinic/?from=problems"}, follow=True)
    assert response.redirect_chain == [("/clinic/?from=problems", 302)]
    assert [str(m) for m in response.context["messages"]] == ["Marked as handled."]
    problem.refresh_from_db()
    assert problem.handled_at is not None and problem.handled_note == ""


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", ""])
def test_an_unsafe_next_goes_to_the_dashboard(staff, texted, next_url):
    problem = failed(texted, "dose", local(NOV_3, 9))
    response = staff.post(handled_url(problem), {"next": next_url})
    assert response["Location"] == DASHBOARD


def test_marking_twice_keeps_the_first_and_records_once(staff, client, clinic, texted, clinician):
    problem = failed(texted, "dose", local(NOV_3, 9))
    staff.post(handled_url(problem), {"note": "Texted from the clinic phone"})
    other = Client()
    other.force_login(member(clinic, Membership.Role.ADMIN))
    again = other.post(handled_url(problem), {"note": "Me too"}, follow=True)
    assert [str(m) for m in again.context["messages"]] == [
        f"This was already handled by {clinician}."
    ]
    problem.refresh_from_db()
    assert (problem.handled_by, problem.handled_note) == (clinician, "Texted from the clinic phone")
    assert (
        AuditEvent.objects.filter(object_type="notification", detail__has_key="changes").count()
        == 1
    )


def test_an_overlong_note_is_refused_with_a_message(staff, texted):
    problem = failed(texted, "dose", local(NOV_3, 9))
    fragment = staff.post(handled_url(problem), {"note": "x" * 501}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert "at most 500 characters" in fragment.text
    assert 'aria-invalid="true"' in fragment.text
    page = staff.post(handled_url(problem), {"note": "x" * 501})
    assert page.status_code == 200
    assert "at most 500 characters" in page.text
    problem.refresh_from_db()
    assert problem.handled_at is None


def test_it_needs_a_post_with_a_csrf_token(clinician, texted):
    problem = failed(texted, "dose", local(NOV_3, 9))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clinician)
    assert strict.get(handled_url(problem)).status_code == 405
    assert strict.post(handled_url(problem), {"note": "x"}).status_code == 403
    problem.refresh_from_db()
    assert problem.handled_at is None


def test_another_clinics_staff_and_patients_cannot_mark_it(client, texted, other_clinic):
    problem = failed(texted, "dose", local(NOV_3, 9))
    client.force_login(member(other_clinic, Membership.Role.ADMIN))
    assert client.post(handled_url(problem)).status_code == 404
    client.force_login(texted.user)
    assert client.post(handled_url(problem)).status_code == 404
    problem.refresh_from_db()
    assert problem.handled_at is None
    assert not AuditEvent.objects.filter(detail__has_key="changes").exists()


def test_only_a_failed_notification_can_be_marked(staff, texted):
    scheduled = Notification.objects.create(
        patient=texted,
        kind="dose",
        channel="sms",
        due_at=local(NOV_3, 9),
        send_after=local(NOV_3, 9),
        body="x",
    )
    assert staff.post(handled_url(scheduled)).status_code == 404
    scheduled.refresh_from_db()
    assert scheduled.handled_at is None


# --- the chart ------------------------------------------------------------------------------------


def test_the_chart_shows_it_as_needing_attention_until_handled(staff, texted, clinician):
    problem = failed(texted, "injection_overdue", local(NOV_3, 9))
    chart_url = reverse("clinician:patient_chart", args=[texted.pk])
    history = staff.get(chart_url).text.split('id="notification-history-heading"')[1]
    history = history.split("</section>")[0]
    assert "Needs attention" in history and "1 reminder could not be delivered" in history
    assert f'id="problem-{problem.pk}"' in history
    assert "The text message service was down" in history
    assert "Mark as handled" in history
    assert 'class="notification-failed needs-attention"' in history

    staff.post(handled_url(problem), {"note": "Booked for Friday", "next": chart_url})
    history = staff.get(chart_url).text.split('id="notification-history-heading"')[1]
    history = history.split("</section>")[0]
    assert "Needs attention" not in history and "Mark as handled" not in history
    assert f"Handled by {clinician}" in history and "Booked for Friday" in history


def test_the_patient_sees_no_clinic_work_on_their_own_page(client, texted):
    failed(texted, "dose", local(NOV_3, 9))
    client.force_login(texted.user)
    page = client.get(reverse("reminders:preferences")).text
    assert "Not delivered" in page
    assert "Needs attention" not in page and "Mark as handled" not in page


# --- the reason, in plain words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "error", "words"),
    [
        (
            "sms",
            "SmsError: provider answered 400: invalid To number",
            "the mobile number may be wrong",
        ),
        ("sms", "SmsError: provider answered 401: bad credentials", "refused our account"),
        ("sms", "SmsError: provider answered 503: down", "down or could not be reached"),
        (
            "sms",
            "SmsError: provider unreachable: <urlopen error timed out>",
            "could not be reached",
        ),
        (
            "email",
            "SMTPRecipientsRefused: {'a@b': (550, b'no such user')}",
            "email address was refused",
        ),
        (
            "email",
            "ConnectionRefusedError: [Errno 111] Connection refused",
            "email server could not be reached",
        ),
        ("email", "ValueError: something odd", "The email could not be sent."),
    ],
)
def test_the_reason_is_said_in_plain_words(channel, error, words):
    assert words in delivery_error_in_plain_words(channel=channel, last_error=error)
