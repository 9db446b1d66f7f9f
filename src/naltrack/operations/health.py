"""Is this install doing its work? The one reading behind ``/healthz``, ``naltrack status``
and the clinic admin's System panel.

A fixed handful of queries whatever the size of the install, and nothing about any patient or
clinic: ages in seconds, counts, and what to look at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from naltrack.operations.models import Heartbeat
from naltrack.processes.management.commands.scheduler import SWEEP_REQUEUE
from naltrack.reminders.models import Notification, SweepRun

# "failed in the last 24 hours" is read from a failed notification's ``send_after``: its last
# attempt's moment (plus that attempt's backoff), the nearest the row keeps to when it failed.
FAILED_WINDOW = dt.timedelta(hours=24)

_migrations_seen_applied = False


def unapplied_migrations() -> int:
    """How many migrations this code has that the database lacks. Once all are applied the
    answer is remembered for the life of the process: loading the migration graph is the one
    costly step here, and this code's migrations cannot disappear under it."""
    global _migrations_seen_applied
    if _migrations_seen_applied:
        return 0
    executor = MigrationExecutor(connection)
    unapplied = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _migrations_seen_applied = unapplied == 0
    return unapplied


def _age(now: dt.datetime, then: dt.datetime | None) -> int | None:
    return None if then is None else max(0, int((now - then).total_seconds()))


@dataclasses.dataclass(frozen=True)
class ProcessHealth:
    last_seconds: int | None  # age of the newest beat of any process of the kind
    alive: int  # processes of the kind whose beat is within the limit
    limit_seconds: int

    @property
    def ok(self) -> bool:
        return self.last_seconds is not None and self.last_seconds <= self.limit_seconds


@dataclasses.dataclass(frozen=True)
class SweepHealth:
    day: dt.date | None  # the night the latest run swept
    outcome: str  # "never run", "finished", "running" or "did not finish"
    finished_seconds: int | None  # age of the last run that finished
    limit_seconds: int
    ok: bool


@dataclasses.dataclass(frozen=True)
class HealthReport:
    checked_at: dt.datetime
    database: bool
    unapplied_migrations: int | None
    worker: ProcessHealth | None
    scheduler: ProcessHealth | None
    sweep: SweepHealth | None
    reminders_waiting: int | None
    oldest_waiting_seconds: int | None
    reminders_failed_24h: int | None

    @property
    def problems(self) -> list[str]:
        if not self.database:
            return ["the database cannot be reached"]
        found = []
        if self.unapplied_migrations:
            found.append(f"{self.unapplied_migrations} migration(s) not applied: run migrate")
        for name, process in (("worker", self.worker), ("scheduler", self.scheduler)):
            if process is not None and not process.ok:
                seen = (
                    "has never run"
                    if process.last_seconds is None
                    else f"last seen {process.last_seconds} s ago"
                )
                found.append(f"the {name} {seen} (limit {process.limit_seconds} s)")
        if self.sweep is not None and not self.sweep.ok:
            found.append(
                f"no alert sweep has finished for {self.sweep.limit_seconds // 3600} hours"
                f" (latest: {self.sweep.outcome})"
            )
        return found

    @property
    def healthy(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        def process(health: ProcessHealth | None) -> dict[str, Any] | None:
            return None if health is None else {"ok": health.ok, **dataclasses.asdict(health)}

        sweep = self.sweep
        return {
            "status": "ok" if self.healthy else "failing",
            "checked_at": self.checked_at.isoformat(),
            "problems": self.problems,
            "database": {"ok": self.database},
            "migrations": {
                "ok": self.database and not self.unapplied_migrations,
                "unapplied": self.unapplied_migrations,
            },
            "worker": process(self.worker),
            "scheduler": process(self.scheduler),
            "sweep": None
            if sweep is None
            else {
                "ok": sweep.ok,
                "day": sweep.day.isoformat() if sweep.day else None,
                "outcome": sweep.outcome,
                "finished_seconds": sweep.finished_seconds,
                "limit_seconds": sweep.limit_seconds,
            },
            "reminders": {
                "waiting": self.reminders_waiting,
                "oldest_waiting_seconds": self.oldest_waiting_seconds,
                "failed_last_24h": self.reminders_failed_24h,
            },
        }


def process_health(
    *, beats: list[Heartbeat], kind: str, limit: int, now: dt.datetime
) -> ProcessHealth:
    ages = [_age(now, beat.beat_at) for beat in beats if beat.kind == kind]
    known = [age for age in ages if age is not None]
    return ProcessHealth(
        last_seconds=min(known) if known else None,
        alive=sum(1 for age in known if age <= limit),
        limit_seconds=limit,
    )


def sweep_health(*, now: dt.datetime) -> SweepHealth:
    """The latest alert sweep and whether one finished recently enough. A fresh install that
    has never swept is not stale; one whose runs never finish is, counted from the first."""
    limit = settings.NALTRACK_HEALTH_SWEEP_HOURS * 3600
    latest = SweepRun.objects.order_by("-started_at", "-id").first()
    if latest is None:
        return SweepHealth(
            day=None, outcome="never run", finished_seconds=None, limit_seconds=limit, ok=True
        )
    finished = SweepRun.objects.filter(finished_at__isnull=False).aggregate(
        last=Max("finished_at")
    )["last"]
    if latest.finished_at is not None:
        outcome = "finished"
    elif now - latest.started_at < SWEEP_REQUEUE:
        outcome = "running"
    else:
        outcome = "did not finish"
    since = finished or SweepRun.objects.aggregate(first=Min("started_at"))["first"]
    return SweepHealth(
        day=latest.day,
        outcome=outcome,
        finished_seconds=_age(now, finished),
        limit_seconds=limit,
        ok=(_age(now, since) or 0) <= limit,
    )


def health_report(*, now: dt.datetime | None = None) -> HealthReport:
    now = now or timezone.now()
    try:
        connection.ensure_connection()
        unapplied = unapplied_migrations()
        beats = list(Heartbeat.objects.only("kind", "beat_at"))
        reminders = Notification.objects.filter(
            Q(status=Notification.Status.SCHEDULED, send_after__lte=now)
            | Q(status=Notification.Status.FAILED, send_after__gte=now - FAILED_WINDOW)
        ).aggregate(
            waiting=Count("pk", filter=Q(status=Notification.Status.SCHEDULED)),
            oldest=Min("send_after", filter=Q(status=Notification.Status.SCHEDULED)),
            failed=Count("pk", filter=Q(status=Notification.Status.FAILED)),
        )
        sweep = sweep_health(now=now)
    except DatabaseError:
        return HealthReport(now, False, None, None, None, None, None, None, None)
    return HealthReport(
        checked_at=now,
        database=True,
        unapplied_migrations=unapplied,
        worker=process_health(
            beats=beats,
            kind=Heartbeat.Kind.WORKER,
            limit=settings.NALTRACK_HEALTH_WORKER_SECONDS,
            now=now,
        ),
        scheduler=process_health(
            beats=beats,
            kind=Heartbeat.Kind.SCHEDULER,
            limit=settings.NALTRACK_HEALTH_SCHEDULER_SECONDS,
            now=now,
        ),
        sweep=sweep,
        reminders_waiting=reminders["waiting"],
        oldest_waiting_seconds=_age(now, reminders["oldest"]),
        reminders_failed_24h=reminders["failed"],
    )


@dataclasses.dataclass(frozen=True)
class ClinicSystem:
    """What a clinic's admin needs to know of the machinery: is the worker alive, and how many
    of the clinic's reminders failed lately or still wait for someone to handle them."""

    worker: ProcessHealth
    failed_24h: int
    unhandled: int


def clinic_system(*, user: Any, now: dt.datetime | None = None) -> ClinicSystem:
    """Counts only, over the notifications ``user`` may see (their clinic's). Two queries."""
    now = now or timezone.now()
    beats = list(Heartbeat.objects.filter(kind=Heartbeat.Kind.WORKER).only("kind", "beat_at"))
    failed = Notification.objects.visible_to(user).filter(status=Notification.Status.FAILED)
    counts = failed.aggregate(
        failed_24h=Count("pk", filter=Q(send_after__gte=now - FAILED_WINDOW)),
        unhandled=Count("pk", filter=Q(handled_at__isnull=True)),
    )
    return ClinicSystem(
        worker=process_health(
            beats=beats,
            kind=Heartbeat.Kind.WORKER,
            limit=settings.NALTRACK_HEALTH_WORKER_SECONDS,
            now=now,
        ),
        failed_24h=counts["failed_24h"],
        unhandled=counts["unhandled"],
    )
