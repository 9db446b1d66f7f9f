from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from naltrack.accounts.models import Membership, User
from naltrack.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-42"


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_admin_invites_staff_who_sets_a_password(client, clinic_admin, clinic):
    client.force_login(clinic_admin)
    response = client.post(
        reverse("accounts:admin_home"),
        {"full_name": "Nurse Kim", "email": "Kim@Clinic.example", "role": "clinician"},
    )
    assert response.status_code == 302
    invited = User.objects.get(email="kim@clinic.example")
    assert invited.membership.clinic == clinic
    assert invited.membership.role == Membership.Role.CLINICIAN
    assert not invited.has_usable_password()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.INVITE, object_id=str(invited.pk)
    ).exists()

    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0])
    client.logout()
    form_page = client.get(link, follow=True)
    assert "choose your password" in form_page.text.lower()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)

    # The link works once.
    reused = client.get(link, follow=True)
    assert "already been used or has expired" in reused.text


def test_invite_form_errors_are_specific(client, clinic_admin, clinician):
    client.force_login(clinic_admin)
    response = client.post(
        reverse("accounts:admin_home"),
        {"full_name": "", "email": clinician.email, "role": "superhero"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"full_name", "role"}
    duplicate = client.post(
        reverse("accounts:admin_home"),
        {"full_name": "X", "email": clinician.email, "role": "clinician"},
    )
    assert "already has an account" in duplicate.text
    assert not mail.outbox


def test_password_reset_sends_a_working_link(client, clinician):
    response = client.post(reverse("accounts:password_reset"), {"email": clinician.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    clinician.refresh_from_db()
    assert clinician.check_password(NEW_PASSWORD)


def test_password_reset_does_not_reveal_unknown_emails(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@nowhere.example"})
    assert response.status_code == 302
    assert not mail.outbox


def test_password_reset_emails_to_one_address_are_limited(client, clinician):
    from naltrack.accounts.forms import RESET_EMAILS_MAX

    spellings = [clinician.email, clinician.email.upper(), f" {clinician.email} "]
    for n in range(20):
        response = client.post(reverse("accounts:password_reset"), {"email": spellings[n % 3]})
        # The page answers the same whether or not a link was sent.
        assert response.status_code == 302
    assert len(mail.outbox) == RESET_EMAILS_MAX
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.PASSWORD_RESET, object_id=str(clinician.pk)
        ).count()
        == RESET_EMAILS_MAX
    )
