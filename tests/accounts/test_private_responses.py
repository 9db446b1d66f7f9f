"""Pages of a signed-in person are never stored by a browser or proxy, and every page denies
browser features Naltrack does not use."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "page"),
    [
        ("clinician", "clinician:home"),
        ("clinician", "clinician:patient_list"),
        ("clinic_admin", "accounts:audit_log"),
        ("patient", "patient:home"),
        ("patient", "patient:progress"),
    ],
)
def test_signed_in_pages_are_not_stored(client, request, who, page):
    user = request.getfixturevalue(who)
    client.force_login(getattr(user, "user", user))
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_the_chart_is_not_stored(client, clinician, patient):
    client.force_login(clinician)
    response = client.get(reverse("clinician:patient_chart", args=[patient.pk]))
    assert response["Cache-Control"] == "no-store"


def test_every_page_denies_unused_browser_features(client):
    response = client.get(reverse("accounts:login"))
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
