from __future__ import annotations

import datetime as dt

from django.utils import timezone

from naltrack.operations.models import Heartbeat
from naltrack.reminders.models import SweepRun


def beat(kind: str, *, seconds_ago: float, instance: str = "host-a:100") -> Heartbeat:
    at = timezone.now() - dt.timedelta(seconds=seconds_ago)
    return Heartbeat.objects.update_or_create(
        kind=kind, instance=instance, defaults={"started_at": at, "beat_at": at}
    )[0]


def all_beating() -> None:
    beat(Heartbeat.Kind.WORKER, seconds_ago=5)
    beat(Heartbeat.Kind.SCHEDULER, seconds_ago=30)


def sweep_finished(*, hours_ago: float) -> SweepRun:
    finished = timezone.now() - dt.timedelta(hours=hours_ago)
    return SweepRun.objects.create(
        day=timezone.localdate(finished),
        started_at=finished - dt.timedelta(minutes=1),
        finished_at=finished,
        patients=12,
        opened=2,
        closed=1,
    )
