"""Reading notifications: the history on the chart and the patient's reminders page, and the
clinic's delivery problems (notifications that failed and no one has handled yet)."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.http import Http404

from naltrack.care.models import Patient
from naltrack.reminders.defaults import zone_for
from naltrack.reminders.models import Notification, ReminderPreference

HISTORY_ROWS = 50


def notification_history(*, patient: Patient, limit: int = HISTORY_ROWS) -> list[Notification]:
    return list(
        Notification.objects.filter(patient=patient)
        .select_related("handled_by")
        .order_by("-due_at", "-id")[:limit]
    )


def history_zone(*, patient: Patient) -> str:
    """The zone the patient's reminders are planned in (their own, else the clinic's)."""
    return str(zone_for(patient=patient, preference=preference_for(patient=patient)))


def needing_attention(notifications: list[Notification]) -> list[Notification]:
    """Of a patient's history, the failed notifications no one has handled yet."""
    return [n for n in notifications if n.needs_attention]


def preference_for(*, patient: Patient) -> ReminderPreference | None:
    return ReminderPreference.objects.filter(patient=patient).first()


@dataclasses.dataclass(frozen=True)
class DeliveryProblems:
    shown: list[Notification]
    total: int


def delivery_problems_all(*, user: Any) -> Any:
    """Failed or unreachable, unhandled notifications of the patients ``user`` may see:
    essential ones first, then the newest (the patient comes with each row)."""
    return (
        Notification.objects.visible_to(user)
        .filter(Notification.PROBLEMS, handled_at__isnull=True)
        .select_related("patient")
        .order_by("-essential", "-due_at", "-id")
    )


def delivery_problems(*, user: Any, limit: int) -> DeliveryProblems:
    """The first ``limit`` of ``delivery_problems_all`` and how many there are: two queries
    whatever their number."""
    problems = delivery_problems_all(user=user)
    return DeliveryProblems(shown=list(problems[:limit]), total=problems.count())


def delivery_problem_get(*, user: Any, notification_id: int) -> Notification:
    """A failed or unreachable notification (handled or not) of a patient ``user`` may see;
    otherwise 404."""
    notification: Notification | None = (
        Notification.objects.visible_to(user)
        .filter(Notification.PROBLEMS, pk=notification_id)
        .select_related("patient", "handled_by")
        .first()
    )
    if notification is None:
        raise Http404("No such delivery problem")
    return notification
