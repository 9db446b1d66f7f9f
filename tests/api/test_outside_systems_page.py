"""The clinic admin's Outside systems page: register (the secret shown once), list, revoke."""

from __future__ import annotations

import pytest
from django.test import Client

from naltrack.api.models import OutsideClient
from naltrack.audit.models import AuditEvent
from tests.api.outside_helpers import registered

pytestmark = pytest.mark.django_db

URL = "/clinic/outside-systems/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_admin_registers_a_system_and_sees_its_secret_once(clinic_admin):
    client = signed_in(clinic_admin)
    response = client.post(
        URL,
        {
            "recipient_name": "Eastside Family Practice",
            "recipient_role": "treating_provider",
            "purpose": "treatment",
            "scopes": ["records:read", "patients:read"],
        },
    )
    assert response.status_code == 200
    secret = response.context["registered"].client_secret
    assert secret in response.content.decode()
    outside = OutsideClient.objects.get()
    assert outside.clinic == clinic_admin.clinic_membership.clinic
    assert secret not in client.get(URL).content.decode()
    assert AuditEvent.objects.filter(object_type="outsideclient", action="create").exists()


def test_a_missing_recipient_is_a_form_error(clinic_admin):
    response = signed_in(clinic_admin).post(URL, {"recipient_role": "payer", "purpose": "payment"})
    assert response.status_code == 200
    assert "recipient_name" in response.context["form"].errors
    assert not OutsideClient.objects.exists()


def test_an_admin_revokes_a_system(clinic, clinic_admin):
    outside = registered(clinic).client
    response = signed_in(clinic_admin).post(f"{URL}{outside.pk}/revoke/")
    assert response.status_code == 302
    outside.refresh_from_db()
    assert outside.revoked_at is not None


def test_another_clinics_admin_cannot_revoke(clinic, other_clinic):
    from naltrack.accounts.models import Membership
    from tests.factories import member

    outside = registered(clinic).client
    stranger = member(other_clinic, Membership.Role.ADMIN)
    assert signed_in(stranger).post(f"{URL}{outside.pk}/revoke/").status_code == 404
    outside.refresh_from_db()
    assert outside.revoked_at is None


def test_clinicians_do_not_see_the_page(clinician):
    assert signed_in(clinician).get(URL).status_code == 404
