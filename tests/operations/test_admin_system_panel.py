"""The clinic admin's home shows whether the background worker is alive and how many of the
clinic's reminders failed, with the way to where they are listed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naltrack.reminders.models import Notification
from tests.operations.helpers import beat

pytestmark = pytest.mark.django_db


def failed(patient, *, hours_ago: float, handled: bool = False) -> None:
    at = timezone.now() - dt.timedelta(hours=hours_ago)
    Notification.objects.create(
        patient=patient,
        kind="dose",
        channel="email",
        due_at=at,
        send_after=at,
        status=Notification.Status.FAILED,
        handled_at=timezone.now() if handled else None,
    )


def admin_home(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("accounts:admin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_live_worker_and_the_clinics_failed_reminders(clinic_admin, patient, foreign_patient):
    beat("worker", seconds_ago=12)
    failed(patient, hours_ago=2)
    failed(patient, hours_ago=48)  # older than a day, not yet handled
    failed(patient, hours_ago=3, handled=True)
    failed(foreign_patient, hours_ago=1)  # another clinic's
    page = admin_home(clinic_admin)
    assert '<h2 id="system-heading">System</h2>' in page
    assert "<strong>running</strong>, last seen 12 seconds ago" in page
    assert "in the last 24 hours: <strong>2</strong>; 2 still to handle" in page
    assert f'href="{reverse("clinician:home")}#delivery-problems"' in page


def test_a_stale_worker_is_said_plainly(clinic_admin):
    beat("worker", seconds_ago=600)
    page = admin_home(clinic_admin)
    assert "<strong>not responding</strong>: last seen 600 seconds ago" in page
    assert "Reminders are not being sent" in page
    assert "in the last 24 hours: <strong>0</strong>." in page
    assert "#delivery-problems" not in page


def test_a_worker_that_never_started(clinic_admin):
    assert "<strong>not running</strong>: it has never started" in admin_home(clinic_admin)


def test_the_link_leads_to_the_list_of_failed_reminders(clinic_admin, patient):
    failed(patient, hours_ago=1)
    client = Client()
    client.force_login(clinic_admin)
    today = client.get(reverse("clinician:home")).content.decode()
    assert 'id="delivery-problems"' in today
    assert "Messages we could not deliver (1)" in today
