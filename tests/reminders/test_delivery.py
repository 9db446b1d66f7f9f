"""Exactly once: idempotent scheduling, one send per notification, retries, the SMS provider."""

from __future__ import annotations

import base64
import datetime as dt
import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client, override_settings
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.care.models import Patient
from naltrack.reminders import services
from naltrack.reminders.models import Notification
from naltrack.reminders.sms import HttpSmsBackend, SmsError
from tests.factories import PatientFactory
from tests.reminders.helpers import local
from tests.reminders.test_schedule import on_injections

pytestmark = pytest.mark.django_db

NOV_3_NINE = local(dt.date(2026, 11, 3), 9)


class StandIn:
    """A local SMS provider: records each request, answers with ``status``."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.requests: list[dict[str, object]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                stand_in.requests.append(
                    {
                        "path": self.path,
                        "form": urllib.parse.parse_qs(self.rfile.read(length).decode()),
                        "auth": self.headers["Authorization"],
                        "key": self.headers["Idempotency-Key"],
                    }
                )
                self.send_response(stand_in.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                answer = {"sid": "SM123"} if stand_in.status < 300 else {"message": "down"}
                self.wfile.write(json.dumps(answer).encode())

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/Messages.json"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider_ok() -> Iterator[StandIn]:
    with StandIn(201) as stand_in:
        yield stand_in


@pytest.fixture
def provider_down() -> Iterator[StandIn]:
    with StandIn(503) as stand_in:
        yield stand_in


def schedule_overdue(patient, clinician) -> Notification:
    on_injections(patient, clinician)
    services.reminders_schedule(now=NOV_3_NINE)
    return Notification.objects.get(kind="injection_overdue")


def test_running_the_scheduler_twice_creates_nothing_twice(patient, clinician):
    on_injections(patient, clinician)
    first = services.reminders_schedule(now=NOV_3_NINE)
    second = services.reminders_schedule(now=NOV_3_NINE + dt.timedelta(minutes=1))
    assert (first.created, second.created, second.already_there) == (1, 0, 1)
    assert Notification.objects.count() == 1


def test_a_second_scheduler_losing_the_race_is_harmless(patient, clinician):
    """The insert that loses to the unique constraint is dropped; the first one stands."""
    notification = schedule_overdue(patient, clinician)
    twin = Notification(
        patient=patient,
        clinic_id=patient.clinic_id,
        kind=notification.kind,
        due_at=notification.due_at,
        send_after=notification.due_at,
        channel="email",
        body="twin",
    )
    services._insert_unless_there([twin])
    assert twin.pk is None
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    assert Notification.objects.get().body != "twin"


def test_sending_twice_sends_once(patient, clinician):
    notification = schedule_overdue(patient, clinician)
    assert services.notification_send(notification_id=notification.pk, now=NOV_3_NINE) == "sent"
    assert services.notification_send(notification_id=notification.pk, now=NOV_3_NINE) == "sent"
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert (notification.attempts, notification.sent_at) == (1, NOV_3_NINE)
    assert AuditEvent.objects.filter(object_type="notification", detail__status="sent").count() == 1


def test_a_notification_is_not_sent_before_its_time(patient, clinician):
    notification = schedule_overdue(patient, clinician)
    early = NOV_3_NINE - dt.timedelta(minutes=1)
    assert services.notification_send(notification_id=notification.pk, now=early) == "scheduled"
    assert not mail.outbox


def test_the_email_has_a_pause_link_only_for_non_essential_reminders(patient, clinician):
    on_injections(patient, clinician)
    services.reminders_tick(
        now=NOV_3_NINE,
        send=lambda pk: services.notification_send(notification_id=pk, now=NOV_3_NINE),
    )
    services.reminders_tick(
        now=NOV_3_NINE - dt.timedelta(days=1),
        send=lambda pk: services.notification_send(
            notification_id=pk, now=NOV_3_NINE - dt.timedelta(days=1)
        ),
    )
    by_subject = {m.body.split("Open:")[0]: m.body for m in mail.outbox}
    assert len(by_subject) == 2
    essential = [b for b in by_subject.values() if "safety" in b]
    everyday = [b for b in by_subject.values() if "safety" not in b]
    assert "/reminders/pause/" not in essential[0]
    assert "/reminders/pause/" in everyday[0]


@pytest.mark.parametrize(
    ("phone", "why"),
    [
        ("", "no mobile number on record"),
        ("call me", "the phone number on record is not a valid number"),
        ("+442079460958", "the phone number on record is a landline"),
    ],
)
def test_a_text_nobody_can_receive_goes_by_email_instead(patient, clinician, phone, why):
    # Stored past the services, as a number from before they checked would be.
    Patient.objects.filter(pk=patient.pk).update(phone=phone)
    services.preference_update(patient=patient, by=None, channel="sms")
    notification = schedule_overdue(patient, clinician)
    with override_settings(NALTRACK_SMS_BACKEND="http", NALTRACK_SMS_URL="http://127.0.0.1:9/"):
        status = services.notification_send(notification_id=notification.pk, now=NOV_3_NINE)
    notification.refresh_from_db()
    assert (status, notification.channel) == ("sent", "email")
    assert notification.reason == f"sent by email instead: {why}"
    assert mail.outbox[0].to == [patient.user.email]


def test_a_patient_with_no_mobile_and_no_email_is_skipped_and_shown_to_the_clinic(
    clinic, clinician
):
    nobody = PatientFactory(clinic=clinic, phone="", email="")
    services.preference_update(patient=nobody, by=None, channel="sms")
    notification = schedule_overdue(nobody, clinician)
    assert services.notification_send(notification_id=notification.pk, now=NOV_3_NINE) == "skipped"
    notification.refresh_from_db()
    assert notification.reason == (
        "no mobile number on record, and no email address to send it to instead"
    )
    assert notification.needs_attention
    assert "Nothing was sent: no mobile number on record" in notification.why_not_delivered
    assert AuditEvent.objects.filter(
        object_type="notification", patient_id=nobody.pk, detail__status="skipped"
    ).exists()
    client = Client()
    client.force_login(clinician)
    shown = client.get(reverse("clinician:home")).context["dashboard"].delivery_problems.shown
    assert [n.pk for n in shown] == [notification.pk]


def test_a_text_goes_to_the_number_in_e164(patient, clinician, provider_ok):
    Patient.objects.filter(pk=patient.pk).update(phone="(312) 555-0134")
    services.preference_update(patient=patient, by=None, channel="sms")
    notification = schedule_overdue(patient, clinician)
    with override_settings(NALTRACK_SMS_BACKEND="http", NALTRACK_SMS_URL=provider_ok.url):
        services.notification_send(notification_id=notification.pk, now=NOV_3_NINE)
    assert provider_ok.requests[0]["form"]["To"] == ["+13125550134"]


def test_the_sms_provider_gets_a_form_post_with_basic_auth(provider_ok):
    backend = HttpSmsBackend(url=provider_ok.url, user="AC1", password="secret", sender="+15550001")
    assert backend.send(to="+15551234", body="Riverside: hello", idempotency_key="k1") == "SM123"
    (request,) = provider_ok.requests
    assert request["path"] == "/Messages.json"
    assert request["form"] == {
        "To": ["+15551234"],
        "From": ["+15550001"],
        "Body": ["Riverside: hello"],
    }
    assert request["auth"] == "Basic " + base64.b64encode(b"AC1:secret").decode()
    assert request["key"] == "k1"


def test_an_unreachable_provider_is_an_sms_error():
    backend = HttpSmsBackend(url="http://127.0.0.1:9/none", user="u", password="p", sender="s")
    with pytest.raises(SmsError, match="unreachable"):
        backend.send(to="+1", body="x", idempotency_key="k")


def test_a_failing_sms_provider_is_retried_with_backoff_then_fails_visibly(
    patient, clinician, provider_down
):
    patient.phone = "+13125550134"
    patient.save()
    services.preference_update(patient=patient, by=None, channel="sms")
    notification = schedule_overdue(patient, clinician)
    with override_settings(NALTRACK_SMS_BACKEND="http", NALTRACK_SMS_URL=provider_down.url):
        now = NOV_3_NINE
        waits = []
        for _ in range(5):
            status = services.notification_send(notification_id=notification.pk, now=now)
            notification.refresh_from_db()
            waits.append(notification.send_after - now)
            # The next tick before the backoff has passed does not try again.
            services.notification_send(
                notification_id=notification.pk, now=now + dt.timedelta(seconds=30)
            )
            now = notification.send_after
    assert status == "failed"
    assert len(provider_down.requests) == 5
    assert [w.total_seconds() / 60 for w in waits[:4]] == [2, 4, 8, 16]
    assert notification.attempts == 5
    assert "503" in notification.last_error
    assert notification.reason == "not delivered after 5 tries"
    assert notification.due_at == NOV_3_NINE  # the idempotency key never moves
    failed = AuditEvent.objects.get(object_type="notification", detail__status="failed")
    assert failed.patient_id == patient.pk and failed.clinic_id == patient.clinic_id


def test_sms_through_the_provider_end_to_end(patient, clinician, provider_ok):
    patient.phone = "+13125550134"
    patient.save()
    services.preference_update(patient=patient, by=None, channel="sms")
    notification = schedule_overdue(patient, clinician)
    with override_settings(NALTRACK_SMS_BACKEND="http", NALTRACK_SMS_URL=provider_ok.url):
        services.notification_send(notification_id=notification.pk, now=NOV_3_NINE)
        services.notification_send(notification_id=notification.pk, now=NOV_3_NINE)
    assert len(provider_ok.requests) == 1
    assert provider_ok.requests[0]["form"]["Body"] == [notification.body]


# --- a worker that dies while sending ----------------------------------------------------------


def test_a_notification_held_by_a_worker_that_died_is_sent_after_the_lease(patient, clinician):
    notification = schedule_overdue(patient, clinician)
    # What a worker killed mid-send leaves behind: the claim committed, no outcome recorded.
    claimed, _ = services._claim(notification.pk, NOV_3_NINE)
    lease_ends = NOV_3_NINE + services.send_lease()
    assert (claimed.attempts, claimed.send_after) == (1, lease_ends)

    # While it is held, no other worker or tick sends it.
    assert not services.notifications_ready(now=lease_ends - dt.timedelta(seconds=1)).exists()
    held = services.notification_send(
        notification_id=notification.pk, now=lease_ends - dt.timedelta(seconds=1)
    )
    assert (held, len(mail.outbox)) == ("scheduled", 0)

    # After it, it is offered again and sent, the interrupted try on record.
    assert services.notifications_hand_over(now=lease_ends) == [notification.pk]
    assert services.notification_send(notification_id=notification.pk, now=lease_ends) == "sent"
    notification.refresh_from_db()
    assert (notification.attempts, len(mail.outbox)) == (2, 1)


def test_a_notification_whose_every_try_is_cut_short_ends_failed_for_the_clinic(patient, clinician):
    notification = schedule_overdue(patient, clinician)
    now = NOV_3_NINE
    for _ in range(services.MAX_ATTEMPTS):
        services._claim(notification.pk, now)
        now += services.send_lease()
    assert services.notification_send(notification_id=notification.pk, now=now) == "failed"
    notification.refresh_from_db()
    assert (
        notification.reason == "not delivered after 5 tries: the sending was interrupted each time"
    )
    assert notification.needs_attention and mail.outbox == []
    assert AuditEvent.objects.filter(object_type="notification", detail__status="failed").exists()


@pytest.mark.django_db(transaction=True)
def test_no_database_transaction_is_open_while_the_provider_is_called(
    patient, clinician, monkeypatch
):
    """A slow provider must not hold the database (on SQLite: every writer) while it answers."""
    notification = schedule_overdue(patient, clinician)
    deliver, seen = services.delivery.deliver, []

    def deliver_watched(notification: Notification) -> str:
        seen.append(transaction.get_connection().in_atomic_block)
        return deliver(notification)

    monkeypatch.setattr(services.delivery, "deliver", deliver_watched)
    assert services.notification_send(notification_id=notification.pk, now=NOV_3_NINE) == "sent"
    assert seen == [False]


def test_a_notification_waiting_in_the_queue_is_not_queued_again_each_minute(patient, clinician):
    notification = schedule_overdue(patient, clinician)
    queued: list[int] = []
    for minute in range(3):  # the worker has not taken it yet
        services.reminders_tick(now=NOV_3_NINE + dt.timedelta(minutes=minute), send=queued.append)
    assert queued == [notification.pk]
    # Never taken (its worker gone): queued again once the hand-over's lease has passed.
    later = NOV_3_NINE + services.send_lease()
    services.reminders_tick(now=later, send=queued.append)
    assert queued == [notification.pk, notification.pk]
    assert services.notification_send(notification_id=notification.pk, now=later) == "sent"


def test_a_worker_that_stalled_past_its_lease_does_not_overwrite_the_one_that_took_over(
    patient, clinician, monkeypatch
):
    notification = schedule_overdue(patient, clinician)
    deliver = services.delivery.deliver
    late = NOV_3_NINE + services.send_lease()

    def stalled(stalled_notification: Notification) -> str:
        # While this worker is stuck in the provider call, its lease ends and another worker
        # claims and sends the same notification.
        monkeypatch.setattr(services.delivery, "deliver", deliver)
        assert services.notification_send(notification_id=notification.pk, now=late) == "sent"
        return deliver(stalled_notification)

    monkeypatch.setattr(services.delivery, "deliver", stalled)
    assert services.notification_send(notification_id=notification.pk, now=NOV_3_NINE) == "sent"
    notification.refresh_from_db()
    assert (notification.attempts, notification.sent_at) == (2, late)
    assert AuditEvent.objects.filter(object_type="notification", detail__status="sent").count() == 1
