"""Monitoring between visits: opioid use, labs, drug screens, questionnaires, check-ins,
therapy sessions and notes."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change, field_changes
from naltrack.care import dates
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import (
    CheckIn,
    ClinicalNote,
    DrugScreen,
    InstrumentResponse,
    LabResult,
    Patient,
    TherapySession,
)
from naltrack.care.services.alerts import alerts_refresh
from naltrack.care.services.patients import patient_contacted
from naltrack.clinical.instruments import score, score_from_json
from naltrack.clinical.lab_values import LAB_BOUNDS, lab_value_check
from naltrack.clinical.start_check import ANALYTE_RESULTS, ANALYTES


@transaction.atomic
def lab_record(
    *,
    patient: Patient,
    test: str,
    value: Decimal,
    upper_limit_normal: Decimal,
    collected_on: dt.date,
    unit: str = "U/L",
    by: User | None,
    confirm_value: bool = False,
) -> LabResult:
    """A liver-test result from a lab report. A value no liver produces, a unit the test is not
    reported in or an implausible upper limit of normal is refused; a rare value (a slipped
    decimal point?) is stored only once the clinician confirms it (clinical.lab_values)."""
    dates.since_birth(patient, "The day the sample was collected").check(
        collected_on, "collected_on"
    )
    if test not in LAB_BOUNDS:
        raise ClinicalRuleError("test", "Choose one of " + ", ".join(LAB_BOUNDS) + ".")
    check = lab_value_check(
        test=test,
        value=float(value),
        unit=unit,
        upper_limit_normal=float(upper_limit_normal),
    )
    if check.verdict == "look_again" and not confirm_value:
        raise ClinicalRuleError(
            "confirm_value",
            f"{test} {value:,} {check.unit} is rare outside acute liver injury. Check the number "
            "and the unit on the report, then tick the box to record it.",
        )
    lab = LabResult.objects.create(
        patient=patient,
        test=test,
        value=value,
        upper_limit_normal=upper_limit_normal,
        unit=check.unit,
        collected_on=collected_on,
        recorded_by=by,
    )
    audit_change(
        AuditEvent.Action.CREATE,
        lab,
        by,
        test=test,
        **({"confirmed_rare_value": True} if check.verdict == "look_again" else {}),
    )
    alerts_refresh(patient=patient)
    return lab


@transaction.atomic
def drug_screen_record(
    *,
    patient: Patient,
    collected_on: dt.date,
    opioids_positive: bool,
    panel: dict[str, str] | None = None,
    other_findings: str = "",
    by: User | None,
) -> DrugScreen:
    """A urine drug screen, with the analytes it tested when they are known (``panel``)."""
    dates.since_birth(patient, "The day the sample was collected").check(
        collected_on, "collected_on"
    )
    panel = {analyte: result for analyte, result in (panel or {}).items() if result != "not_tested"}
    unknown = set(panel) - set(ANALYTES) or {r for r in panel.values()} - set(ANALYTE_RESULTS)
    if unknown:
        raise ClinicalRuleError("panel", f"Unknown panel entries: {', '.join(sorted(unknown))}.")
    if panel and opioids_positive != ("positive" in panel.values()):
        raise ClinicalRuleError(
            "opioids_positive",
            "The panel and the summary disagree: the screen is positive for opioids exactly "
            "when one of the tests is positive.",
        )
    screen = DrugScreen.objects.create(
        patient=patient,
        collected_on=collected_on,
        opioids_positive=opioids_positive,
        panel=panel,
        other_findings=other_findings,
        recorded_by=by,
    )
    audit_change(
        AuditEvent.Action.CREATE, screen, by, opioids_positive=opioids_positive, panel=panel
    )
    alerts_refresh(patient=patient)
    return screen


@transaction.atomic
def instrument_record(
    *,
    patient: Patient,
    instrument: str,
    answers: dict[str, Any],
    taken_on: dt.date,
    by: User | None,
) -> InstrumentResponse:
    """Score with the clinical core and store answers with the result (bad answers: InputError)."""
    dates.since_birth(patient, "The day it was taken").check(taken_on, "taken_on")
    sex = patient.sex or None
    result = score(score_from_json({"instrument": instrument, "answers": answers, "sex": sex}))
    response = InstrumentResponse.objects.create(
        patient=patient,
        instrument=instrument,
        taken_on=taken_on,
        answers=answers,
        score=result.score,
        max_score=result.max_score,
        band=result.band or "",
        flags=list(result.flags),
        recorded_by=by,
    )
    audit_change(AuditEvent.Action.CREATE, response, by, instrument=instrument)
    alerts_refresh(patient=patient)
    return response


@transaction.atomic
def check_in_record(
    *,
    patient: Patient,
    day: dt.date,
    craving: int,
    drinks: int | None,
    opioid_use: bool,
    side_effects: list[str],
    mood: int | None,
    note: str,
    by: User | None,
) -> CheckIn:
    """The day's check-in; a second one the same day updates it (one a day)."""
    dates.since_birth(patient, "The day of the check-in").check(day, "day")
    values = {
        "craving": craving,
        "drinks": drinks,
        "opioid_use": opioid_use,
        "side_effects": side_effects,
        "mood": mood,
        "note": note,
    }
    check_in = CheckIn.objects.filter(patient=patient, day=day).select_for_update().first()
    if check_in is None:
        check_in = CheckIn.objects.create(patient=patient, day=day, recorded_by=by, **values)
        audit_change(AuditEvent.Action.CREATE, check_in, by)
    else:
        check_in.patient = patient  # its save reads the patient's clinic: spare a second read
        changes = field_changes(check_in, **values)
        if changes:
            check_in.save()
            audit_change(AuditEvent.Action.UPDATE, check_in, by, changes=changes)
    patient_contacted(patient.pk, day)
    alerts_refresh(patient=patient, changed={"check_ins"})
    return check_in


@transaction.atomic
def therapy_session_schedule(
    *,
    patient: Patient,
    kind: str,
    scheduled_at: dt.datetime,
    counsellor: User | None,
    by: User | None,
) -> TherapySession:
    dates.session_times(patient).check(scheduled_at, "scheduled_at")
    session = TherapySession.objects.create(
        patient=patient, kind=kind, scheduled_at=scheduled_at, counsellor=counsellor, recorded_by=by
    )
    audit_change(AuditEvent.Action.CREATE, session, by, kind=kind)
    return session


@transaction.atomic
def therapy_session_mark(
    *, session: TherapySession, status: str, notes: str = "", by: User | None
) -> TherapySession:
    if status != TherapySession.Status.SCHEDULED and (
        timezone.localdate(session.scheduled_at) > timezone.localdate()
    ):
        raise ClinicalRuleError(
            "status",
            "This session is booked for a later day: it can be marked once it has taken place.",
        )
    changes = field_changes(session, status=status, notes=notes or session.notes)
    if changes:
        session.save()
        audit_change(AuditEvent.Action.UPDATE, session, by, changes=changes)
        if status == TherapySession.Status.ATTENDED:
            patient_contacted(session.patient_id, timezone.localdate(session.scheduled_at))
    return session


@transaction.atomic
def note_add(*, patient: Patient, text: str, by: User) -> ClinicalNote:
    note = ClinicalNote.objects.create(patient=patient, text=text.strip(), recorded_by=by)
    audit_change(AuditEvent.Action.CREATE, note, by)
    return note
