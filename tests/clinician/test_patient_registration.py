"""Registering and correcting a patient refuses duplicates and nonsense with clear field errors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.care.models import Patient
from tests.clinician.test_patient_details import VALID
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

NEW = reverse("clinician:patient_new")


def errors_of(response):
    assert response.status_code == 200
    return response.context["form"].errors


def test_a_record_number_of_another_patient_is_a_form_error(signed_in, clinic):
    PatientFactory(clinic=clinic, medical_record_number="12345")
    response = signed_in.post(NEW, {**VALID, "medical_record_number": " 12345 "})
    assert errors_of(response)["medical_record_number"] == [
        "Record number 12345 already belongs to another patient of this clinic."
    ]
    assert Patient.objects.count() == 1


def test_editing_keeps_the_patients_own_record_number(signed_in, clinic):
    patient = PatientFactory(
        clinic=clinic, given_name="Ana", family_name="Ruiz", medical_record_number="A1"
    )
    data = {**VALID, "date_of_birth": patient.date_of_birth.isoformat()}
    response = signed_in.post(
        reverse("clinician:patient_edit", args=[patient.pk]),
        {**data, "medical_record_number": "a 1"},
    )
    assert response.status_code == 302


def test_a_record_number_of_another_clinic_is_free(signed_in, other_clinic):
    PatientFactory(clinic=other_clinic, medical_record_number="12345")
    assert signed_in.post(NEW, {**VALID, "medical_record_number": "12345"}).status_code == 302


@pytest.mark.parametrize("pregnancy", ["yes", "breastfeeding"])
def test_male_and_pregnant_is_an_error_on_both_fields(signed_in, pregnancy):
    response = signed_in.post(NEW, {**VALID, "sex": "male", "pregnancy": pregnancy})
    errors = errors_of(response)
    assert errors["sex"] == errors["pregnancy"]
    assert "Sex" in errors["sex"][0] and "Pregnancy" in errors["sex"][0]
    assert not Patient.objects.exists()


@pytest.mark.parametrize("typed", ["(312) 555-0199", "+1 312 555 0199", "312.555.0199"])
def test_phone_numbers_typed_the_usual_ways_are_stored_in_e164(signed_in, typed):
    assert signed_in.post(NEW, {**VALID, "phone": typed}).status_code == 302
    assert Patient.objects.get().phone.as_e164 == "+13125550199"


@pytest.mark.parametrize("field", ["phone", "emergency_contact_phone"])
def test_not_a_phone_is_refused_with_an_example(signed_in, field):
    response = signed_in.post(NEW, {**VALID, field: "not a phone"})
    assert "Enter a phone number, for example (201) 555-0123" in errors_of(response)[field][0]
    assert response.context["form"][field].value() == "not a phone"


def test_text_reminders_without_a_phone_are_refused(signed_in):
    response = signed_in.post(NEW, {**VALID, "phone": "", "reminder_channel": "sms"})
    assert "need a mobile number" in errors_of(response)["reminder_channel"][0]


def test_text_reminders_to_a_landline_are_refused(signed_in):
    response = signed_in.post(
        NEW, {**VALID, "phone": "+44 20 7946 0958", "reminder_channel": "sms"}
    )
    assert "is a landline" in errors_of(response)["reminder_channel"][0]


def test_the_chart_shows_the_number_in_the_national_format(signed_in, clinic):
    patient = PatientFactory(clinic=clinic, phone="+13125550199")
    text = signed_in.get(reverse("clinician:patient_chart", args=[patient.pk])).text
    assert '<a href="tel:+13125550199">(312) 555-0199</a>' in text


def test_the_edit_form_shows_the_number_in_the_national_format(signed_in, clinic):
    patient = PatientFactory(clinic=clinic, phone="+13125550199")
    text = signed_in.get(reverse("clinician:patient_edit", args=[patient.pk])).text
    assert 'value="(312) 555-0199"' in text


# --- likely duplicates ---------------------------------------------------------------------------


def ana_ruiz(clinic, **details):
    return PatientFactory(
        clinic=clinic,
        given_name="ANA",
        family_name="Ruíz",
        date_of_birth=dt.date(1990, 4, 2),
        **details,
    )


def test_an_exact_copy_of_a_patient_is_flagged_and_nothing_is_registered(signed_in, clinic):
    ana = ana_ruiz(clinic, medical_record_number="RRC1001")
    response = signed_in.post(NEW, VALID)
    assert "different_person_reason" in errors_of(response)
    assert Patient.objects.count() == 1
    text = response.text
    assert "This may be a patient you already have" in text
    chart = reverse("clinician:patient_chart", args=[ana.pk])
    assert f'<a href="{chart}">ANA Ruíz</a>' in text
    assert "same name and date of birth" in text
    assert response.context["form"]["insurance_payer"].value() == "Blue River Health"


@pytest.mark.parametrize(
    ("existing", "same"),
    [
        ({"email": "ana@example.com"}, "same email"),
        ({"phone": "+13125550142"}, "same phone number"),
    ],
)
def test_the_same_email_or_phone_is_flagged(signed_in, clinic, existing, same):
    PatientFactory(clinic=clinic, given_name="Other", family_name="Person", **existing)
    response = signed_in.post(NEW, {**VALID, "email": "ANA@example.com"})
    assert same in response.text
    assert not Patient.objects.filter(family_name="Ruiz").exists()


def test_registering_anyway_keeps_the_reason_in_the_audit_trail(signed_in, clinic):
    ana = ana_ruiz(clinic)
    response = signed_in.post(NEW, {**VALID, "different_person_reason": "Twins"})
    assert response.status_code == 302
    twin = Patient.objects.exclude(pk=ana.pk).get()
    event = AuditEvent.objects.get(action="create", object_type="patient", patient_id=twin.pk)
    assert event.detail == {"likely_duplicate_of": [ana.pk], "different_person_reason": "Twins"}


def test_another_clinics_patient_is_never_shown(signed_in, other_clinic):
    ana_ruiz(other_clinic, email="ana@example.com")
    response = signed_in.post(NEW, {**VALID, "email": "ana@example.com"})
    assert response.status_code == 302
    assert Patient.objects.count() == 2
