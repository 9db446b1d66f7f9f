"""Reading patients. Each read of a record is scoped by ``visible_to`` and audited here."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db.models import Q
from django.http import Http404, HttpRequest

from naltrack.accounts.models import Clinic
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    Patient,
    PatientQuerySet,
)
from naltrack.clinical import alerts


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


# --- the clinical core's view of a patient ----------------------------------------------------

# How far back the alert rules look: the longest window of any rule, with room to spare.
SNAPSHOT_DAYS = 120
LAB_DAYS = 400


def episode_current(*, patient: Patient) -> Episode | None:
    """The open episode (a constraint allows one), or None."""
    episode: Episode | None = patient.episodes.exclude(state=Episode.State.STOPPED).first()
    return episode


def episode_latest(*, patient: Patient) -> Episode | None:
    return patient.episodes.order_by("-opened_on", "-id").first()


def clinic_thresholds(clinic: Clinic) -> alerts.Thresholds:
    """The clinic's alert thresholds: its overrides on top of the cited defaults."""
    known = {field.name for field in dataclasses.fields(alerts.Thresholds)}
    overrides = {
        key: value for key, value in (clinic.alert_thresholds or {}).items() if key in known
    }
    try:
        return alerts.Thresholds(**overrides)
    except (TypeError, ValueError):
        # A bad override must not silence every alert: fall back to the defaults.
        return alerts.DEFAULT_THRESHOLDS


def patient_snapshot(*, patient: Patient, as_of: dt.date) -> alerts.PatientSnapshot | None:
    """What the alert rules need about one patient, in a fixed number of queries."""
    episode = episode_latest(patient=patient)
    if episode is None:
        return None
    since = as_of - dt.timedelta(days=SNAPSHOT_DAYS)
    regimen = episode.regimens.order_by("-start", "-id").first()
    stopped_on = episode.stopped_on if episode.state == Episode.State.STOPPED else None
    return alerts.PatientSnapshot(
        as_of=as_of,
        state=episode.state,  # type: ignore[arg-type]
        indication=episode.indication,  # type: ignore[arg-type]
        formulation=regimen.formulation if regimen else None,
        sex=patient.sex or None,  # type: ignore[arg-type]
        stopped_on=stopped_on,
        injections=list(
            Injection.objects.filter(
                patient=patient, given_on__gte=since, given_on__lte=as_of
            ).values_list("given_on", flat=True)
        ),
        oral_doses=[
            alerts.OralDoseEvent(on=day, status=status)
            for day, status in DoseEvent.objects.filter(
                patient=patient, day__gte=since, day__lte=as_of
            ).values_list("day", "status")
        ],
        check_ins=[
            alerts.CheckIn(on=day, craving=craving, drinks=drinks, opioid_use=opioid_use)
            for day, craving, drinks, opioid_use in CheckIn.objects.filter(
                patient=patient, day__gte=since, day__lte=as_of
            ).values_list("day", "craving", "drinks", "opioid_use")
        ],
        labs=[
            alerts.LabResult(on=day, test=test, value=float(value), upper_limit_normal=float(uln))
            for day, test, value, uln in LabResult.objects.filter(
                patient=patient,
                collected_on__gte=as_of - dt.timedelta(days=LAB_DAYS),
                collected_on__lte=as_of,
            ).values_list("collected_on", "test", "value", "upper_limit_normal")
        ],
        drug_screens=[
            alerts.UrineDrugScreen(on=day, opioids_positive=positive)
            for day, positive in DrugScreen.objects.filter(
                patient=patient, collected_on__gte=since, collected_on__lte=as_of
            ).values_list("collected_on", "opioids_positive")
        ],
        scores=[
            alerts.InstrumentScore(
                on=day, instrument=instrument, score=total, band=band or None, flags=tuple(flags)
            )
            for day, instrument, total, band, flags in InstrumentResponse.objects.filter(
                patient=patient, taken_on__gte=since, taken_on__lte=as_of
            ).values_list("taken_on", "instrument", "score", "band", "flags")
        ],
        follow_up_contacts=list(
            FollowUp.objects.filter(
                patient=patient, done_on__isnull=False, done_on__lte=as_of
            ).values_list("done_on", flat=True)
        ),
    )
