"""Writing the clinical record: load → ask the clinical core → store → audit → recompute alerts.

Every write of a patient's record goes through a function here, so the web pages, the API, the
demo data and background tasks all keep the same rules.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from naltrack.accounts.models import Clinic, User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record, field_changes
from naltrack.care import selectors
from naltrack.care.models import (
    Alert,
    CheckIn,
    ClinicalNote,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    OpioidExposure,
    Patient,
    Regimen,
    StartCheck,
    TaperPlan,
    TherapySession,
)
from naltrack.clinical import alerts as clinical_alerts
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.discontinuation import discontinuation_from_json, plan_discontinuation
from naltrack.clinical.formulary import XR_DOSE_MG
from naltrack.clinical.instruments import score, score_from_json
from naltrack.clinical.start_check import start_check, start_check_from_json


class ClinicalRuleError(ValueError):
    """A write the clinical rules refuse; ``field`` names the input it concerns."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _audit(action: str, obj: Any, by: User | None, **detail: Any) -> None:
    audit_record(
        request=None, actor=by, action=action, obj=obj, patient_id=obj.patient_id, detail=detail
    )


def _contacted(patient_id: int, on: dt.date) -> None:
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
    patient = Patient.objects.create(clinic=clinic, **details)
    audit_record(
        request=None, actor=by, action=AuditEvent.Action.CREATE, obj=patient, patient_id=patient.pk
    )
    return patient


def patient_update(*, patient: Patient, by: User | None, **details: Any) -> Patient:
    """Correct a patient's details; what changed is kept in the audit trail."""
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


# --- episodes --------------------------------------------------------------------------------


@transaction.atomic
def episode_open(
    *, patient: Patient, indication: str, opened_on: dt.date, by: User | None
) -> Episode:
    """Open a screening episode; a patient whose last episode stopped gets a linked restart."""
    if selectors.episode_current(patient=patient) is not None:
        raise ClinicalRuleError("indication", "This patient already has an open episode.")
    previous = (
        patient.episodes.filter(state=Episode.State.STOPPED).order_by("-opened_on", "-id").first()
    )
    episode = Episode.objects.create(
        patient=patient,
        indication=indication,
        opened_on=opened_on,
        restart_of=previous,
        recorded_by=by,
    )
    dropped: list[int] = []
    if previous is not None:
        # Contacts booked after the last stop are moot once treatment restarts; the plan that
        # booked them stays stored.
        unmade = previous.follow_ups.filter(done_on__isnull=True)
        dropped = list(unmade.values_list("pk", flat=True))
        unmade.delete()
    _audit(
        AuditEvent.Action.CREATE,
        episode,
        by,
        restart_of=previous.pk if previous else None,
        follow_ups_dropped=dropped,
    )
    return episode


def opioid_exposure_record(
    *, patient: Patient, kind: str, last_use: dt.date, substance: str = "", by: User | None
) -> OpioidExposure:
    exposure = OpioidExposure.objects.create(
        patient=patient, kind=kind, last_use=last_use, substance=substance, recorded_by=by
    )
    _audit(AuditEvent.Action.CREATE, exposure, by)
    return exposure


@transaction.atomic
def start_check_run(*, episode: Episode, inputs: dict[str, Any], by: User | None) -> StartCheck:
    """Run the clinical core's start check on ``inputs`` (the CALCULATORS.md form) and store both."""
    parsed = start_check_from_json(inputs)
    result = start_check(parsed)
    check = StartCheck.objects.create(
        patient=episode.patient,
        episode=episode,
        checked_on=parsed.date,
        status=result.status,
        earliest_start=result.earliest_start,
        inputs=inputs,
        result=result.to_json(),
        recorded_by=by,
    )
    _audit(AuditEvent.Action.CREATE, check, by, status=result.status)
    return check


@transaction.atomic
def regimen_start(
    *,
    episode: Episode,
    kind: str,
    start: dt.date,
    prescriber: User,
    override_reason: str = "",
) -> Regimen:
    """Start naltrexone: needs a `ready` start check of the same day, or a clinician's reasoned override."""
    if episode.state not in (
        Episode.State.SCREENING,
        Episode.State.INDUCTION,
        Episode.State.MAINTENANCE,
    ):
        raise ClinicalRuleError(
            "kind", "A regimen can only start on an open episode that is not tapering."
        )
    if kind not in clinical_regimens.REGIMENS:
        raise ClinicalRuleError("kind", "Unknown regimen.")
    info = clinical_regimens.REGIMENS[kind]
    check = episode.start_checks.filter(checked_on=start).order_by("-id").first()
    override_reason = override_reason.strip()
    unchecked = check is None or check.status != "ready"
    if episode.state == Episode.State.SCREENING and unchecked and not override_reason:
        found = (
            f"the start check of {start} says “{check.status}”"
            if check
            else f"there is no start check on {start}"
        )
        raise ClinicalRuleError(
            "override_reason",
            f"Naltrexone needs a start check that says “ready” on the start day, and {found}. "
            "Run the check, or give your reason to start anyway.",
        )
    current = episode.regimens.filter(end__isnull=True).first()
    if current is not None:
        current.end = start - dt.timedelta(days=1)
        current.save(update_fields=["end"])
    regimen = Regimen.objects.create(
        patient=episode.patient,
        episode=episode,
        kind=kind,
        formulation=info.formulation,
        prescriber=prescriber,
        start=start,
        start_check=check,
        override_reason=override_reason,
        recorded_by=prescriber,
    )
    if episode.state == Episode.State.SCREENING:
        episode.state = Episode.State.INDUCTION
        episode.started_on = start
        episode.save(update_fields=["state", "started_on"])
    _audit(
        AuditEvent.Action.CREATE,
        regimen,
        prescriber,
        kind=kind,
        start_check=check.pk if check else None,
        override_reason=override_reason or None,
    )
    return regimen


def _induction_done(episode: Episode) -> None:
    # The first dose after the start day (oral) or the first injection ends induction.
    if episode.state == Episode.State.INDUCTION:
        episode.state = Episode.State.MAINTENANCE
        episode.save(update_fields=["state"])


@transaction.atomic
def dose_record(
    *, regimen: Regimen, day: dt.date, status: str, observed: bool = False, by: User | None
) -> DoseEvent:
    """Record a scheduled oral dose as taken or missed (once a day; a second report updates it)."""
    scheduled = selectors.dose_due(regimen=regimen, day=day)
    if scheduled is None or scheduled.formulation != "oral":
        raise ClinicalRuleError("day", f"No oral dose is scheduled on {day} in this regimen.")
    event, created = DoseEvent.objects.get_or_create(
        regimen=regimen,
        day=day,
        defaults={
            "patient": regimen.patient,
            "dose_mg": scheduled.dose_mg,
            "status": status,
            "observed": observed,
            "recorded_by": by,
        },
    )
    if created:
        _audit(AuditEvent.Action.CREATE, event, by, status=status)
    else:
        changes = field_changes(event, status=status, observed=observed)
        if changes:
            event.save(update_fields=list(changes))
            _audit(AuditEvent.Action.UPDATE, event, by, changes=changes)
    if status == DoseEvent.Status.TAKEN and day > regimen.start:
        _induction_done(regimen.episode)
    alerts_refresh(patient=regimen.patient)
    return event


@transaction.atomic
def injection_record(
    *, regimen: Regimen, given_on: dt.date, site: str, lot: str, given_by: User
) -> Injection:
    if regimen.formulation != "xr_injection":
        raise ClinicalRuleError("regimen", "This regimen is not the monthly injection.")
    if given_on < regimen.start:
        raise ClinicalRuleError("given_on", f"The regimen starts on {regimen.start}.")
    injection = Injection.objects.create(
        patient=regimen.patient,
        regimen=regimen,
        given_on=given_on,
        dose_mg=XR_DOSE_MG,
        site=site,
        lot=lot.strip(),
        given_by=given_by,
        next_due=clinical_regimens.next_injection_due(given_on),
        recorded_by=given_by,
    )
    _audit(AuditEvent.Action.CREATE, injection, given_by, site=site)
    _induction_done(regimen.episode)
    alerts_refresh(patient=regimen.patient)
    return injection


def lab_record(
    *,
    patient: Patient,
    test: str,
    value: Decimal,
    upper_limit_normal: Decimal,
    collected_on: dt.date,
    unit: str = "U/L",
    by: User | None,
) -> LabResult:
    lab = LabResult.objects.create(
        patient=patient,
        test=test,
        value=value,
        upper_limit_normal=upper_limit_normal,
        unit=unit,
        collected_on=collected_on,
        recorded_by=by,
    )
    _audit(AuditEvent.Action.CREATE, lab, by, test=test)
    alerts_refresh(patient=patient)
    return lab


def drug_screen_record(
    *,
    patient: Patient,
    collected_on: dt.date,
    opioids_positive: bool,
    other_findings: str = "",
    by: User | None,
) -> DrugScreen:
    screen = DrugScreen.objects.create(
        patient=patient,
        collected_on=collected_on,
        opioids_positive=opioids_positive,
        other_findings=other_findings,
        recorded_by=by,
    )
    _audit(AuditEvent.Action.CREATE, screen, by, opioids_positive=opioids_positive)
    alerts_refresh(patient=patient)
    return screen


def instrument_record(
    *,
    patient: Patient,
    instrument: str,
    answers: dict[str, Any],
    taken_on: dt.date,
    by: User | None,
) -> InstrumentResponse:
    """Score with the clinical core and store answers with the result (bad answers: InputError)."""
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
    _audit(AuditEvent.Action.CREATE, response, by, instrument=instrument)
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
        _audit(AuditEvent.Action.CREATE, check_in, by)
    else:
        changes = field_changes(check_in, **values)
        if changes:
            check_in.save()
            _audit(AuditEvent.Action.UPDATE, check_in, by, changes=changes)
    _contacted(patient.pk, day)
    alerts_refresh(patient=patient)
    return check_in


def therapy_session_schedule(
    *,
    patient: Patient,
    kind: str,
    scheduled_at: dt.datetime,
    counsellor: User | None,
    by: User | None,
) -> TherapySession:
    session = TherapySession.objects.create(
        patient=patient, kind=kind, scheduled_at=scheduled_at, counsellor=counsellor, recorded_by=by
    )
    _audit(AuditEvent.Action.CREATE, session, by, kind=kind)
    return session


def therapy_session_mark(
    *, session: TherapySession, status: str, notes: str = "", by: User | None
) -> TherapySession:
    changes = field_changes(session, status=status, notes=notes or session.notes)
    if changes:
        session.save()
        _audit(AuditEvent.Action.UPDATE, session, by, changes=changes)
        if status == TherapySession.Status.ATTENDED:
            _contacted(session.patient_id, timezone.localdate(session.scheduled_at))
    return session


def note_add(*, patient: Patient, text: str, by: User) -> ClinicalNote:
    note = ClinicalNote.objects.create(patient=patient, text=text.strip(), recorded_by=by)
    _audit(AuditEvent.Action.CREATE, note, by)
    return note


# --- many past records at once (a history, an import) -------------------------------------
# The daily records are the bulk of a record's history: these write many of them with the rules
# of the one-at-a-time services above (each row audited, alerts refreshed), in a few queries.


@dataclass(frozen=True)
class CheckInEntry:
    """One day's check-in for ``check_ins_record_many``: the fields of ``check_in_record``."""

    day: dt.date
    craving: int
    drinks: int | None = None
    opioid_use: bool = False
    side_effects: tuple[str, ...] = ()
    mood: int | None = None
    note: str = ""


@dataclass(frozen=True)
class DoseEntry:
    """One scheduled oral dose for ``doses_record_many``: the fields of ``dose_record``."""

    day: dt.date
    status: str
    observed: bool = False


def _refuse_repeated_days(days: list[dt.date], recorded: set[dt.date], what: str) -> None:
    repeated = sorted({day for day, n in Counter(days).items() if n > 1} | (recorded & set(days)))
    if repeated:
        listed = ", ".join(day.isoformat() for day in repeated)
        raise ClinicalRuleError("day", f"One {what} a day, and {listed} would have two.")


@transaction.atomic
def check_ins_record_many(
    *, patient: Patient, check_ins: Sequence[CheckInEntry], by: User | None
) -> list[CheckIn]:
    """New check-ins on days without one; a day that has one is refused (``check_in_record``)."""
    if not check_ins:
        return []
    days = [entry.day for entry in check_ins]
    on_those_days = CheckIn.objects.filter(patient=patient, day__range=(min(days), max(days)))
    wanted = set(days)
    _refuse_repeated_days(days, set(on_those_days.values_list("day", flat=True)), "check-in")
    CheckIn.objects.bulk_create(
        CheckIn(
            clinic_id=patient.clinic_id,
            patient=patient,
            day=entry.day,
            craving=entry.craving,
            drinks=entry.drinks,
            opioid_use=entry.opioid_use,
            side_effects=list(entry.side_effects),
            mood=entry.mood,
            note=entry.note,
            recorded_by=by,
        )
        for entry in check_ins
    )
    # Read back rather than trust bulk_create to fill ids: not every database returns them.
    created = [row for row in on_those_days.order_by("day") if row.day in wanted]
    for check_in in created:
        _audit(AuditEvent.Action.CREATE, check_in, by)
    _contacted(patient.pk, max(days))
    alerts_refresh(patient=patient)
    return created


@transaction.atomic
def doses_record_many(
    *, regimen: Regimen, doses: Sequence[DoseEntry], by: User | None
) -> list[DoseEvent]:
    """New doses on scheduled days without one; a recorded day is refused (``dose_record``)."""
    if not doses:
        return []
    dose_on = selectors.dose_calendar(regimen=regimen)
    events = []
    for entry in doses:
        scheduled = dose_on(entry.day)
        if scheduled is None or scheduled.formulation != "oral":
            raise ClinicalRuleError(
                "day", f"No oral dose is scheduled on {entry.day} in this regimen."
            )
        events.append(
            DoseEvent(
                clinic_id=regimen.clinic_id,
                patient_id=regimen.patient_id,
                regimen=regimen,
                day=entry.day,
                dose_mg=scheduled.dose_mg,
                status=entry.status,
                observed=entry.observed,
                recorded_by=by,
            )
        )
    days = [entry.day for entry in doses]
    on_those_days = regimen.dose_events.filter(day__range=(min(days), max(days)))
    wanted = set(days)
    _refuse_repeated_days(days, set(on_those_days.values_list("day", flat=True)), "dose")
    DoseEvent.objects.bulk_create(events)
    created = [row for row in on_those_days.order_by("day") if row.day in wanted]
    for event in created:
        _audit(AuditEvent.Action.CREATE, event, by, status=event.status)
    if any(e.status == DoseEvent.Status.TAKEN and e.day > regimen.start for e in created):
        _induction_done(regimen.episode)
    alerts_refresh(patient=regimen.patient)
    return created


# --- stopping, follow-up ---------------------------------------------------------------------


@transaction.atomic
def discontinuation_plan_store(*, episode: Episode, inputs: dict[str, Any], by: User) -> TaperPlan:
    """Store the clinical core's plan, end the regimen at the last dose, book the follow-ups."""
    if episode.state not in (
        Episode.State.INDUCTION,
        Episode.State.MAINTENANCE,
        Episode.State.TAPERING,
    ):
        raise ClinicalRuleError(
            "strategy", "Only an episode on naltrexone can be stopped or tapered."
        )
    parsed = discontinuation_from_json(inputs)
    plan = plan_discontinuation(parsed)
    taper = TaperPlan.objects.create(
        patient=episode.patient,
        episode=episode,
        strategy=parsed.strategy,
        reason=parsed.reason,
        inputs=inputs,
        plan=plan.to_json(),
        last_dose=plan.last_dose,
        blockade_ends=plan.blockade_ends,
        recorded_by=by,
    )
    episode.follow_ups.filter(done_on__isnull=True).delete()  # a new plan replaces the old bookings
    FollowUp.objects.bulk_create(
        FollowUp(
            clinic_id=episode.clinic_id,
            patient=episode.patient,
            episode=episode,
            taper_plan=taper,
            due_on=day,
            recorded_by=by,
        )
        for day in plan.follow_up
    )
    for regimen in episode.regimens.filter(end__isnull=True):
        regimen.end = plan.last_dose if plan.last_dose >= regimen.start else regimen.start
        regimen.save(update_fields=["end"])
    episode.state = Episode.State.TAPERING if plan.steps else Episode.State.STOPPED
    # The stop that matters clinically is the end of the blockade: the day after the last oral
    # dose (later after 100-150 mg), 28 days after the last injection. The high-risk window and
    # the follow-ups count from it.
    episode.stopped_on = plan.blockade_ends
    episode.stop_reason = parsed.reason
    episode.save(update_fields=["state", "stopped_on", "stop_reason"])
    _audit(
        AuditEvent.Action.CREATE, taper, by, strategy=parsed.strategy, last_dose=str(plan.last_dose)
    )
    alerts_refresh(patient=episode.patient)
    return taper


def episodes_finish_tapers(*, today: dt.date, patient: Patient | None = None) -> int:
    """Tapering episodes whose blockade has ended are stopped (daily, and on a chart's view)."""
    finished = Episode.objects.filter(state=Episode.State.TAPERING, stopped_on__lte=today)
    if patient is not None:
        finished = finished.filter(patient=patient)
    return finished.update(state=Episode.State.STOPPED)


def follow_up_record(
    *, follow_up: FollowUp, done_on: dt.date, method: str, note: str, by: User
) -> FollowUp:
    changes = field_changes(follow_up, done_on=done_on, method=method, note=note)
    follow_up.recorded_by = follow_up.recorded_by or by
    follow_up.save()
    _audit(AuditEvent.Action.UPDATE, follow_up, by, changes=changes)
    _contacted(follow_up.patient_id, done_on)
    alerts_refresh(patient=follow_up.patient)
    return follow_up


# --- alerts ----------------------------------------------------------------------------------


# Inside ``alerts_deferred``: the patients whose alerts are due a refresh when the block ends.
_alerts_pending: ContextVar[dict[int, tuple[Patient, dt.date | None]] | None] = ContextVar(
    "alerts_pending", default=None
)


@contextmanager
def alerts_deferred() -> Iterator[None]:
    """Refresh each patient's alerts once, when the block ends, instead of after every write.

    For writing many rows at once (the demo's months of history, an import): every service still
    asks for a refresh, but each patient's alerts are computed once, on the finished record. A
    nested block joins the outer one. If the block raises, the patients written so far are still
    refreshed (their writes may stand), unless the transaction is already doomed to roll back.
    """
    if _alerts_pending.get() is not None:
        yield
        return
    pending: dict[int, tuple[Patient, dt.date | None]] = {}
    token = _alerts_pending.set(pending)
    try:
        yield
    finally:
        _alerts_pending.reset(token)
        connection = transaction.get_connection()
        if not (connection.in_atomic_block and connection.needs_rollback):
            for patient, today in pending.values():
                alerts_refresh(patient=patient, today=today)


def alerts_refresh(*, patient: Patient, today: dt.date | None = None) -> list[Alert]:
    """Run the clinical core's alert rules on the patient; open new alerts, resolve passed ones.

    Inside ``alerts_deferred`` the refresh is only noted (the last ``today`` asked for wins) and
    this returns no alerts: they are opened when the block ends.
    """
    pending = _alerts_pending.get()
    if pending is not None:
        pending[patient.pk] = (patient, today)
        return []
    return _alerts_store(patient=patient, today=today or timezone.localdate())


def _alerts_store(*, patient: Patient, today: dt.date) -> list[Alert]:
    return _alerts_apply(
        patient=patient,
        snapshot=selectors.patient_snapshot(patient=patient, as_of=today),
        open_alerts=list(Alert.objects.filter(patient=patient, resolved_at__isnull=True)),
    )


def alerts_refresh_many(*, patients: Sequence[Patient], today: dt.date) -> list[Alert]:
    """``alerts_refresh`` for many patients, reading them together (the nightly sweep).

    Each patient's changes are their own transaction, so one bad record cannot undo the rest;
    a patient whose alerts are unchanged costs no write at all.
    """
    snapshots = selectors.patient_snapshots(patients=patients, as_of=today)
    open_alerts: dict[int, list[Alert]] = {patient.pk: [] for patient in patients}
    for alert in Alert.objects.filter(patient__in=patients, resolved_at__isnull=True):
        open_alerts[alert.patient_id].append(alert)
    created: list[Alert] = []
    for patient in patients:
        created += _alerts_apply(
            patient=patient, snapshot=snapshots[patient.pk], open_alerts=open_alerts[patient.pk]
        )
    return created


def _alerts_apply(
    *, patient: Patient, snapshot: clinical_alerts.PatientSnapshot | None, open_alerts: list[Alert]
) -> list[Alert]:
    findings = (
        []
        if snapshot is None
        else clinical_alerts.evaluate(snapshot, selectors.clinic_thresholds(patient.clinic))
    )
    current = {finding.key: finding for finding in findings}
    open_by_key = {alert.key: alert for alert in open_alerts}
    passed = [alert for alert in open_alerts if alert.key not in current]
    # An acknowledged alert stays acknowledged while its cause lasts: no re-alerting every night.
    changed = [
        (alert, current[alert.key])
        for alert in open_alerts
        if alert.key in current
        and alert.acknowledged_at is None
        and (
            alert.message != current[alert.key].message
            or alert.severity != current[alert.key].severity
        )
    ]
    new = [finding for finding in findings if finding.key not in open_by_key]
    if not (passed or changed or new):
        return []
    now = timezone.now()
    with transaction.atomic():
        for alert in passed:
            alert.resolved_at = now
            alert.save(update_fields=["resolved_at"])
        for alert, finding in changed:
            alert.message, alert.severity = finding.message, finding.severity
            alert.severity_rank = Alert.SEVERITY_RANK[finding.severity]
            alert.evidence = dict(finding.evidence)
            alert.save(update_fields=["message", "severity", "severity_rank", "evidence"])
        return [
            Alert.objects.create(
                patient=patient,
                code=finding.code,
                key=finding.key,
                severity=finding.severity,
                severity_rank=Alert.SEVERITY_RANK[finding.severity],
                message=finding.message,
                evidence=dict(finding.evidence),
                source=finding.source,
            )
            for finding in new
        ]


def alert_acknowledge(*, alert: Alert, by: User, note: str = "") -> Alert:
    if alert.acknowledged_at is not None:
        return alert
    alert.acknowledged_at = timezone.now()
    alert.acknowledged_by = by
    alert.acknowledgement_note = note.strip()
    alert.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledgement_note"])
    _audit(AuditEvent.Action.UPDATE, alert, by, acknowledged=True, note=alert.acknowledgement_note)
    return alert
