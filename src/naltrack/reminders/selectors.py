"""Reading notifications: the history shown on the chart and the patient's reminders page."""

from __future__ import annotations

from naltrack.care.models import Patient
from naltrack.reminders.models import Notification, ReminderPreference

HISTORY_ROWS = 50


def notification_history(*, patient: Patient, limit: int = HISTORY_ROWS) -> list[Notification]:
    return list(Notification.objects.filter(patient=patient).order_by("-due_at", "-id")[:limit])


def preference_for(*, patient: Patient) -> ReminderPreference | None:
    return ReminderPreference.objects.filter(patient=patient).first()
