"""Inviting staff tells a clinic nothing about another clinic's people: an address with an
account elsewhere is answered exactly like a new one, and its owner gets a neutral note."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from naltrack.accounts.models import Membership, User
from naltrack.audit.models import AuditEvent
from tests.factories import patient_with_login

pytestmark = pytest.mark.django_db


def invite(client, email):
    return client.post(
        reverse("accounts:admin_home"),
        {"full_name": "Sam Rivera", "email": email, "role": "clinician"},
        follow=True,
    )


def test_an_address_held_at_another_clinic_looks_new(client, clinic_admin, other_clinic):
    elsewhere = patient_with_login(other_clinic).user
    client.force_login(clinic_admin)

    new = invite(client, "sam.rivera@example.com")
    mail.outbox.clear()
    known = invite(client, elsewhere.email.upper())

    messages = [str(message) for message in known.context["messages"]]
    assert messages == [f"Invitation sent to {elsewhere.email}."]
    assert [str(message) for message in new.context["messages"]] == [
        "Invitation sent to sam.rivera@example.com."
    ]
    assert known.redirect_chain == new.redirect_chain
    assert "already" not in known.text
    # Nothing is created or moved: the account stays the other clinic's.
    elsewhere.refresh_from_db()
    assert elsewhere.membership.clinic == other_clinic
    assert elsewhere.membership.role == Membership.Role.PATIENT
    assert User.objects.filter(email__iexact=elsewhere.email).count() == 1
    # Its owner is told which clinic tried, with no link to follow.
    (note,) = mail.outbox
    assert note.to == [elsewhere.email]
    assert clinic_admin.membership.clinic.name in note.body
    assert "http" not in note.body
    # The attempt is kept for operators only, under no clinic.
    attempt = AuditEvent.objects.get(action=AuditEvent.Action.INVITE, object_id=str(elsewhere.pk))
    assert attempt.clinic_id is None
    assert attempt.actor_id == clinic_admin.pk


def test_an_address_of_this_clinic_is_reported_plainly(client, clinic_admin, clinician):
    client.force_login(clinic_admin)
    response = invite(client, clinician.email)
    assert response.status_code == 200
    assert f"{clinician.email} already has an account at this clinic" in response.text
    assert not mail.outbox
