"""Which of a patient's own dose reports they may still take back."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from naltrack.accounts.models import User
from naltrack.care.models import DoseEvent, Patient

# source: NALTRACK — ten minutes is enough to notice a mistaken tap, and short enough that what
# the clinic sees of the day (adherence, alerts) settles soon after.
DOSE_UNDO_MINUTES = 10


def dose_report_undoable(
    *, patient: Patient, day: dt.date, by: User, now: dt.datetime | None = None
) -> DoseEvent | None:
    """The day's dose as ``by`` reported it taken in the last few minutes, or None.

    Only a report that the tap itself created: a dose staff saw or recorded, an earlier one, or
    one the patient changed from "missed" is not taken back from the patient's side.
    """
    since = (now or timezone.now()) - dt.timedelta(minutes=DOSE_UNDO_MINUTES)
    event: DoseEvent | None = (
        DoseEvent.objects.filter(
            patient=patient,
            day=day,
            status=DoseEvent.Status.TAKEN,
            observed=False,
            patient_report="",
            recorded_by=by,
            recorded_at__gte=since,
        )
        .select_related("regimen__episode")
        .first()
    )
    return event


def undo_until(event: DoseEvent) -> dt.datetime:
    return event.recorded_at + dt.timedelta(minutes=DOSE_UNDO_MINUTES)
