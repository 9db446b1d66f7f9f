"""Behind a reverse proxy: the sign-in lockout, the enrollment limit and the audit trail count
each client by its own address, and a client cannot choose its address by sending the header."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.enrollment.models import Enrollment
from tests.accounts.test_login import sign_in
from tests.enrollment.helpers import form_url, posted

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _trusted_proxy(settings):
    settings.NALTRACK_TRUSTED_PROXIES = [PROXY]


def via_proxy(client_ip: str) -> dict[str, str]:
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_ip}


def test_one_persons_wrong_passwords_do_not_lock_out_everyone_behind_the_proxy(client, clinician):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, clinician.email, "wrong-password", **via_proxy("203.0.113.7"))
    assert sign_in(client, clinician.email, **via_proxy("203.0.113.7")).status_code == 429
    assert sign_in(client, clinician.email, **via_proxy("198.51.100.20")).status_code == 302


def test_a_guesser_cannot_escape_the_lockout_by_making_up_addresses(client, clinician):
    for n in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(
            client,
            clinician.email,
            "wrong-password",
            REMOTE_ADDR="198.51.100.9",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    locked = sign_in(
        client, clinician.email, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.99"
    )
    assert locked.status_code == 429


def test_the_enrollment_limit_counts_each_client_behind_the_proxy(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 2
    for n in range(2):
        client.post(form_url(clinic), posted(email=f"p{n}@example.com"), **via_proxy("203.0.113.7"))
    refused = client.post(
        form_url(clinic), posted(email="third@example.com"), **via_proxy("203.0.113.7")
    )
    assert refused.status_code == 429
    other = client.post(
        form_url(clinic), posted(email="n@example.com"), **via_proxy("198.51.100.20")
    )
    assert other.status_code == 302
    assert sorted(Enrollment.objects.values_list("ip_address", flat=True)) == [
        "198.51.100.20",
        "203.0.113.7",
        "203.0.113.7",
    ]


def test_the_audit_trail_records_the_client_not_the_proxy(client, clinician, patient):
    client.force_login(clinician)
    chart = reverse("clinician:patient_chart", args=[patient.pk])
    client.get(chart, **via_proxy("1.1.1.1, 203.0.113.7"))
    event = AuditEvent.objects.get(action=AuditEvent.Action.READ, patient_id=patient.pk)
    assert event.ip_address == "203.0.113.7"


@pytest.mark.parametrize(
    "header", ["unknown", "203.0.113.7, garbage", "::ffff:999.0.0.1", "\u00e9"]
)
def test_a_strange_header_never_breaks_a_page(client, clinic, clinician, header):
    sent = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": header}
    assert client.post(form_url(clinic), posted(), **sent).status_code == 302
    assert sign_in(client, clinician.email, "wrong-password", **sent).status_code == 200
    assert sign_in(client, clinician.email, **sent).status_code == 302
