"""At intake the clinician sees which of the clinic's patients a form may come from, and either
accepts it onto that patient's chart or creates a new patient with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.care.models import ClinicalNote, OpioidExposure, Patient
from naltrack.enrollment.models import Enrollment
from tests.enrollment.helpers import form_url, posted, submitted
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, clinician):
    client.force_login(clinician)
    return client


def detail(enrollment):
    return reverse("enrollment:intake_detail", args=[enrollment.pk])


def accept(enrollment):
    return reverse("enrollment:intake_accept", args=[enrollment.pk])


def jane(clinic, **details):
    return PatientFactory(
        clinic=clinic,
        given_name="JANE",
        family_name="Doé",
        date_of_birth=dt.date(1990, 3, 31),
        **details,
    )


def test_the_intake_page_names_the_patient_the_form_may_come_from(signed_in, clinic):
    existing = jane(clinic)
    text = signed_in.get(detail(submitted(clinic))).text
    assert "This may be a patient the clinic already has" in text
    chart = reverse("clinician:patient_chart", args=[existing.pk])
    assert f'<a href="{chart}">JANE Doé</a>' in text
    assert "same name and date of birth" in text


def test_accepting_without_an_answer_creates_nobody(signed_in, clinic):
    jane(clinic)
    enrollment = submitted(clinic)
    response = signed_in.post(accept(enrollment), {"email": ""})
    assert response.status_code == 200
    assert "same_person" in response.context["accept_form"].errors
    assert Patient.objects.count() == 1
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.NEW


def test_this_is_the_same_person_accepts_the_form_onto_their_chart(signed_in, clinic):
    existing = jane(clinic)
    enrollment = submitted(clinic)
    response = signed_in.post(accept(enrollment), {"email": "", "same_person": existing.pk})
    assert response.url == reverse("clinician:patient_chart", args=[existing.pk])
    assert Patient.objects.count() == 1
    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.patient_id) == (Enrollment.Status.ACCEPTED, existing.pk)
    assert ClinicalNote.objects.filter(patient=existing, text__contains="enrollment form").exists()
    assert OpioidExposure.objects.filter(patient=existing).exists()
    event = AuditEvent.objects.get(object_type="enrollment", detail__status="accepted")
    assert event.detail["linked_to_existing_patient"] is True


def test_a_different_person_needs_a_reason_kept_in_the_audit_trail(signed_in, clinic):
    existing = jane(clinic)
    enrollment = submitted(clinic)
    refused = signed_in.post(accept(enrollment), {"email": "", "same_person": "new"})
    assert "different_person_reason" in refused.context["accept_form"].errors
    assert Patient.objects.count() == 1

    signed_in.post(
        accept(enrollment),
        {"email": "", "same_person": "new", "different_person_reason": "Twins"},
    )
    new = Patient.objects.exclude(pk=existing.pk).get()
    event = AuditEvent.objects.get(action="create", object_type="patient", patient_id=new.pk)
    assert event.detail == {
        "likely_duplicate_of": [existing.pk],
        "different_person_reason": "Twins",
    }


def test_another_clinics_patient_is_neither_shown_nor_linkable(signed_in, clinic, other_clinic):
    foreign = jane(other_clinic, phone="+13125550123")
    enrollment = submitted(clinic)
    assert "This may be a patient" not in signed_in.get(detail(enrollment)).text
    response = signed_in.post(accept(enrollment), {"email": "", "same_person": foreign.pk})
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.patient_id != foreign.pk
    assert enrollment.patient.clinic == clinic


def test_text_messages_to_a_landline_are_refused_on_the_public_form(client, clinic):
    response = client.post(
        form_url(clinic), posted(preferred_contact="text", phone="+44 20 7946 0958")
    )
    assert response.status_code == 200
    assert "is a landline" in response.context["form"].errors["phone"][0]
    assert not Enrollment.objects.exists()


def test_the_public_form_stores_the_number_in_e164(client, clinic):
    client.post(form_url(clinic), posted(phone="+1 312 555 0123"))
    assert Enrollment.objects.get().phone.as_e164 == "+13125550123"
