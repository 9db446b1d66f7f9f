"""The intake queue tells a clinic nothing about another clinic's people: a form whose email has
an account at another clinic reads, is accepted and is re-invited exactly like a new address."""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from naltrack.accounts.models import Membership, User
from naltrack.care.models import Patient
from naltrack.enrollment.models import Enrollment
from tests.enrollment.helpers import posted, submitted
from tests.factories import patient_with_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, clinician):
    client.force_login(clinician)
    return client


@pytest.fixture
def elsewhere(other_clinic):
    """A patient of the other clinic, with their sign-in."""
    return patient_with_login(other_clinic).user


def detail(enrollment):
    return reverse("enrollment:intake_detail", args=[enrollment.pk])


def accept(client, enrollment, email):
    return client.post(reverse("enrollment:intake_accept", args=[enrollment.pk]), {"email": email})


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_public_form_with_an_address_held_elsewhere_reads_as_new(signed_in, clinic, elsewhere):
    Client().post(reverse("enrollment:enroll_clinic", args=[clinic.slug]), posted())
    Client().post(
        reverse("enrollment:enroll_clinic", args=[clinic.slug]),
        posted(email=elsewhere.email, given_name="Ann", family_name="Other"),
    )
    new, known = Enrollment.objects.order_by("id")

    new_page = signed_in.get(detail(new)).text
    known_page = signed_in.get(detail(known)).text

    assert "already has a Naltrack account" not in known_page
    assert "Accepting with this email will not work" not in known_page
    assert new_page.count("notice-warning") == known_page.count("notice-warning")


def test_accepting_an_address_held_elsewhere_answers_like_a_new_one(
    signed_in, clinic, other_clinic, elsewhere
):
    new = submitted(clinic)
    known = submitted(
        clinic,
        email=elsewhere.email,
        given_name="Ann",
        family_name="Other",
        phone="(312) 555-0177",
    )

    accepted_new = accept(signed_in, new, new.email)
    mail.outbox.clear()
    accepted_known = accept(signed_in, known, elsewhere.email.upper())

    patient = Patient.objects.get(clinic=clinic, family_name="Other")
    assert accepted_known.status_code == accepted_new.status_code == 302
    assert accepted_known.url == reverse("clinician:patient_chart", args=[patient.pk])
    assert messages_of(accepted_known)[-1] == (
        f"Ann Other is now a patient. An invitation to choose a password was sent to "
        f"{elsewhere.email}."
    )
    # The patient is the clinic's, without an account; the other clinic's account is untouched.
    assert patient.user is None
    assert patient.email == elsewhere.email
    elsewhere.refresh_from_db()
    assert elsewhere.membership.clinic == other_clinic
    assert elsewhere.patient.clinic == other_clinic
    assert User.objects.filter(email__iexact=elsewhere.email).count() == 1
    # Its owner hears which clinic tried, and gets no link.
    (note,) = mail.outbox
    assert note.to == [elsewhere.email]
    assert clinic.name in note.body
    assert "http" not in note.body

    # The intake page afterwards offers the same "send again" as for a new address.
    page = signed_in.get(detail(known)).text
    assert f"{elsewhere.email} has not chosen a password yet" in page
    resent = signed_in.post(reverse("enrollment:intake_invite", args=[known.pk]))
    assert messages_of(resent)[-1] == "A new invitation was sent."
    assert len(mail.outbox) == 2 and mail.outbox[1].to == [elsewhere.email]


def test_an_address_of_this_clinic_is_still_reported_plainly(signed_in, clinic, clinician):
    enrollment = submitted(clinic, email=clinician.email)
    page = signed_in.get(detail(enrollment)).text
    assert "already has a Naltrack account at this clinic" in page
    response = accept(signed_in, enrollment, clinician.email)
    assert response.status_code == 200
    assert not Patient.objects.exists()
    assert clinician.membership.role == Membership.Role.CLINICIAN


def test_sending_the_invitation_again_kills_the_older_link(signed_in, clinic):
    enrollment = submitted(clinic)
    accept(signed_in, enrollment, enrollment.email)
    older = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)

    signed_in.post(reverse("enrollment:intake_invite", args=[enrollment.pk]))

    assert len(mail.outbox) == 2
    assert "already been used or has expired" in Client().get(older, follow=True).text
    newer = re.search(r"http://testserver(/\S+)", mail.outbox[1].body).group(1)
    assert "choose your password" in Client().get(newer, follow=True).text.lower()
