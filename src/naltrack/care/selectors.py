"""Reading patients. Each read of a record is scoped by ``visible_to`` and audited here."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.models import Patient, PatientQuerySet


def patient_get(*, request: HttpRequest, patient_id: int) -> Patient:
    """The patient, if this user may see them; otherwise 404 so ids cannot be probed."""
    patient = (
        Patient.objects.visible_to(request.user)
        .select_related("clinic")
        .filter(pk=patient_id)
        .first()
    )
    if patient is None:
        raise Http404("No such patient")
    audit_record(request=request, action=AuditEvent.Action.READ, obj=patient, patient_id=patient.pk)
    return patient


def patient_own(*, request: HttpRequest) -> Patient:
    """A signed-in patient's own record (404 if the account has none)."""
    patient = Patient.objects.visible_to(request.user).select_related("clinic").first()
    if patient is None:
        raise Http404("No patient record for this account")
    audit_record(request=request, action=AuditEvent.Action.READ, obj=patient, patient_id=patient.pk)
    return patient


def patient_search(*, request: HttpRequest, query: str = "") -> PatientQuerySet:
    patients = Patient.objects.visible_to(request.user)
    query = query.strip()
    if query:
        patients = patients.filter(
            Q(given_name__icontains=query)
            | Q(family_name__icontains=query)
            | Q(medical_record_number__iexact=query)
            | Q(email__iexact=query)
        )
    return patients


def patient_list_audit(*, request: HttpRequest, patients: list[Patient], query: str) -> None:
    """A list shows names: record which patients were shown to whom."""
    if not patients:
        return
    audit_record(
        request=request,
        action=AuditEvent.Action.LIST,
        object_type="patient",
        clinic_id=patients[0].clinic_id,
        detail={"patient_ids": [p.pk for p in patients], "query": query[:100]},
    )
