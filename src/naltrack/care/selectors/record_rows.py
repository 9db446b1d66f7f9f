"""The rows of one kind of a patient's record, for a list: scoped and audited."""

from __future__ import annotations

from typing import Any

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.models import Patient
from naltrack.care.selectors.access import Row


def record_rows(model: type[Row], *, user: Any, patient: Patient) -> Any:
    """``patient``'s rows of ``model`` that ``user`` may see, in the model's order. The caller
    found ``patient`` through ``patient_get``; the list itself is recorded as read."""
    audit_record(
        request=None,
        actor=user,
        action=AuditEvent.Action.LIST,
        object_type=model._meta.model_name or "",
        patient_id=patient.pk,
        clinic_id=patient.clinic_id,
    )
    return model.objects.visible_to(user).filter(patient=patient)
