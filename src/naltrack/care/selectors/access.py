"""Finding a patient and the rows of their record: every read starts here.

Each function takes the signed-in user (the audit context carries where the request came from),
scopes through ``visible_to(user)`` and audits what it showed. A row of the record is looked up
through its own ``visible_to`` and its patient, never by its id alone, so an id from another
patient or clinic answers 404 like a missing one.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Q
from django.http import Http404

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_denied, audit_list, audit_record
from naltrack.care.models import Alert, Patient, PatientQuerySet, PatientRow

Row = TypeVar("Row", bound=PatientRow)


def patient_get(*, user: Any, patient_id: int) -> Patient:
    """The patient, if this user may see them; otherwise 404 so ids cannot be probed."""
    patient = (
        Patient.objects.visible_to(user).select_related("clinic").filter(pk=patient_id).first()
    )
    if patient is None:
        audit_denied(user=user, what="patient", patient_id_asked=patient_id)
        raise Http404("No such patient")
    audit_record(
        request=None, actor=user, action=AuditEvent.Action.READ, obj=patient, patient_id=patient.pk
    )
    return patient


def patient_own(*, user: Any) -> Patient:
    """A signed-in patient's own record (404 if the account has none)."""
    patient = Patient.objects.visible_to(user).select_related("clinic").first()
    if patient is None:
        raise Http404("No patient record for this account")
    audit_record(
        request=None, actor=user, action=AuditEvent.Action.READ, obj=patient, patient_id=patient.pk
    )
    return patient


def row_get(
    model: type[Row], *, user: Any, patient: Patient, pk: int, related: tuple[str, ...] = ()
) -> Row:
    """One row of ``patient``'s record (a lab, a follow-up, an alert…) that ``user`` may see."""
    row: Row | None = (
        model.objects.visible_to(user)
        .filter(patient=patient, pk=pk)
        .select_related(*related)
        .first()
    )
    if row is None:
        audit_denied(
            user=user, what=model._meta.model_name or "row", id_asked=pk, patient_id=patient.pk
        )
        raise Http404(f"No such {model._meta.verbose_name}")
    return row


def patient_search(*, user: Any, query: str = "") -> PatientQuerySet:
    patients = Patient.objects.visible_to(user)
    query = query.strip()
    if query:
        patients = patients.filter(
            Q(given_name__icontains=query)
            | Q(family_name__icontains=query)
            | Q(medical_record_number__iexact=query)
            | Q(email__iexact=query)
        )
    return patients


def patient_names(*, user: Any, patient_ids: set[int]) -> dict[int, str]:
    """Names of the patients among ``patient_ids`` that ``user`` may see (for listing events about
    them; the caller audits what it showed)."""
    rows = Patient.objects.visible_to(user).filter(pk__in=patient_ids)
    return {
        pk: f"{given} {family}"
        for pk, given, family in rows.values_list("pk", "given_name", "family_name")
    }


def patient_list_audit(*, user: Any, patients: list[Patient], query: str) -> None:
    """A list shows names: record which patients were shown to whom."""
    if patients:
        audit_list(
            actor=user,
            object_type="patient",
            clinic_id=patients[0].clinic_id,
            patient_ids=[p.pk for p in patients],
            query=query[:100],
        )


def alerts_open(*, user: Any, severity: str = "") -> Any:
    """Open alerts of the patients ``user`` may see, most severe first (the alert queue)."""
    alerts = Alert.objects.visible_to(user).filter(
        resolved_at__isnull=True, acknowledged_at__isnull=True
    )
    if severity in Alert.Severity.values:
        alerts = alerts.filter(severity=severity)
    return alerts.select_related("patient").order_by("severity_rank", "-opened_at")


def alerts_list_audit(*, user: Any, alerts: list[Alert]) -> None:
    if alerts:
        audit_list(
            actor=user,
            object_type="alert",
            clinic_id=alerts[0].clinic_id,
            patient_ids=[a.patient_id for a in alerts],
        )
