"""The clinic admin edits the public page: name, contact, hours and welcome, audited with old
and new values; bad input lands on its field; only the clinic's own admin may."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from naltrack.accounts.models import PUBLIC_INTRO_MAX_CHARS, Clinic, Membership
from naltrack.audit.models import AuditEvent
from tests.factories import member

pytestmark = pytest.mark.django_db

URL = "/clinic/front-page/"
VALID = {
    "name": "Riverside Recovery",
    "phone": "201.555.0199",
    "email": "Care@Riverside.example",
    "address": "100 River Street",
    "hours": "Mon-Fri 8am-5pm",
    "public_intro": "Welcome.\r\nWe are here.",
}


@pytest.fixture
def admin_client(client: Client, clinic_admin) -> Client:
    client.force_login(clinic_admin)
    return client


def test_the_admin_saves_the_page_and_each_change_is_audited(
    admin_client: Client, clinic: Clinic, clinic_admin
) -> None:
    old_name = clinic.name
    response = admin_client.post(URL, VALID)
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.name == "Riverside Recovery"
    assert clinic.phone == "(201) 555-0199"
    assert clinic.email == "care@riverside.example"
    assert clinic.hours == "Mon-Fri 8am-5pm"
    assert clinic.public_intro == "Welcome.\nWe are here."
    event = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE, object_type="clinic")
    assert event.actor_id == clinic_admin.pk
    assert event.clinic_id == clinic.pk
    assert event.detail["changes"]["name"] == [old_name, "Riverside Recovery"]
    assert event.detail["changes"]["hours"] == ["", "Mon-Fri 8am-5pm"]


def test_saving_again_unchanged_audits_nothing_more(admin_client: Client) -> None:
    admin_client.post(URL, VALID)
    admin_client.post(URL, VALID)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).count() == 1


def test_the_page_shows_the_saved_values_and_links_to_the_public_page(
    admin_client: Client, clinic: Clinic
) -> None:
    admin_client.post(URL, VALID)
    html = admin_client.get(URL).content.decode()
    assert 'value="Mon-Fri 8am-5pm"' in html
    assert reverse("public:clinic", args=[clinic.slug]) in html
    assert "See your public page" in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "555-CALL-NOW", "Enter a phone number"),
        ("phone", "12", "Enter a phone number"),
        ("email", "not an email", "Enter an email address"),
        ("name", "   ", "Give the clinic"),
        ("public_intro", "x" * (PUBLIC_INTRO_MAX_CHARS + 1), "1,500 characters or fewer"),
    ],
)
def test_bad_input_gets_an_error_on_its_field_and_saves_nothing(
    admin_client: Client, clinic: Clinic, field: str, value: str, message: str
) -> None:
    before = Clinic.objects.values().get(pk=clinic.pk)
    response = admin_client.post(URL, {**VALID, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode().replace("&#x27;", "'")
    assert Clinic.objects.values().get(pk=clinic.pk) == before
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).exists()


def test_the_clinic_page_links_to_it_for_admins(admin_client: Client) -> None:
    html = admin_client.get(reverse("accounts:admin_home")).content.decode()
    assert URL in html


@pytest.mark.parametrize("role", [Membership.Role.CLINICIAN, Membership.Role.PATIENT])
def test_clinicians_and_patients_cannot_open_or_save_it(
    client: Client, clinic: Clinic, role: str
) -> None:
    client.force_login(member(clinic, role))
    assert client.get(URL).status_code == 404
    assert client.post(URL, VALID).status_code == 404
    clinic.refresh_from_db()
    assert clinic.name != VALID["name"]


def test_another_clinics_admin_changes_only_their_own(
    client: Client, clinic: Clinic, other_clinic: Clinic
) -> None:
    client.force_login(member(other_clinic, Membership.Role.ADMIN))
    client.post(URL, VALID)
    clinic.refresh_from_db()
    other_clinic.refresh_from_db()
    assert other_clinic.name == "Riverside Recovery"
    assert clinic.name != "Riverside Recovery"
