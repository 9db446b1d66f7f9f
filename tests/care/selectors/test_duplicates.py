"""The one rule of likely duplicate patients, scoped to the clinician's clinic."""

from __future__ import annotations

import datetime as dt

import pytest

from naltrack.audit.models import AuditEvent
from naltrack.care.selectors import likely_duplicates
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

BORN = dt.date(1990, 4, 2)


def asked(user, **details):
    wanted = {"given_name": "Ana", "family_name": "Ruiz", "date_of_birth": BORN, **details}
    return {d.patient.pk: d.same for d in likely_duplicates(user=user, **wanted)}


def test_same_name_ignoring_case_accents_and_spaces_and_same_birth_date(clinician, clinic):
    ana = PatientFactory(clinic=clinic, given_name="  ANA", family_name="Ruíz ", date_of_birth=BORN)
    PatientFactory(
        clinic=clinic, given_name="Ana", family_name="Ruiz", date_of_birth=dt.date(1991, 4, 2)
    )
    PatientFactory(clinic=clinic, given_name="Ann", family_name="Ruiz", date_of_birth=BORN)
    assert asked(clinician) == {ana.pk: ("name and date of birth",)}


def test_double_names_written_with_or_without_spaces_match(clinician, clinic):
    maria = PatientFactory(
        clinic=clinic, given_name="María José", family_name="de la Cruz", date_of_birth=BORN
    )
    assert asked(clinician, given_name="mariajose", family_name="De La  Cruz") == {
        maria.pk: ("name and date of birth",)
    }


def test_same_email_or_same_phone_number(clinician, clinic):
    by_email = PatientFactory(clinic=clinic, email="Sam.Lee@Example.com")
    by_phone = PatientFactory(clinic=clinic, phone="+13125550199")
    found = asked(clinician, email="sam.lee@example.com ", phone="(312) 555-0199")
    assert found == {by_email.pk: ("email",), by_phone.pk: ("phone number",)}


def test_another_clinics_patients_are_never_shown(clinician, other_clinic):
    PatientFactory(
        clinic=other_clinic,
        given_name="Ana",
        family_name="Ruiz",
        date_of_birth=BORN,
        email="ana@example.com",
        phone="+13125550199",
    )
    assert asked(clinician, email="ana@example.com", phone="+13125550199") == {}


def test_the_names_shown_are_audited(clinician, clinic):
    ana = PatientFactory(clinic=clinic, given_name="Ana", family_name="Ruiz", date_of_birth=BORN)
    asked(clinician)
    event = AuditEvent.objects.get(action="list", object_type="patient")
    assert event.detail["patient_ids"] == [ana.pk]
