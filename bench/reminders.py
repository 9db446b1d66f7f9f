"""How long the background work takes for a large clinic population, and how many queries.

Builds a fresh database (a SQLite file in WAL mode, as in production; PostgreSQL with
--postgres URL) holding --patients patients with --days days of history (bench/population.py),
then times, each with its query count:

- a day's reminders: one scheduling pass over every patient with a 24-hour window, creating
  every notification of the day;
- a scheduler tick: the every-minute pass (6-hour catch-up window) once the day is created,
  which creates nothing and must stay cheap;
- the nightly alert sweep over every patient, first run (opening the alerts) and the next
  night (mostly unchanged).

    .venv/bin/python bench/reminders.py [--patients 10000] [--days 60] [--postgres URL]

Results are recorded in docs/background-work.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

TODAY = dt.date(2026, 3, 10)


@contextmanager
def counted() -> Iterator[dict[str, float]]:
    """Count the queries and the wall time of the block."""
    from django.db import connection

    figures = {"queries": 0.0, "seconds": 0.0}

    def count(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        figures["queries"] += 1
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count):
        yield figures
    figures["seconds"] = time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=60, help="days of history per patient")
    parser.add_argument("--postgres", metavar="URL", help="run on this PostgreSQL server")
    args = parser.parse_args(argv)

    from bench.database import django_for, fresh_database

    django_for(args.postgres)
    from bench.population import build

    from naltrack.care.models import Alert
    from naltrack.reminders import services
    from naltrack.reminders.models import Notification
    from naltrack.reminders.schedule import CATCH_UP

    rows: list[tuple[str, dict[str, float], str]] = []
    with fresh_database() as database:
        started = time.perf_counter()
        population = build(patients=args.patients, days=args.days, today=TODAY)
        built = time.perf_counter() - started
        end_of_day = dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9), tzinfo=dt.UTC)

        with counted() as figures:
            day = services.reminders_schedule(now=end_of_day, window=dt.timedelta(hours=24))
        rows.append(("a day's reminders", figures, f"{day.created} notifications created"))
        with counted() as figures:
            tick = services.reminders_schedule(now=end_of_day, window=CATCH_UP)
        rows.append(("a scheduler tick", figures, f"{tick.created} created (all there)"))
        with counted() as figures:
            first = services.alerts_sweep(today=TODAY)
        rows.append(("alert sweep", figures, f"{first.patients} patients, {first.opened} opened"))
        with counted() as figures:
            second = services.alerts_sweep(today=TODAY + dt.timedelta(days=1))
        rows.append(
            (
                "alert sweep, next night",
                figures,
                f"{second.opened} opened, {second.closed} closed",
            )
        )
        notifications = Notification.objects.count()
        alerts = Alert.objects.filter(resolved_at__isnull=True).count()

    print(f"Background work bench — {database}, Python {platform.python_version()}, ", end="")
    print(f"{os.cpu_count()} CPUs")
    print(
        f"population: {population.patients} patients, {population.check_ins} check-ins, "
        f"{population.dose_events} dose events ({args.days} days), built in {built:.1f} s"
    )
    print(f"{'work':<26}{'seconds':>9}{'queries':>10}  result")
    for name, figures, result in rows:
        print(f"{name:<26}{figures['seconds']:>9.2f}{int(figures['queries']):>10}  {result}")
    print(f"notifications in the table: {notifications}; open alerts: {alerts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
