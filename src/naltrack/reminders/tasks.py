"""Background tasks on django-tasks (its database backend in production: a queue in the database).

``schedule_tick`` is run every minute (``naltrack schedule_reminders`` from cron or the run
script); it creates what fell due and enqueues one ``send_notification`` per ready notification.
Both are safe to run twice: the idempotency key and the row lock decide.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from naltrack.reminders import services


@task()
def send_notification(notification_id: int) -> str:
    return services.notification_send(notification_id=notification_id, now=timezone.now())


@task()
def schedule_tick() -> int:
    result = services.reminders_tick(
        now=timezone.now(), send=lambda pk: send_notification.enqueue(pk)
    )
    return result.created


@task()
def sweep_alerts(day: str = "") -> int:
    """The nightly alert sweep of ``day`` (ISO date; default today), skipped if a run of it
    already finished (``naltrack sweep`` runs one on demand)."""
    today = dt.date.fromisoformat(day) if day else timezone.localdate()
    run = services.alerts_sweep_recorded(today=today, unless_finished=True)
    return run.patients if run else 0
