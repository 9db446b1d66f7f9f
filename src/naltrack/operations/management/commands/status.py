from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from naltrack.operations.health import HealthReport, ProcessHealth, health_report
from naltrack.operations.models import Heartbeat


def _seconds(age: int | None) -> str:
    if age is None:
        return "never"
    if age < 120:
        return f"{age} s ago"
    if age < 7200:
        return f"{age // 60} min ago"
    return f"{age // 3600} h ago"


def _process(name: str, health: ProcessHealth | None) -> str:
    if health is None:
        return f"{name}: unknown"
    state = "ok" if health.ok else "STALE"
    return (
        f"{name}: {state}, last seen {_seconds(health.last_seconds)}, {health.alive} alive"
        f" (limit {health.limit_seconds} s)"
    )


def report_lines(report: HealthReport) -> list[str]:
    """The health report for a person at a terminal."""
    if not report.database:
        return ["database: UNREACHABLE"]
    lines = [
        "database: ok",
        "migrations: ok"
        if not report.unapplied_migrations
        else f"migrations: {report.unapplied_migrations} NOT APPLIED",
        _process("worker", report.worker),
        _process("scheduler", report.scheduler),
    ]
    sweep = report.sweep
    if sweep is not None:
        lines.append(
            f"alert sweep: {'ok' if sweep.ok else 'STALE'}, latest {sweep.outcome}"
            + (f" (night of {sweep.day})" if sweep.day else "")
            + f", last finished {_seconds(sweep.finished_seconds)}"
        )
    lines.append(
        f"reminders: {report.reminders_waiting} waiting to be sent"
        + (
            f" (oldest due {_seconds(report.oldest_waiting_seconds)})"
            if report.oldest_waiting_seconds is not None
            else ""
        )
        + f", {report.reminders_failed_24h} failed in the last 24 h"
    )
    return lines


class Command(BaseCommand):
    help = "Say whether the database, worker, scheduler and nightly sweep are doing their work (exit 1 if not)."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        report = health_report(now=now)
        for line in report_lines(report):
            self.stdout.write(line)
        if report.database:
            # The operator may see which processes beat where (the health check never says).
            for beat in Heartbeat.objects.order_by("kind", "-beat_at"):
                age = int((now - beat.beat_at).total_seconds())
                self.stdout.write(f"  {beat.kind} {beat.instance}: {_seconds(max(0, age))}")
        if report.healthy:
            self.stdout.write("All well.")
            return
        for problem in report.problems:
            self.stderr.write(f"Problem: {problem}")
        raise SystemExit(1)
