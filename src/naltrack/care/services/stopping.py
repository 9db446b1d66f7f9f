"""Stopping or tapering naltrexone, and the follow-up contacts after it."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change, field_changes
from naltrack.care import dates
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import (
    Episode,
    FollowUp,
    Patient,
    TaperPlan,
)
from naltrack.care.services.alerts import alerts_refresh
from naltrack.care.services.patients import patient_contacted
from naltrack.care.signals import rows_written_in_bulk
from naltrack.clinical.discontinuation import discontinuation_from_json, plan_discontinuation


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
    latest = episode.regimens.order_by("-start", "-id").first()
    if latest is not None:
        dates.stop_plan_dates(latest).check(parsed.start, "start")
        if parsed.surgery_date is not None:
            dates.surgery_dates(latest).check(parsed.surgery_date, "surgery_date")
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
    rows_written_in_bulk.send(FollowUp, patient_ids=[episode.patient_id])
    for regimen in episode.regimens.filter(end__isnull=True):
        regimen.end = plan.last_dose if plan.last_dose >= regimen.start else regimen.start
        regimen.save(update_fields=["end"])
    # Doses still to come (a step-down, or a stop from a later day) keep the episode tapering
    # until its blockade ends; the nightly sweep then stops it (episodes_finish_tapers).
    still_dosing = plan.steps or plan.last_dose >= timezone.localdate()
    episode.state = Episode.State.TAPERING if still_dosing else Episode.State.STOPPED
    # The stop that matters clinically is the end of the blockade: the day after the last oral
    # dose (later after 100-150 mg), 28 days after the last injection. The high-risk window and
    # the follow-ups count from it.
    episode.stopped_on = plan.blockade_ends
    episode.stop_reason = parsed.reason
    episode.save(update_fields=["state", "stopped_on", "stop_reason"])
    audit_change(
        AuditEvent.Action.CREATE, taper, by, strategy=parsed.strategy, last_dose=str(plan.last_dose)
    )
    alerts_refresh(patient=episode.patient)
    return taper


@transaction.atomic
def episodes_finish_tapers(*, today: dt.date, patient: Patient | None = None) -> int:
    """Tapering episodes whose blockade has ended are stopped (the nightly sweep), audited.

    Pages never write this on a GET: ``selectors.treatment_of`` shows such an episode as
    stopped already, so nobody waits for the sweep to see the truth. A restart finishes the
    patient's own taper first (``patient``).
    """
    tapering = Episode.objects.select_for_update().filter(
        state=Episode.State.TAPERING, stopped_on__lte=today
    )
    finished = list(tapering.filter(patient=patient) if patient is not None else tapering)
    for episode in finished:
        episode.state = Episode.State.STOPPED
        episode.save(update_fields=["state"])
        audit_change(
            AuditEvent.Action.UPDATE, episode, None, changes={"state": ["tapering", "stopped"]}
        )
    return len(finished)


@transaction.atomic
def follow_up_record(
    *, follow_up: FollowUp, done_on: dt.date, method: str, note: str, by: User
) -> FollowUp:
    dates.follow_up_days(follow_up).check(done_on, "done_on")
    changes = field_changes(follow_up, done_on=done_on, method=method, note=note)
    follow_up.recorded_by = follow_up.recorded_by or by
    follow_up.save()
    audit_change(AuditEvent.Action.UPDATE, follow_up, by, changes=changes)
    patient_contacted(follow_up.patient_id, done_on)
    alerts_refresh(patient=follow_up.patient)
    return follow_up
