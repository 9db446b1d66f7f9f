"""A patient who sets a password through their invitation is signed in and lands on their home;
staff keep their path (the authenticator first), and a password reset signs no one in."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from naltrack.accounts.services import invitation_send, member_create
from naltrack.audit.models import AuditEvent
from tests.accounts.helpers import link_in
from tests.factories import patient_with_login

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-42"


@pytest.fixture
def invited_patient(clinic):
    patient = patient_with_login(clinic)
    patient.user.set_unusable_password()
    patient.user.save()
    invitation_send(user=patient.user, invited_by=None, request=None, base_url="http://testserver/")
    return patient


def set_password_through(client, link: str):
    form_page = client.get(link, follow=True)
    assert "Welcome: choose your password" in form_page.text
    return client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


@pytest.mark.parametrize("two_factor", [True, False])
def test_an_invited_patient_is_signed_in_and_welcomed_home(
    client, clinic, invited_patient, two_factor
):
    with override_settings(NALTRACK_REQUIRE_2FA=two_factor):
        saved = set_password_through(client, link_in(mail.outbox[0]))
        assert saved.status_code == 302
        assert saved["Location"] == reverse("patient:home")
        assert client.session["_auth_user_id"] == str(invited_patient.user.pk)
        home = client.get(saved["Location"])
    assert home.status_code == 200
    assert f"Welcome to {clinic.name}! Your password is saved and you are signed in." in home.text
    invited_patient.user.refresh_from_db()
    assert invited_patient.user.check_password(NEW_PASSWORD)
    sign_in = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN)
    assert (sign_in.actor_id, sign_in.clinic_id) == (invited_patient.user.pk, clinic.pk)


def test_the_invitation_link_still_works_only_once(client, invited_patient):
    link = link_in(mail.outbox[0])
    set_password_through(client, link)
    client.logout()
    reused = client.get(link, follow=True)
    assert "already been used or has expired" in reused.text


def test_a_suspended_clinics_patient_is_not_signed_in(client, clinic, invited_patient):
    clinic.suspended_at = timezone.now()
    clinic.save()
    saved = set_password_through(client, link_in(mail.outbox[0]))
    assert saved["Location"] == reverse("accounts:password_reset_complete")
    assert "_auth_user_id" not in client.session
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN).exists()


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_invited_staff_still_set_up_their_authenticator_first(client, clinic):
    invited = member_create(
        clinic=clinic, email="kim@clinic.example", full_name="Nurse Kim", role="clinician"
    )
    invitation_send(user=invited, invited_by=None, request=None, base_url="http://testserver/")
    saved = set_password_through(client, link_in(mail.outbox[0]))
    assert saved["Location"] == reverse("accounts:two_factor")
    # Signed in only as far as the setup page: the staff pages still ask for the second factor.
    assert client.get(reverse("clinician:home")).status_code != 200


@override_settings(NALTRACK_REQUIRE_2FA=False)
def test_invited_staff_without_required_two_factor_sign_in_themselves(client, clinic):
    invited = member_create(
        clinic=clinic, email="kim@clinic.example", full_name="Nurse Kim", role="clinician"
    )
    invitation_send(user=invited, invited_by=None, request=None, base_url="http://testserver/")
    saved = set_password_through(client, link_in(mail.outbox[0]))
    assert saved["Location"] == reverse("accounts:password_reset_complete")
    assert "_auth_user_id" not in client.session


def test_a_patients_password_reset_signs_no_one_in(client, patient):
    client.post(reverse("accounts:password_reset"), {"email": patient.user.email})
    form_page = client.get(link_in(mail.outbox[0]), follow=True)
    saved = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert saved["Location"] == reverse("accounts:password_reset_complete")
    assert "_auth_user_id" not in client.session
