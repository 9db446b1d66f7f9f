"""The one-click pause link in reminder emails: it tells nothing, expires, and acts once."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.reminders import services
from naltrack.reminders.models import PauseLink, ReminderPreference
from naltrack.reminders.pause_links import MAX_AGE, pause_link_patient, pause_link_token
from tests.reminders.helpers import local
from tests.reminders.test_pages import VALID
from tests.reminders.test_schedule import on_injections

pytestmark = pytest.mark.django_db

GONE = "This link no longer works"


def url(token: str) -> str:
    return reverse("reminders:pause", args=[token])


def is_paused(patient) -> bool:
    return ReminderPreference.objects.filter(patient=patient, paused_non_essential=True).exists()


def decoded_parts(token: str) -> list[bytes]:
    """Every part of the token as base64 would read it: what anyone holding the email can see."""
    parts = []
    for part in token.split(":"):
        try:
            parts.append(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        except (binascii.Error, ValueError):
            parts.append(part.encode())
    return parts


def test_the_link_carries_a_random_secret_not_the_patient(patient, other_patient):
    token = pause_link_token(patient=patient)
    assert not any(b"patient" in part for part in decoded_parts(token))
    secret = token.split(":")[0]
    assert secret == PauseLink.objects.get(patient=patient).nonce and len(secret) >= 22
    assert pause_link_token(patient=other_patient).split(":")[0] != secret
    assert pause_link_patient(token=token) == patient


def test_the_link_in_a_reminder_email_pauses(client, patient, clinician):
    on_injections(patient, clinician)
    day_before = local(dt.date(2026, 11, 2), 9)
    services.reminders_tick(
        now=day_before,
        send=lambda pk: services.notification_send(notification_id=pk, now=day_before),
    )
    (email,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/reminders/pause/\S+)", email.body).group(1)
    assert client.get(link).status_code == 200 and not is_paused(patient)
    assert client.post(link).status_code == 200 and is_paused(patient)


def test_a_link_works_once(client, patient):
    token = pause_link_token(patient=patient)
    assert "are paused" in client.post(url(token)).content.decode()
    for again in (client.get(url(token)), client.post(url(token))):
        assert again.status_code == 404 and GONE in again.content.decode()


def test_pausing_or_resuming_in_the_app_kills_the_links_already_sent(client, patient):
    sent_while_running = pause_link_token(patient=patient)
    services.preference_update(patient=patient, by=None, paused_non_essential=True)
    assert pause_link_patient(token=sent_while_running) is None
    services.preference_update(patient=patient, by=None, paused_non_essential=False)
    assert pause_link_patient(token=sent_while_running) is None
    # The next email carries a link that works.
    assert pause_link_patient(token=pause_link_token(patient=patient)) == patient


def test_resuming_on_the_reminders_page_kills_an_older_link(client, patient):
    services.reminders_pause(patient=patient, by=None)
    services.preference_update(patient=patient, by=None, paused_non_essential=False)
    old = pause_link_token(patient=patient)
    client.force_login(patient.user)
    client.post("/me/reminders/", VALID)  # paused again, on the page
    client.post("/me/reminders/", {**VALID, "paused_non_essential": ""})  # and resumed
    assert not is_paused(patient)
    client.logout()
    assert client.post(url(old)).status_code == 404
    assert not is_paused(patient)


def test_other_changes_on_the_reminders_page_keep_the_link(client, patient):
    token = pause_link_token(patient=patient)
    services.preference_update(patient=patient, by=None, reminder_time=dt.time(20, 30))
    assert pause_link_patient(token=token) == patient


def test_a_link_expires_after_two_weeks(client, patient, monkeypatch):
    now = time.time()
    with monkeypatch.context() as clock:
        clock.setattr(time, "time", lambda: now - MAX_AGE.total_seconds() - 60)
        expired = pause_link_token(patient=patient)
        clock.setattr(time, "time", lambda: now - MAX_AGE.total_seconds() + 60)
        fresh = pause_link_token(patient=patient)
    assert dt.timedelta(days=14) == MAX_AGE
    assert client.post(url(expired)).status_code == 404 and not is_paused(patient)
    assert client.post(url(fresh)).status_code == 200 and is_paused(patient)


@pytest.mark.parametrize(
    "make_token",
    [
        lambda token, patient: token[:-2] + ("xx" if not token.endswith("xx") else "yy"),
        lambda token, patient: "nonsense",
        lambda token, patient: "a:b:c:d",
        # The old kind of link: the patient's id in readable JSON, signed.
        lambda token, patient: signing.dumps(
            {"patient": patient.pk}, salt="naltrack.reminders.pause"
        ),
        # A real secret with a made-up signature.
        lambda token, patient: PauseLink.objects.get(patient=patient).nonce + ":1:forged",
    ],
    ids=["altered", "nonsense", "too many parts", "old format", "forged signature"],
)
def test_a_bad_link_gets_a_kind_page_that_names_no_one(client, patient, make_token):
    token = make_token(pause_link_token(patient=patient), patient)
    for response in (
        client.get(f"/reminders/pause/{token}/"),
        client.post(f"/reminders/pause/{token}/"),
    ):
        page = response.content.decode()
        assert response.status_code == 404 and GONE in page
        assert patient.clinic.name not in page and patient.given_name not in page
    assert not is_paused(patient)
    assert not AuditEvent.objects.filter(
        patient_id=patient.pk, object_type="reminderpreference"
    ).exists()
