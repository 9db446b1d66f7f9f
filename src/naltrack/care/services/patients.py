"""Registering a patient and correcting their details; when they were last in touch."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from naltrack.accounts.models import Clinic, User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record, field_changes
from naltrack.care import dates
from naltrack.care.models import (
    Patient,
)


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


@transaction.atomic
def patient_create(*, clinic: Clinic, by: User | None, **details: Any) -> Patient:
    """A new patient of ``clinic`` (demographics and contact details as keyword arguments)."""
    dates.birth_dates().check(details["date_of_birth"], "date_of_birth")
    patient = Patient.objects.create(clinic=clinic, **details)
    audit_record(
        request=None, actor=by, action=AuditEvent.Action.CREATE, obj=patient, patient_id=patient.pk
    )
    return patient


@transaction.atomic
def patient_update(*, patient: Patient, by: User | None, **details: Any) -> Patient:
    """Correct a patient's details; what changed is kept in the audit trail."""
    if "date_of_birth" in details:
        dates.birth_dates().check(details["date_of_birth"], "date_of_birth")
    changes = field_changes(patient, **details)
    if changes:
        patient.save()
        audit_record(
            request=None,
            actor=by,
            action=AuditEvent.Action.UPDATE,
            obj=patient,
            patient_id=patient.pk,
            detail={"changes": changes},
        )
    return patient
