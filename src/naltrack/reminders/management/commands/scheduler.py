from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from naltrack.reminders.tasks import schedule_tick, sweep_alerts


def sweep_due(*, now: dt.datetime, last_sweep: dt.date | None, sweep_hour: int) -> bool:
    """The nightly alert sweep is due once a local day, from ``sweep_hour`` on."""
    local = timezone.localtime(now)
    return local.hour >= sweep_hour and last_sweep != local.date()


def scheduler_step(
    *, now: dt.datetime, last_sweep: dt.date | None, sweep_hour: int
) -> dt.date | None:
    """Queue this minute's reminder tick, and the alert sweep when it is due.

    Only queues: the worker runs the tasks. Queuing twice (two schedulers, a restart) is
    harmless, since the tick and the sweep are idempotent. Returns the day of the last sweep.
    """
    schedule_tick.enqueue()
    if sweep_due(now=now, last_sweep=last_sweep, sweep_hour=sweep_hour):
        sweep_alerts.enqueue()
        return timezone.localtime(now).date()
    return last_sweep


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
        # Starting mid-day counts as swept today: the first sweep is the coming night's.
        last_sweep: dt.date | None = timezone.localdate()
        ticks = 0
        while True:
            last_sweep = scheduler_step(
                now=timezone.now(), last_sweep=last_sweep, sweep_hour=options["sweep_hour"]
            )
            ticks += 1
            if options["ticks"] is not None and ticks >= options["ticks"]:
                return
            time.sleep(options["interval"])
