from __future__ import annotations

import datetime as dt
import time
from typing import Any, Final

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from naltrack.disclosure.tasks import exports_expire_task
from naltrack.operations.heartbeats import heartbeat_record, heartbeats_prune
from naltrack.operations.models import Heartbeat
from naltrack.reminders import services
from naltrack.reminders.tasks import schedule_tick, sweep_alerts
from naltrack.reports.tasks import figures_refresh_task

# source: NALTRACK — a night's sweep that has not finished (its worker died, or it is still
# queued behind other work) is queued again after this long.
SWEEP_REQUEUE: Final = dt.timedelta(hours=1)


def sweep_due(*, now: dt.datetime, sweep_hour: int, queued_at: dt.datetime | None) -> bool:
    """Tonight's alert sweep is due from ``sweep_hour`` (local) until a run of it has finished;
    this scheduler queues it at most once an hour meanwhile."""
    local = timezone.localtime(now)
    if local.hour < sweep_hour or services.sweep_finished(day=local.date()):
        return False
    return queued_at is None or now - queued_at >= SWEEP_REQUEUE


def scheduler_step(
    *, now: dt.datetime, sweep_hour: int, queued_at: dt.datetime | None
) -> dt.datetime | None:
    """Queue this minute's reminder tick, and the nightly work when it is due: the alert sweep,
    deleting the bulk export files that have expired, and recounting the reports' figures for the new day.

    Only queues: the worker runs the tasks. Queuing twice (two schedulers, a restart) is
    harmless: the tick is idempotent and a sweep finds a finished night and stops. Returns when
    this scheduler last queued the sweep.
    """
    schedule_tick.enqueue()
    if sweep_due(now=now, sweep_hour=sweep_hour, queued_at=queued_at):
        sweep_alerts.enqueue(timezone.localtime(now).date().isoformat())
        exports_expire_task.enqueue()
        figures_refresh_task.enqueue()
        return now
    return queued_at


class Command(BaseCommand):
    help = (
        "Queue the reminder tick every minute and the nightly alert sweep (run beside the worker)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between ticks.")
        parser.add_argument(
            "--sweep-hour", type=int, default=2, help="Local hour of the nightly sweep."
        )
        parser.add_argument(
            "--ticks", type=int, default=None, help="Stop after this many ticks (default: never)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        queued_at: dt.datetime | None = None
        ticks = 0
        started_at = timezone.now()
        heartbeats_prune(kind=Heartbeat.Kind.SCHEDULER)
        while True:
            queued_at = scheduler_step(
                now=timezone.now(), sweep_hour=options["sweep_hour"], queued_at=queued_at
            )
            ticks += 1
            heartbeat_record(
                kind=Heartbeat.Kind.SCHEDULER,
                started_at=started_at,
                detail={
                    "ticks": ticks,
                    "sweep_queued_at": queued_at.isoformat() if queued_at else None,
                },
            )
            if options["ticks"] is not None and ticks >= options["ticks"]:
                return
            time.sleep(options["interval"])
