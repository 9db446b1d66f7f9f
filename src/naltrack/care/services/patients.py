"""Registering a patient and correcting their details; when they were last in touch."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from naltrack.accounts.models import Clinic, User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record, field_changes
from naltrack.care import dates, patient_rules
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import (
    Patient,
)
from naltrack.care.phones import phone_e164


def patient_contacted(patient_id: int, on: dt.date) -> None:
    """The patient was in touch on ``on``: move their last contact forward to it, never back.

    A record entered late (yesterday's check-in, last week's call) counts on its own day, so the
    dashboard's "no contact" list stays true.
    """
    moment = (
        timezone.now()
        if on >= timezone.localdate()
        else timezone.make_aware(dt.datetime.combine(on, dt.time(12)))
    )
    Patient.objects.filter(pk=patient_id).filter(
        Q(last_contact_at__isnull=True) | Q(last_contact_at__lt=moment)
    ).update(last_contact_at=moment)


def _normal(details: dict[str, Any]) -> dict[str, Any]:
    """The details as they are kept: record number without case or spaces, valid phone numbers
    in E.164 (an invalid one stays as typed, for ``details_check`` to refuse by name)."""
    details = dict(details)
    if "medical_record_number" in details:
        details["medical_record_number"] = patient_rules.record_number_normal(
            details["medical_record_number"]
        )
    for field in patient_rules.PHONE_FIELDS:
        if details.get(field):
            details[field] = phone_e164(details[field]) or details[field]
    return details


def _saved(patient: Patient) -> None:
    """Save, turning a record number taken by a write at the same moment into a refusal."""
    try:
        with transaction.atomic():
            patient.save()
    except IntegrityError as error:
        refusal = patient_rules.record_number_refusal(
            clinic_id=patient.clinic_id,
            number=patient.medical_record_number,
            patient_id=patient.pk,
        )
        if not refusal:
            raise
        raise ClinicalRuleError("medical_record_number", refusal) from error


@transaction.atomic
def patient_create(
    *,
    clinic: Clinic,
    by: User | None,
    likely_duplicates: Sequence[Patient] = (),
    different_person_reason: str = "",
    **details: Any,
) -> Patient:
    """A new patient of ``clinic`` (demographics and contact details as keyword arguments).

    ``likely_duplicates`` are the patients the registering clinician was shown as possibly the
    same person; registering anyway takes their reason, and both are kept in the audit trail.
    """
    dates.birth_dates().check(details["date_of_birth"], "date_of_birth")
    reason = different_person_reason.strip()
    if likely_duplicates and not reason:
        raise ClinicalRuleError(
            "different_person_reason",
            "This may be a patient the clinic already has: give the reason they are a "
            "different person.",
        )
    patient = Patient(clinic=clinic, **_normal(details))
    patient_rules.details_check(patient)
    _saved(patient)
    detail = (
        {
            "likely_duplicate_of": [other.pk for other in likely_duplicates],
            "different_person_reason": reason,
        }
        if likely_duplicates
        else None
    )
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.CREATE,
        obj=patient,
        patient_id=patient.pk,
        detail=detail,
    )
    return patient


@transaction.atomic
def patient_update(*, patient: Patient, by: User | None, **details: Any) -> Patient:
    """Correct a patient's details; what changed is kept in the audit trail."""
    if "date_of_birth" in details:
        dates.birth_dates().check(details["date_of_birth"], "date_of_birth")
    changes = field_changes(patient, **_normal(details))
    if changes:
        patient_rules.details_check(patient)
        _saved(patient)
        audit_record(
            request=None,
            actor=by,
            action=AuditEvent.Action.UPDATE,
            obj=patient,
            patient_id=patient.pk,
            detail={"changes": changes},
        )
    return patient
