"""The patient services refuse what the details form refuses, so no other door can store it."""

from __future__ import annotations

import datetime as dt

import pytest

from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Patient
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

BORN = dt.date(1990, 4, 2)


def create(clinic, **details):
    return services.patient_create(
        clinic=clinic,
        by=None,
        **{"given_name": "Ana", "family_name": "Ruiz", "date_of_birth": BORN, **details},
    )


def refused_on(field, make):
    with pytest.raises(ClinicalRuleError) as refusal:
        make()
    assert refusal.value.field == field
    return refusal.value.message


def test_a_record_number_is_kept_without_case_or_spaces(clinic):
    assert create(clinic, medical_record_number=" rrc 1001 ").medical_record_number == "RRC1001"


def test_a_record_number_belongs_to_one_patient_of_a_clinic(clinic, other_clinic):
    create(clinic, medical_record_number="12345")
    message = refused_on(
        "medical_record_number",
        lambda: create(clinic, given_name="Bo", medical_record_number=" 12345"),
    )
    assert message == "Record number 12345 already belongs to another patient of this clinic."
    assert create(other_clinic, medical_record_number="12345").pk  # another clinic's numbering
    assert Patient.objects.filter(clinic=clinic).count() == 1


def test_correcting_details_cannot_take_another_patients_record_number(clinic):
    create(clinic, medical_record_number="A1")
    other = create(clinic, given_name="Bo", medical_record_number="A2")
    refused_on(
        "medical_record_number",
        lambda: services.patient_update(patient=other, by=None, medical_record_number="a1"),
    )
    other.refresh_from_db()
    assert other.medical_record_number == "A2"


@pytest.mark.parametrize("pregnancy", ["yes", "breastfeeding"])
def test_a_male_patient_cannot_be_recorded_pregnant_or_breastfeeding(clinic, pregnancy):
    message = refused_on("pregnancy", lambda: create(clinic, sex="male", pregnancy=pregnancy))
    assert "Sex" in message and "Pregnancy" in message
    assert not Patient.objects.exists()


def test_changing_sex_to_male_of_a_pregnant_patient_is_refused(clinic):
    patient = create(clinic, sex="female", pregnancy="yes")
    refused_on("pregnancy", lambda: services.patient_update(patient=patient, by=None, sex="male"))
    patient.refresh_from_db()
    assert patient.sex == "female"


def test_phone_numbers_are_stored_in_e164(clinic):
    patient = create(clinic, phone="(312) 555-0199", emergency_contact_phone="+1 312 555 0100")
    patient.refresh_from_db()
    assert (patient.phone.as_e164, patient.emergency_contact_phone.as_e164) == (
        "+13125550199",
        "+13125550100",
    )
    assert Patient.objects.filter(phone="+13125550199").exists()


@pytest.mark.parametrize("field", ["phone", "emergency_contact_phone"])
def test_a_phone_that_is_not_a_number_is_refused(clinic, field):
    assert "not a phone number" in refused_on(field, lambda: create(clinic, **{field: "call me"}))


@pytest.mark.parametrize(
    ("phone", "words"),
    [("", "need a mobile number"), ("+442079460958", "is a landline")],
)
def test_text_reminders_need_a_mobile_number(clinic, phone, words):
    message = refused_on(
        "reminder_channel", lambda: create(clinic, phone=phone, reminder_channel="sms")
    )
    assert words in message


def test_text_reminders_to_a_us_number_are_accepted(clinic):
    # The US plan cannot tell mobiles from landlines: FIXED_LINE_OR_MOBILE is taken as textable.
    assert create(clinic, phone="(312) 555-0199", reminder_channel="sms").reminder_channel == "sms"


def test_registering_a_likely_duplicate_needs_a_reason_kept_in_the_audit_trail(clinic):
    first = PatientFactory(clinic=clinic, given_name="Ana", family_name="Ruiz", date_of_birth=BORN)
    refused_on("different_person_reason", lambda: create(clinic, likely_duplicates=[first]))
    twin = create(clinic, likely_duplicates=[first], different_person_reason=" Twins ")
    event = AuditEvent.objects.get(action="create", object_type="patient", patient_id=twin.pk)
    assert event.detail == {"likely_duplicate_of": [first.pk], "different_person_reason": "Twins"}
