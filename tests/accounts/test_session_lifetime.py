"""A sign-in ends a fixed time after it began; a staff sign-in also ends after a quiet spell."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from naltrack.accounts.session_lifetime import LAST_SEEN, SIGNED_IN_AT
from naltrack.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def backdate(client, key, seconds):
    session = client.session
    session[key] = int(time.time()) - seconds
    session.save()


def test_staff_idle_for_longer_than_the_limit_are_signed_out(client, clinician, settings):
    settings.NALTRACK_STAFF_IDLE_MINUTES = 30
    client.force_login(clinician)
    backdate(client, LAST_SEEN, 31 * 60)
    response = client.get(reverse("clinician:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "signed_out=idle" in response["Location"]
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).latest("id")
    assert event.actor_id == clinician.pk
    assert event.detail == {"reason": "idle"}
    page = client.get(response["Location"])
    assert "without activity" in page.content.decode()


def test_activity_keeps_a_staff_session_alive(client, clinician, settings):
    settings.NALTRACK_STAFF_IDLE_MINUTES = 30
    client.force_login(clinician)
    backdate(client, LAST_SEEN, 29 * 60)
    assert client.get(reverse("clinician:home")).status_code == 200
    # The request counted as activity: the quiet spell starts again from now.
    assert int(time.time()) - client.session[LAST_SEEN] < 5


def test_the_idle_limit_is_configurable(client, clinician, settings):
    settings.NALTRACK_STAFF_IDLE_MINUTES = 5
    client.force_login(clinician)
    backdate(client, LAST_SEEN, 6 * 60)
    assert client.get(reverse("clinician:home")).status_code == 302


def test_a_patient_is_not_signed_out_for_being_idle(client, patient, settings):
    settings.NALTRACK_STAFF_IDLE_MINUTES = 30
    client.force_login(patient.user)
    backdate(client, LAST_SEEN, 3 * 3600)
    assert client.get(reverse("patient:home")).status_code == 200


@pytest.mark.parametrize("who", ["clinician", "patient"])
def test_every_session_ends_after_its_absolute_lifetime(client, request, settings, who):
    settings.NALTRACK_SESSION_HOURS = 8
    person = request.getfixturevalue(who)
    client.force_login(getattr(person, "user", person))
    backdate(client, SIGNED_IN_AT, 8 * 3600 + 60)
    backdate(client, LAST_SEEN, 0)
    home = "clinician:home" if who == "clinician" else "patient:home"
    response = client.get(reverse(home))
    assert response.status_code == 302
    assert "signed_out=expired" in response["Location"]


def test_an_htmx_request_after_the_limit_loads_the_sign_in_page(client, clinician, settings):
    settings.NALTRACK_STAFF_IDLE_MINUTES = 30
    client.force_login(clinician)
    backdate(client, LAST_SEEN, 31 * 60)
    response = client.get(reverse("clinician:home"), headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("accounts:login"))


def test_the_absolute_lifetime_is_shorter_than_a_day(settings):
    assert settings.SESSION_COOKIE_AGE == settings.NALTRACK_SESSION_HOURS * 3600 < 12 * 3600
