"""Taking back a dose the patient reported by mistake."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change, field_changes
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import DoseEvent, Episode, Injection, Patient, WithdrawnDoseReport
from naltrack.care.selectors.dose_reports import dose_report_undoable
from naltrack.care.services.alerts import alerts_refresh


@transaction.atomic
def dose_report_withdraw(
    *, patient: Patient, day: dt.date, by: User, now: dt.datetime | None = None
) -> WithdrawnDoseReport:
    """Take back the patient's own "I took my dose" within minutes of the tap.

    The report is not erased: it moves from the day's doses to the patient's withdrawn reports,
    and both steps are audited, so adherence, the alert rules and the chart read the day as
    unreported while the record keeps what was said and when.
    """
    event = dose_report_undoable(patient=patient, day=day, by=by, now=now)
    if event is None:
        raise ClinicalRuleError(
            "day", "This dose can no longer be undone here. Please tell your clinic."
        )
    # Two taps on Undo at once: the second finds the row gone and is refused.
    if not DoseEvent.objects.select_for_update().filter(pk=event.pk).exists():
        raise ClinicalRuleError("day", "This dose was already undone.")
    withdrawn = WithdrawnDoseReport.objects.create(
        patient=patient,
        regimen=event.regimen,
        day=event.day,
        dose_mg=event.dose_mg,
        status=event.status,
        reported_at=event.recorded_at,
        recorded_by=by,
    )
    audit_change(
        AuditEvent.Action.DELETE,
        event,
        by,
        day=event.day.isoformat(),
        status=event.status,
        withdrawn_report=withdrawn.pk,
    )
    event.delete()
    audit_change(AuditEvent.Action.CREATE, withdrawn, by, day=event.day.isoformat())
    _induction_again(event.regimen.episode, by)
    alerts_refresh(patient=patient)
    return withdrawn


def _induction_again(episode: Episode, by: User) -> None:
    """The withdrawn dose may have been the one that ended induction (``dose_record``): without
    it and with no other, the patient is still starting."""
    if episode.state != Episode.State.MAINTENANCE:
        return
    later_dose = DoseEvent.objects.filter(
        regimen__episode=episode, status=DoseEvent.Status.TAKEN, day__gt=F("regimen__start")
    ).exists()
    if later_dose or Injection.objects.filter(regimen__episode=episode).exists():
        return
    changes = field_changes(episode, state=Episode.State.INDUCTION)
    episode.save(update_fields=["state"])
    audit_change(AuditEvent.Action.UPDATE, episode, by, changes=changes)
