"""Many past records at once (a history, an import).

The daily records are the bulk of a record's history: these write many of them with the rules
of the one-at-a-time services (each row audited, alerts refreshed), in a few queries.
"""

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change
from naltrack.care import dates, selectors
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    Patient,
    Regimen,
)
from naltrack.care.services.alerts import alerts_refresh
from naltrack.care.services.patients import patient_contacted
from naltrack.care.services.regimens import episode_induction_done
from naltrack.care.signals import rows_written_in_bulk
from naltrack.clinical.vocabulary import ORAL


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
    allowed = dates.since_birth(patient, "The day of the check-in")
    for day in (min(days), max(days)):
        allowed.check(day, "day")
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
    rows_written_in_bulk.send(CheckIn, patient_ids=[patient.pk])
    # Read back rather than trust bulk_create to fill ids: not every database returns them.
    created = [row for row in on_those_days.order_by("day") if row.day in wanted]
    for check_in in created:
        audit_change(AuditEvent.Action.CREATE, check_in, by)
    patient_contacted(patient.pk, max(days))
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
    allowed = dates.dose_days(regimen)
    for entry in doses:
        allowed.check(entry.day, "day")
        scheduled = dose_on(entry.day)
        if scheduled is None or scheduled.formulation != ORAL:
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
    rows_written_in_bulk.send(DoseEvent, patient_ids=[regimen.patient_id])
    created = [row for row in on_those_days.order_by("day") if row.day in wanted]
    for event in created:
        audit_change(AuditEvent.Action.CREATE, event, by, status=event.status)
    if any(e.status == DoseEvent.Status.TAKEN and e.day > regimen.start for e in created):
        episode_induction_done(regimen.episode)
    alerts_refresh(patient=regimen.patient)
    return created
