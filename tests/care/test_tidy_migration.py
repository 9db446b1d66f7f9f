"""The migration that readies phone numbers and record numbers loses nothing silently."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from naltrack.audit.models import AuditEvent
from naltrack.care.models import ClinicalNote, Patient
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

tidy_care = importlib.import_module("naltrack.care.migrations.0005_tidy_phone_and_record_numbers")
tidy_enrollment = importlib.import_module("naltrack.enrollment.migrations.0003_tidy_phone_numbers")


def apps_before(app, migration):
    """The models as the migration sees them (phones still plain text)."""
    return MigrationExecutor(connection).loader.project_state((app, migration)).apps


def stored(patient, **raw):
    Patient.objects.filter(pk=patient.pk).update(**raw)


def test_readable_numbers_become_e164_and_unreadable_ones_are_kept_in_a_note(clinic):
    fine = PatientFactory(clinic=clinic)
    stored(fine, phone="(312) 555-0199", emergency_contact_phone="")
    unreadable = PatientFactory(clinic=clinic)
    stored(unreadable, phone="call me after 5", emergency_contact_phone="+1 312 555 0100")

    tidy_care.tidy(apps_before("care", "0005_tidy_phone_and_record_numbers"), None)

    phones = dict(Patient.objects.values_list("pk", "phone"))
    assert phones[fine.pk].as_e164 == "+13125550199"
    assert phones[unreadable.pk] == ""
    assert Patient.objects.get(pk=unreadable.pk).emergency_contact_phone.as_e164 == "+13125550100"
    note = ClinicalNote.objects.get(patient=unreadable)
    assert "“call me after 5”" in note.text and "check with the patient" in note.text
    event = AuditEvent.objects.get(object_type="patient", patient_id=unreadable.pk)
    assert event.detail["changes"]["phone"] == ["call me after 5", ""]
    assert not ClinicalNote.objects.filter(patient=fine).exists()


def test_duplicate_record_numbers_do_not_stop_the_migration(clinic, other_clinic):
    first = PatientFactory(clinic=clinic)
    second = PatientFactory(clinic=clinic)
    elsewhere = PatientFactory(clinic=other_clinic)
    stored(first, medical_record_number="rrc 1")
    stored(second, medical_record_number="Rrc 1")
    stored(elsewhere, medical_record_number="rrc 1")

    tidy_care.tidy(apps_before("care", "0005_tidy_phone_and_record_numbers"), None)

    numbers = dict(Patient.objects.values_list("pk", "medical_record_number"))
    assert numbers == {first.pk: "RRC1", second.pk: "", elsewhere.pk: "RRC1"}
    assert "“Rrc 1”" in ClinicalNote.objects.get(patient=second).text
    event = AuditEvent.objects.get(object_type="patient", patient_id=second.pk)
    assert event.detail["changes"]["medical_record_number"] == ["Rrc 1", ""]


def test_enrollment_numbers_that_cannot_be_read_are_kept_in_the_audit_trail(clinic):
    from naltrack.enrollment.models import Enrollment
    from tests.enrollment.helpers import submitted

    enrollment = submitted(clinic)
    Enrollment.objects.filter(pk=enrollment.pk).update(phone="555-123-4567")

    tidy_enrollment.tidy(apps_before("enrollment", "0003_tidy_phone_numbers"), None)

    enrollment.refresh_from_db()
    assert enrollment.phone == ""
    assert enrollment.emergency_contact_phone.as_e164 == "+13125550187"
    event = AuditEvent.objects.get(object_type="enrollment", detail__changes__phone__isnull=False)
    assert event.detail["changes"]["phone"] == ["555-123-4567", ""]
