"""Pages of a signed-in person are never stored by a browser or proxy, and every page denies
browser features Naltrack does not use."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from naltrack.accounts.session_lifetime import SIGNED_IN_AT
from tests.test_url_access import PUBLIC, ROUTES, _url

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


# Every route a patient may open, walked from the URL resolver: whatever a patient's request
# gets back (page, fragment, PDF, redirect, 404, 405), no browser may keep a copy.
PATIENT_ROUTES = [
    route
    for route in ROUTES
    if "patient" in getattr(route.callback, "access_roles", ()) or route.name in PUBLIC
]


def test_the_walk_covers_the_patient_side():
    names = {route.name for route in PATIENT_ROUTES}
    assert {"patient:home", "patient:wallet_card", "reminders:preferences"} <= names


@pytest.mark.parametrize("route", PATIENT_ROUTES, ids=lambda r: r.name)
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_no_response_to_a_signed_in_patient_is_stored(route, method, htmx, world):
    client = Client(raise_request_exception=False)
    client.force_login(world["patient"])
    headers = {"HX-Request": "true"} if htmx else {}
    response = getattr(client, method)(_url(route, world["values"]), headers=headers)
    assert response["Cache-Control"] == "no-store", (method, route.name, response.status_code)


def test_signing_out_is_not_stored(client, patient):
    client.force_login(patient.user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Cache-Control"] == "no-store"


def test_an_expired_session_is_not_stored(client, patient, settings):
    client.force_login(patient.user)
    settings.NALTRACK_SESSION_HOURS = 0
    session = client.session
    session[SIGNED_IN_AT] = 0
    session.save()
    response = client.get(reverse("patient:home"))
    assert "signed_out=expired" in response["Location"]
    assert response["Cache-Control"] == "no-store"


def test_staff_sent_to_two_step_sign_in_are_not_stored(client, clinician, settings):
    settings.NALTRACK_REQUIRE_2FA = True
    client.force_login(clinician)
    response = client.get(reverse("clinician:home"))
    assert response.status_code == 302 and "two" in response["Location"]
    assert response["Cache-Control"] == "no-store"


def test_a_missing_page_for_a_signed_in_person_is_not_stored(client, patient):
    client.force_login(patient.user)
    response = client.get("/me/nothing-here/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"
