"""Opening an episode, the start check, starting naltrexone, and each dose and injection."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change, field_changes
from naltrack.care import dates, selectors
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import (
    DoseEvent,
    Episode,
    Injection,
    OpioidExposure,
    Patient,
    Regimen,
    StartCheck,
)
from naltrack.care.services.alerts import alerts_refresh
from naltrack.care.services.stopping import episodes_finish_tapers
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.formulary import XR_DOSE_MG
from naltrack.clinical.start_check import start_check, start_check_from_json
from naltrack.clinical.vocabulary import ORAL, XR_INJECTION

# --- episodes --------------------------------------------------------------------------------


@transaction.atomic
def episode_open(
    *, patient: Patient, indication: str, opened_on: dt.date, by: User | None
) -> Episode:
    """Open a screening episode; a patient whose last episode stopped gets a linked restart."""
    dates.since_birth(patient, "The day the episode opens").check(opened_on, "opened_on")
    episodes_finish_tapers(today=opened_on, patient=patient)
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
    audit_change(
        AuditEvent.Action.CREATE,
        episode,
        by,
        restart_of=previous.pk if previous else None,
        follow_ups_dropped=dropped,
    )
    return episode


@transaction.atomic
def opioid_exposure_record(
    *, patient: Patient, kind: str, last_use: dt.date, substance: str = "", by: User | None
) -> OpioidExposure:
    dates.since_birth(patient, "The day of last use").check(last_use, "last_use")
    exposure = OpioidExposure.objects.create(
        patient=patient, kind=kind, last_use=last_use, substance=substance, recorded_by=by
    )
    audit_change(AuditEvent.Action.CREATE, exposure, by)
    alerts_refresh(patient=patient)  # opioid use at any time is an overdose risk
    return exposure


@transaction.atomic
def start_check_run(*, episode: Episode, inputs: dict[str, Any], by: User | None) -> StartCheck:
    """Run the clinical core's start check on ``inputs`` (the form docs/calculators.md gives) and store both."""
    parsed = start_check_from_json(inputs)
    dates.start_check_dates(episode).check(parsed.date, "date")
    if parsed.naloxone_challenge is not None:
        dates.challenge_dates(episode).check(parsed.naloxone_challenge.date, "challenge")
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
    audit_change(AuditEvent.Action.CREATE, check, by, status=result.status)
    return check


# source: NALTRACK — starting against the start check is a decision the whole team must be able
# to follow later: a reason of a sentence or more (what was checked, why now), not a keystroke.
OVERRIDE_REASON_MIN_CHARS = 25


@transaction.atomic
def regimen_start(
    *,
    episode: Episode,
    kind: str,
    start: dt.date,
    prescriber: User,
    override_reason: str = "",
    acknowledged: Sequence[str] = (),
) -> Regimen:
    """Start naltrexone: needs a `ready` start check of the same day, or a clinician's override
    with a reason of substance and each overridden finding acknowledged."""
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
    dates.regimen_start_dates(episode).check(start, "start")
    check = episode.start_checks.filter(checked_on=start).order_by("-id").first()
    override_reason = override_reason.strip()
    overridden: list[dict[str, str]] = []
    if episode.state == Episode.State.SCREENING and (check is None or check.status != "ready"):
        overridden = selectors.override_findings(episode, start)
        _override_accepted(start, check, override_reason, overridden, acknowledged)
    else:
        override_reason = ""
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
        override_findings=overridden,
        recorded_by=prescriber,
    )
    if episode.state == Episode.State.SCREENING:
        episode.state = Episode.State.INDUCTION
        episode.started_on = start
        episode.save(update_fields=["state", "started_on"])
    audit_change(
        AuditEvent.Action.CREATE,
        regimen,
        prescriber,
        kind=kind,
        start_check=check.pk if check else None,
        override_reason=override_reason or None,
        overridden=[f["code"] for f in overridden] or None,
    )
    return regimen


def _override_accepted(
    start: dt.date,
    check: StartCheck | None,
    reason: str,
    findings: list[dict[str, str]],
    acknowledged: Sequence[str],
) -> None:
    if not reason:
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
    if len(reason) < OVERRIDE_REASON_MIN_CHARS:
        raise ClinicalRuleError(
            "override_reason",
            f"Say in a sentence or more (at least {OVERRIDE_REASON_MIN_CHARS} characters) what you "
            "checked and why starting now is safer than waiting.",
        )
    missing = [f for f in findings if f["code"] not in set(acknowledged)]
    if missing:
        raise ClinicalRuleError(
            "acknowledged",
            "Tick each finding you are overriding: " + " ".join(f["message"] for f in missing),
        )


def _injection_spacing_checked(patient: Patient, given_on: dt.date) -> None:
    early = dt.timedelta(days=clinical_regimens.INJECTION_EARLY_DAYS)
    near = (
        Injection.objects.filter(
            patient=patient, given_on__gt=given_on - early, given_on__lt=given_on + early
        )
        .order_by("given_on")
        .first()
    )
    check = "Check it is not recorded twice, then tick the box to record it anyway."
    if near is not None:
        days = (given_on - near.given_on).days
        if days == 0:
            raise ClinicalRuleError(
                "confirm_spacing",
                f"An injection is already recorded on {dates.day_text(near.given_on)}; the "
                f"injection is given every 4 weeks. {check}",
            )
        when = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
        raise ClinicalRuleError(
            "confirm_spacing",
            f"This is {when} {'after' if days > 0 else 'before'} the injection of "
            f"{dates.day_text(near.given_on)}; the injection is given every 4 weeks. {check}",
        )
    last = (
        Injection.objects.filter(patient=patient, given_on__lt=given_on)
        .order_by("-given_on")
        .first()
    )
    if last is not None and clinical_regimens.injection_spacing(last.given_on, given_on) == "late":
        raise ClinicalRuleError(
            "confirm_spacing",
            f"This is {(given_on - last.given_on).days} days after the last injection "
            f"({dates.day_text(last.given_on)}). Before giving it, reassess opioid use and dependence since then "
            "(a urine screen, and a naloxone challenge if in doubt); then tick the box to record "
            "it.",
        )


def episode_induction_done(episode: Episode) -> bool:
    """The first dose after the start day (oral) or the first injection ends induction; say
    whether this one did."""
    if episode.state != Episode.State.INDUCTION:
        return False
    episode.state = Episode.State.MAINTENANCE
    episode.save(update_fields=["state"])
    return True


@transaction.atomic
def dose_record(
    *, regimen: Regimen, day: dt.date, status: str, observed: bool = False, by: User | None
) -> DoseEvent:
    """Record a scheduled oral dose as taken or missed, once a day. A later report updates it,
    except that a patient's own report never replaces what staff saw: it is kept beside it
    (``patient_report``) and, when it differs, the alert rules ask a clinician to check."""
    dates.dose_days(regimen).check(day, "day")
    scheduled = selectors.dose_due(regimen=regimen, day=day)
    if scheduled is None or scheduled.formulation != ORAL:
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
        audit_change(AuditEvent.Action.CREATE, event, by, status=status)
    else:
        if event.observed and not observed:
            changes = field_changes(event, patient_report="" if status == event.status else status)
        else:
            earlier_report = event.status if not event.observed and event.status != status else ""
            changes = field_changes(
                event,
                status=status,
                observed=observed,
                patient_report=earlier_report if observed else "",
            )
        if changes:
            event.save(update_fields=list(changes))
            audit_change(AuditEvent.Action.UPDATE, event, by, changes=changes)
    induction_ended = (
        status == DoseEvent.Status.TAKEN
        and day > regimen.start
        and episode_induction_done(regimen.episode)
    )
    # A dose feeds the dose rules alone, unless it moved the episode on (every rule reads that).
    alerts_refresh(patient=regimen.patient, changed=None if induction_ended else {"oral_doses"})
    return event


@transaction.atomic
def injection_record(
    *,
    regimen: Regimen,
    given_on: dt.date,
    site: str,
    lot: str,
    given_by: User,
    confirm_spacing: bool = False,
) -> Injection:
    """Record an injection given. One on the same day as another or within 3 weeks of one (a
    second entry of the same injection?), or long after the last (opioid use may have returned),
    is stored only once the clinician confirms it."""
    if regimen.formulation != XR_INJECTION:
        raise ClinicalRuleError("regimen", "This regimen is not the monthly injection.")
    dates.injection_days(regimen).check(given_on, "given_on")
    if not confirm_spacing:
        _injection_spacing_checked(regimen.patient, given_on)
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
    audit_change(AuditEvent.Action.CREATE, injection, given_by, site=site)
    episode_induction_done(regimen.episode)
    alerts_refresh(patient=regimen.patient)
    return injection
