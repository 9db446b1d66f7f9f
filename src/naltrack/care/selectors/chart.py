"""The patient's chart: everything the chart page shows, in a fixed number of queries."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.utils import timezone

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
from naltrack.care.selectors.snapshot import LAB_DAYS, clinic_thresholds
from naltrack.care.selectors.treatment import Treatment, treatment_of
from naltrack.clinical import alerts

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
    # What the patient is on today: the same answer as Today, the patient's pages and the card.
    treatment: Treatment
    last_check_in: CheckIn | None
    open_alerts: list[Alert]
    follow_ups: list[FollowUp]
    upcoming_sessions: list[TherapySession]
    timeline: list[TimelineEntry]
    check_ins: list[CheckIn]
    dose_events: list[DoseEvent]
    labs: list[LabResult]
    thresholds: alerts.Thresholds


def _treatment(
    episode: Episode | None,
    regimens: list[Regimen],
    injections: list[Injection],
    plans: list[TaperPlan],
    dose_events: list[DoseEvent],
    today: dt.date,
) -> Treatment:
    """What the patient is on today, from the rows the chart has read already (``treatment_of``:
    the same rule as every other page)."""
    regimen = next(
        (r for r in regimens if episode is not None and r.episode_id == episode.pk), None
    )
    return treatment_of(
        today=today,
        episode=episode,
        regimen=regimen,
        plan=plans[0] if plans else None,
        last_injection=injections[0] if injections else None,
        dose_today=next(
            (
                event
                for event in dose_events
                if event.day == today and regimen is not None and event.regimen_id == regimen.pk
            ),
            None,
        ),
    )


def chart_for(*, patient: Patient, today: dt.date) -> Chart:
    """Everything the chart page shows, in a fixed number of queries (no per-row lookups)."""
    since = today - dt.timedelta(days=CHART_DAYS)
    episodes = list(patient.episodes.order_by("-opened_on", "-id"))
    episode = episodes[0] if episodes else None
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
    regimens = list(
        Regimen.objects.filter(patient=patient)
        .select_related("prescriber")
        .order_by("-start", "-id")
    )
    exposures = list(
        OpioidExposure.objects.filter(patient=patient, last_use__gte=since).select_related(
            "recorded_by"
        )
    )
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
            r.start,
            "regimen",
            f"Started {r.get_kind_display()}",
            f"prescribed by {r.prescriber}",
        )
        for r in regimens
        if since <= r.start <= today
    ]
    # Starting against a "do not start" check is a decision the whole team must be able to see.
    timeline += [
        TimelineEntry(
            r.start,
            "override",
            "Started against the start check's advice",
            f"Reason given by {r.prescriber}: {r.override_reason}"
            + "".join(f" Overrode: {f['message']}" for f in r.override_findings),
            "urgent",
        )
        for r in regimens
        if r.override_reason and since <= r.start <= today
    ]
    timeline += [
        TimelineEntry(
            x.last_use,
            "opioid_use",
            f"Opioid use recorded: {x.get_kind_display().lower()}"
            + (f" ({x.substance})" if x.substance else ""),
            f"recorded by {x.recorded_by}" if x.recorded_by else "",
            "urgent",
        )
        for x in exposures
        if x.last_use <= today
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

    return Chart(
        patient=patient,
        today=today,
        episode=episode,
        episodes=episodes,
        treatment=_treatment(episode, regimens, injections, plans, dose_events, today),
        last_check_in=check_ins[-1] if check_ins else None,
        open_alerts=open_alerts,
        follow_ups=follow_ups,
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
