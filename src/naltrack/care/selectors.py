"""Reading patients. Each read of a record is scoped by ``visible_to`` and audited here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_list, audit_record
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
    PatientQuerySet,
    Regimen,
    StartCheck,
    TaperPlan,
    TherapySession,
)
from naltrack.clinical import alerts
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.formulary import tablets_for
from naltrack.reminders.selectors import DeliveryProblems, delivery_problems


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
    if patients:
        audit_list(
            request=request,
            object_type="patient",
            clinic_id=patients[0].clinic_id,
            patient_ids=[p.pk for p in patients],
            query=query[:100],
        )


# --- the clinical core's view of a patient ----------------------------------------------------

# How far back the alert rules look: the longest window of any rule, with room to spare.
SNAPSHOT_DAYS = 120
LAB_DAYS = 400


def episode_current(*, patient: Patient) -> Episode | None:
    """The open episode (a constraint allows one), or None."""
    episode: Episode | None = patient.episodes.exclude(state=Episode.State.STOPPED).first()
    return episode


def dose_calendar(
    *, regimen: Regimen
) -> Callable[[dt.date], clinical_regimens.ScheduledDose | None]:
    """What is due on a day of ``regimen``: its own calendar, or the stored taper plan's step.

    The plan's steps replace the regimen's doses on their days (e.g. 25 mg instead of 50 mg);
    the plan is read once, so the returned function can be asked about many days.
    """
    plan = (
        TaperPlan.objects.filter(episode_id=regimen.episode_id)
        .order_by("-recorded_at", "-id")
        .first()
    )
    return dose_calendar_with(regimen=regimen, plan=plan)


def dose_calendar_with(
    *, regimen: Regimen, plan: TaperPlan | None
) -> Callable[[dt.date], clinical_regimens.ScheduledDose | None]:
    """``dose_calendar`` with the episode's latest taper plan already read (None: no plan)."""
    steps = [
        (
            dt.date.fromisoformat(step["start"]),
            dt.date.fromisoformat(step["end"]),
            int(step["dose_mg"]),
        )
        for step in (plan.plan.get("steps", []) if plan else [])
    ]
    last_dose = plan.last_dose if plan else None
    calendar = regimen.as_clinical()

    def due(day: dt.date) -> clinical_regimens.ScheduledDose | None:
        if last_dose is not None and day > last_dose:
            return None
        for start, end, dose_mg in steps:
            if start <= day <= end:
                return clinical_regimens.ScheduledDose(
                    date=day, dose_mg=dose_mg, formulation="oral", tablets=tablets_for(dose_mg)
                )
        return clinical_regimens.due_on(calendar, day)

    return due


def dose_due(*, regimen: Regimen, day: dt.date) -> clinical_regimens.ScheduledDose | None:
    return dose_calendar(regimen=regimen)(day)


def regimen_current(patient: Patient, formulation: str) -> Regimen | None:
    """The latest regimen of the open episode, if it is of this formulation."""
    episode = episode_current(patient=patient)
    if episode is None:
        return None
    regimen: Regimen | None = episode.regimens.order_by("-start", "-id").first()
    if regimen is None or regimen.formulation != formulation:
        return None
    return regimen


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
    return patient_snapshots(patients=[patient], as_of=as_of)[patient.pk]


def _by_patient(rows: Iterable[tuple[Any, ...]]) -> defaultdict[int, list[tuple[Any, ...]]]:
    """``(patient_id, *values)`` rows grouped by patient, in the rows' order."""
    grouped: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for patient_id, *values in rows:
        grouped[patient_id].append(tuple(values))
    return grouped


def patient_snapshots(
    *, patients: Sequence[Patient], as_of: dt.date
) -> dict[int, alerts.PatientSnapshot | None]:
    """The alert rules' view of many patients at once: the same queries whatever their number.

    The nightly sweep reads a few hundred patients per call; a single patient's refresh after a
    write is the same code with a list of one (None: the patient has no episode yet).
    """
    ids = [patient.pk for patient in patients]
    latest: dict[int, Episode] = {}
    for episode in Episode.objects.filter(patient_id__in=ids).order_by(
        "patient_id", "-opened_on", "-id"
    ):
        latest.setdefault(episode.patient_id, episode)
    if not latest:
        return dict.fromkeys(ids)
    regimens: dict[int, Regimen] = {}
    for regimen in Regimen.objects.filter(episode__in=latest.values()).order_by(
        "episode_id", "-start", "-id"
    ):
        regimens.setdefault(regimen.episode_id, regimen)
    ids = list(latest)
    since = as_of - dt.timedelta(days=SNAPSHOT_DAYS)

    def rows(model: Any, day: str, *fields: str, first: dt.date = since) -> Any:
        return _by_patient(
            model.objects.filter(
                patient_id__in=ids, **{f"{day}__gte": first, f"{day}__lte": as_of}
            ).values_list("patient_id", day, *fields)
        )

    injections = rows(Injection, "given_on")
    doses = rows(DoseEvent, "day", "status")
    check_ins = rows(CheckIn, "day", "craving", "drinks", "opioid_use")
    labs = rows(
        LabResult,
        "collected_on",
        "test",
        "value",
        "upper_limit_normal",
        first=as_of - dt.timedelta(days=LAB_DAYS),
    )
    screens = rows(DrugScreen, "collected_on", "opioids_positive")
    scores = rows(InstrumentResponse, "taken_on", "instrument", "score", "band", "flags")
    contacts = _by_patient(
        FollowUp.objects.filter(
            patient_id__in=ids, done_on__isnull=False, done_on__lte=as_of
        ).values_list("patient_id", "done_on")
    )
    booked = _by_patient(
        FollowUp.objects.filter(episode__in=latest.values()).values_list("patient_id", "due_on")
    )
    snapshots: dict[int, alerts.PatientSnapshot | None] = dict.fromkeys(
        (patient.pk for patient in patients), None
    )
    for patient in patients:
        episode = latest.get(patient.pk)
        if episode is None:
            continue
        regimen = regimens.get(episode.pk)
        pk = patient.pk
        snapshots[pk] = alerts.PatientSnapshot(
            as_of=as_of,
            state=episode.state,  # type: ignore[arg-type]
            indication=episode.indication,  # type: ignore[arg-type]
            formulation=regimen.formulation if regimen else None,  # type: ignore[arg-type]
            sex=patient.sex or None,  # type: ignore[arg-type]
            stopped_on=episode.stopped_on if episode.state == Episode.State.STOPPED else None,
            injections=[day for (day,) in injections[pk]],
            oral_doses=[alerts.OralDoseEvent(on=day, status=status) for day, status in doses[pk]],
            check_ins=[
                alerts.CheckIn(on=day, craving=craving, drinks=drinks, opioid_use=opioid_use)
                for day, craving, drinks, opioid_use in check_ins[pk]
            ],
            labs=[
                alerts.LabResult(
                    on=day, test=test, value=float(value), upper_limit_normal=float(uln)
                )
                for day, test, value, uln in labs[pk]
            ],
            drug_screens=[
                alerts.UrineDrugScreen(on=day, opioids_positive=positive)
                for day, positive in screens[pk]
            ],
            scores=[
                alerts.InstrumentScore(
                    on=day,
                    instrument=instrument,
                    score=total,
                    band=band or None,
                    flags=tuple(flags),
                )
                for day, instrument, total, band, flags in scores[pk]
            ],
            follow_up_contacts=[day for (day,) in contacts[pk]],
            follow_ups_booked=[day for (day,) in booked[pk]],
        )
    return snapshots


# --- the clinician's day ----------------------------------------------------------------------

# Naltrack default: an active patient not heard from in this many days shows on the dashboard.
NO_CONTACT_DAYS = 7  # source: NALTRACK
DASHBOARD_ROWS = 25


def _current_state() -> Subquery:
    return Subquery(
        Episode.objects.filter(patient=OuterRef("pk"))
        .order_by("-opened_on", "-id")
        .values("state")[:1]
    )


def patients_annotated(patients: PatientQuerySet) -> Any:
    """Patients with what lists show beside each name, computed in the same single query.

    Typed ``Any``: the type checker cannot follow annotations across a function boundary.
    """
    open_alerts = Alert.objects.filter(
        patient=OuterRef("pk"), resolved_at__isnull=True, acknowledged_at__isnull=True
    )
    return patients.annotate(
        state=_current_state(),
        indication=Subquery(
            Episode.objects.filter(patient=OuterRef("pk"))
            .order_by("-opened_on", "-id")
            .values("indication")[:1]
        ),
        formulation=Subquery(
            Regimen.objects.filter(patient=OuterRef("pk"))
            .order_by("-start", "-id")
            .values("formulation")[:1]
        ),
        next_injection=Subquery(
            Injection.objects.filter(patient=OuterRef("pk"))
            .order_by("-given_on", "-id")
            .values("next_due")[:1]
        ),
        last_check_in=Subquery(
            CheckIn.objects.filter(patient=OuterRef("pk")).order_by("-day").values("day")[:1]
        ),
        top_alert_rank=Subquery(open_alerts.order_by("severity_rank").values("severity_rank")[:1]),
        open_alert_count=Coalesce(
            Subquery(
                open_alerts.order_by().values("patient").annotate(n=Count("pk")).values("n")[:1]
            ),
            0,
        ),
    )


def patient_list_filtered(
    *, request: HttpRequest, query: str, state: str, indication: str, formulation: str, risk: str
) -> Any:
    patients = patients_annotated(patient_search(request=request, query=query))
    if state:
        patients = patients.filter(state=state)
    if indication:
        patients = patients.filter(indication=indication)
    if formulation:
        patients = patients.filter(formulation=formulation)
    if risk == "alerts":
        patients = patients.filter(top_alert_rank__isnull=False).order_by(
            "top_alert_rank", "family_name", "given_name"
        )
    elif risk == "urgent":
        patients = patients.filter(top_alert_rank=0)
    return patients


@dataclasses.dataclass(frozen=True)
class Dashboard:
    today: dt.date
    alert_counts: dict[str, int]
    alerts: list[Alert]
    injections_due: list[Patient]
    follow_ups_due: list[FollowUp]
    new_patients: list[Patient]
    no_contact: list[Patient]
    no_contact_days: int
    # Reminders that failed and no one has handled yet (essential first).
    delivery_problems: DeliveryProblems


def dashboard_for(*, request: HttpRequest, clinic: Clinic, today: dt.date) -> Dashboard:
    """The clinician's home: a fixed number of queries whatever the clinic's size."""
    visible = Patient.objects.visible_to(request.user)
    open_alerts = Alert.objects.filter(
        patient__in=visible, resolved_at__isnull=True, acknowledged_at__isnull=True
    )
    counts = dict(open_alerts.order_by().values_list("severity").annotate(n=Count("pk")))
    active_states = [str(state) for state in Episode.ACTIVE_STATES]
    annotated = patients_annotated(visible)
    injections_due = list(
        annotated.filter(
            state__in=active_states, next_injection__lte=today + dt.timedelta(days=1)
        ).order_by("next_injection")[:DASHBOARD_ROWS]
    )
    cutoff = timezone.now() - dt.timedelta(days=NO_CONTACT_DAYS)
    no_contact = list(
        annotated.filter(state__in=active_states)
        .filter(Q(last_contact_at__lt=cutoff) | Q(last_contact_at__isnull=True))
        .order_by(F("last_contact_at").asc(nulls_first=True))[:DASHBOARD_ROWS]
    )
    new_patients = list(
        annotated.filter(created_at__gte=timezone.now() - dt.timedelta(days=14)).order_by(
            "-created_at"
        )[:DASHBOARD_ROWS]
    )
    follow_ups = list(
        FollowUp.objects.filter(patient__in=visible, done_on__isnull=True, due_on__lte=today)
        .select_related("patient")
        .order_by("due_on")[:DASHBOARD_ROWS]
    )
    alerts_shown = list(
        open_alerts.select_related("patient").order_by("severity_rank", "-opened_at")[
            :DASHBOARD_ROWS
        ]
    )
    problems = delivery_problems(user=request.user)
    shown = (
        {p.pk for p in injections_due + no_contact + new_patients}
        | {a.patient_id for a in alerts_shown}
        | {f.patient_id for f in follow_ups}
        | {n.patient_id for n in problems.shown}
    )
    audit_list(request=request, object_type="dashboard", clinic_id=clinic.pk, patient_ids=shown)
    return Dashboard(
        today=today,
        alert_counts={
            severity: counts.get(severity, 0) for severity in ("urgent", "high", "routine")
        },
        alerts=alerts_shown,
        injections_due=injections_due,
        follow_ups_due=follow_ups,
        new_patients=new_patients,
        no_contact=no_contact,
        no_contact_days=NO_CONTACT_DAYS,
        delivery_problems=problems,
    )


# --- the patient's chart ----------------------------------------------------------------------

CHART_DAYS = 90


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    day: dt.date
    kind: str
    title: str
    detail: str = ""
    severity: str = ""


@dataclasses.dataclass(frozen=True)
class Chart:
    patient: Patient
    today: dt.date
    episode: Episode | None
    episodes: list[Episode]
    regimen: Regimen | None
    due_today: Any
    last_injection: Injection | None
    next_injection: dt.date | None
    last_check_in: CheckIn | None
    open_alerts: list[Alert]
    follow_ups: list[FollowUp]
    taper_plan: TaperPlan | None
    upcoming_sessions: list[TherapySession]
    timeline: list[TimelineEntry]
    check_ins: list[CheckIn]
    dose_events: list[DoseEvent]
    labs: list[LabResult]
    thresholds: alerts.Thresholds


def chart_for(*, patient: Patient, today: dt.date) -> Chart:
    """Everything the chart page shows, in a fixed number of queries (no per-row lookups)."""
    since = today - dt.timedelta(days=CHART_DAYS)
    episodes = list(patient.episodes.order_by("-opened_on", "-id"))
    episode = episodes[0] if episodes else None
    regimen = (
        Regimen.objects.filter(episode=episode)
        .select_related("prescriber")
        .order_by("-start", "-id")
        .first()
        if episode
        else None
    )
    injections = list(
        Injection.objects.filter(patient=patient)
        .select_related("given_by")
        .order_by("-given_on", "-id")[:12]
    )
    check_ins = list(CheckIn.objects.filter(patient=patient, day__gte=since).order_by("day"))
    labs = list(
        LabResult.objects.filter(
            patient=patient, collected_on__gte=today - dt.timedelta(days=LAB_DAYS)
        ).order_by("collected_on", "id")
    )
    dose_events = list(DoseEvent.objects.filter(patient=patient, day__gte=since).order_by("day"))
    screens = list(DrugScreen.objects.filter(patient=patient, collected_on__gte=since))
    instruments_taken = list(
        InstrumentResponse.objects.filter(patient=patient, taken_on__gte=since)
    )
    sessions = list(
        TherapySession.objects.filter(
            patient=patient, scheduled_at__date__gte=since
        ).select_related("counsellor")
    )
    notes = list(
        ClinicalNote.objects.filter(patient=patient, recorded_at__date__gte=since).select_related(
            "recorded_by"
        )
    )
    checks = list(StartCheck.objects.filter(patient=patient, checked_on__gte=since))
    plans = list(TaperPlan.objects.filter(patient=patient).order_by("-recorded_at", "-id")[:3])
    follow_ups = (
        list(FollowUp.objects.filter(patient=patient, episode=episode).order_by("due_on"))
        if episode
        else []
    )
    alerts_all = list(
        Alert.objects.filter(patient=patient, opened_at__date__gte=since).select_related(
            "acknowledged_by"
        )
    )
    open_alerts = sorted(
        (
            a
            for a in Alert.objects.filter(
                patient=patient, resolved_at__isnull=True, acknowledged_at__isnull=True
            )
        ),
        key=lambda a: (a.severity_rank, -a.opened_at.timestamp()),
    )

    timeline: list[TimelineEntry] = []
    timeline += [
        TimelineEntry(
            i.given_on,
            "injection",
            f"Injection {i.dose_mg} mg, {i.get_site_display().lower()}",
            f"Lot {i.lot or '—'}, by {i.given_by}",
        )
        for i in injections
        if i.given_on >= since
    ]
    timeline += [
        TimelineEntry(
            lab.collected_on,
            "lab",
            f"{lab.test} {lab.value:g} {lab.unit}",
            f"{lab.multiple_of_uln:.1f} × upper limit of normal ({lab.upper_limit_normal:g})",
        )
        for lab in labs
        if lab.collected_on >= since
    ]
    timeline += [
        TimelineEntry(
            s.collected_on,
            "screen",
            "Urine drug screen: " + ("opioids POSITIVE" if s.opioids_positive else "no opioids"),
            s.other_findings,
            "urgent" if s.opioids_positive else "",
        )
        for s in screens
    ]
    timeline += [
        TimelineEntry(
            r.taken_on,
            "instrument",
            f"{r.get_instrument_display()}: {r.score}/{r.max_score}"
            + (f" ({r.band.replace('_', ' ')})" if r.band else ""),
            ", ".join(r.flags).replace("_", " "),
            "urgent" if r.flags else "",
        )
        for r in instruments_taken
    ]
    timeline += [
        TimelineEntry(
            timezone.localdate(s.scheduled_at),
            "therapy",
            f"{s.get_kind_display()}: {s.get_status_display().lower()}",
            s.notes[:200],
        )
        for s in sessions
        if s.scheduled_at.date() <= today
    ]
    timeline += [
        TimelineEntry(
            timezone.localdate(n.recorded_at), "note", f"Note by {n.recorded_by}", n.text[:300]
        )
        for n in notes
    ]
    timeline += [
        TimelineEntry(
            c.checked_on,
            "start_check",
            f"Start check: {c.status.replace('_', ' ')}",
            f"earliest start {c.earliest_start}" if c.earliest_start else "",
        )
        for c in checks
    ]
    timeline += [
        TimelineEntry(
            timezone.localdate(p.recorded_at),
            "plan",
            f"Plan: {p.strategy.replace('_', ' ')}",
            f"last dose {p.last_dose}, blockade ends {p.blockade_ends}",
        )
        for p in plans
        if p.recorded_at.date() >= since
    ]
    timeline += [
        TimelineEntry(
            f.done_on,
            "follow_up",
            f"Follow-up contact ({f.get_method_display().lower() or 'contact'})",
            f.note[:200],
        )
        for f in follow_ups
        if f.done_on and f.done_on >= since
    ]
    timeline += [
        TimelineEntry(
            timezone.localdate(a.opened_at),
            "alert",
            a.message.split(". ")[0],
            "acknowledged" if a.acknowledged_at else ("resolved" if a.resolved_at else "open"),
            a.severity,
        )
        for a in alerts_all
    ]
    for e in episodes:
        if e.opened_on >= since:
            timeline.append(
                TimelineEntry(
                    e.opened_on,
                    "episode",
                    ("Restarted: " if e.restart_of_id else "Episode opened: ")
                    + e.get_indication_display(),
                )
            )
        if e.stopped_on and since <= e.stopped_on <= today:
            timeline.append(
                TimelineEntry(e.stopped_on, "episode", "Naltrexone stopped", e.stop_reason)
            )
    timeline.sort(key=lambda entry: entry.day, reverse=True)

    last_injection = injections[0] if injections else None
    return Chart(
        patient=patient,
        today=today,
        episode=episode,
        episodes=episodes,
        regimen=regimen,
        due_today=dose_due(regimen=regimen, day=today)
        if regimen and (regimen.end is None or regimen.end >= today)
        else None,
        last_injection=last_injection,
        next_injection=last_injection.next_due
        if last_injection and episode and episode.state in Episode.ACTIVE_STATES
        else None,
        last_check_in=check_ins[-1] if check_ins else None,
        open_alerts=open_alerts,
        follow_ups=follow_ups,
        taper_plan=plans[0] if plans and episode and plans[0].episode_id == episode.pk else None,
        upcoming_sessions=sorted(
            (
                s
                for s in sessions
                if s.scheduled_at.date() >= today and s.status == TherapySession.Status.SCHEDULED
            ),
            key=lambda s: s.scheduled_at,
        ),
        timeline=timeline[:80],
        check_ins=check_ins,
        dose_events=dose_events,
        labs=labs,
        thresholds=clinic_thresholds(patient.clinic),
    )


def alerts_list_audit(*, request: HttpRequest, alerts: list[Alert]) -> None:
    if alerts:
        audit_list(
            request=request,
            object_type="alert",
            clinic_id=alerts[0].clinic_id,
            patient_ids=[a.patient_id for a in alerts],
        )


# --- what the planners send to the clinical core ----------------------------------------------

EXPOSURE_DAYS = 30  # CALCULATORS.md: each opioid taken in the last 30 days


@dataclasses.dataclass(frozen=True)
class StartCheckRecord:
    """The parts of a start check that come from the record rather than the form."""

    exposures: list[OpioidExposure]
    screen: DrugScreen | None
    labs: list[LabResult]

    def as_inputs(self) -> dict[str, Any]:
        return {
            "opioid_exposures": [
                {"kind": e.kind, "last_use": e.last_use.isoformat()} for e in self.exposures
            ],
            "urine_drug_screen": (
                {
                    "date": self.screen.collected_on.isoformat(),
                    "opioids_positive": self.screen.opioids_positive,
                }
                if self.screen
                else None
            ),
            "labs": [
                {
                    "test": lab.test,
                    "value": float(lab.value),
                    "upper_limit_normal": float(lab.upper_limit_normal),
                    "date": lab.collected_on.isoformat(),
                }
                for lab in self.labs
            ],
        }


def start_check_record(*, patient: Patient, on: dt.date) -> StartCheckRecord:
    exposures = list(
        OpioidExposure.objects.filter(
            patient=patient, last_use__gte=on - dt.timedelta(days=EXPOSURE_DAYS), last_use__lte=on
        )
    )
    screen = (
        DrugScreen.objects.filter(patient=patient, collected_on__lte=on)
        .order_by("-collected_on", "-id")
        .first()
    )
    latest: dict[str, LabResult] = {}
    for lab in LabResult.objects.filter(patient=patient, collected_on__lte=on).order_by(
        "-collected_on", "-id"
    )[:40]:
        latest.setdefault(lab.test, lab)
    return StartCheckRecord(exposures=exposures, screen=screen, labs=list(latest.values()))


def current_oral_dose_mg(*, regimen: Regimen, on: dt.date) -> int | None:
    """The daily dose a taper starts from: daily regimens only (others can only stop)."""
    if regimen.kind not in DAILY_REGIMENS:
        return None
    scheduled = clinical_regimens.due_on(regimen.as_clinical(), on) or clinical_regimens.due_on(
        regimen.as_clinical(), on - dt.timedelta(days=1)
    )
    return scheduled.dose_mg if scheduled else None


# Regimens with one dose every day: only these have a daily dose that can be stepped down.
DAILY_REGIMENS = frozenset({"aud_daily", "oud_induction"})
