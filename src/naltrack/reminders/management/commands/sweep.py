from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from naltrack.reminders import services

BAR_WIDTH = 30


def progress_text(done: int, total: int) -> str:
    """A one-line text bar, redrawn in place with a carriage return."""
    filled = BAR_WIDTH * done // total if total else BAR_WIDTH
    line = f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} patients"
    return line + ("\n" if done >= total else "")


class Command(BaseCommand):
    help = "Run the alert rules over every active patient: open new alerts, close passed ones."

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(done: int, total: int) -> None:
            self.stderr.write(progress_text(done, total), ending="")
            self.stderr.flush()

        result = services.alerts_sweep_recorded(today=timezone.localdate(), progress=progress)
        assert result is not None  # only a sweep asked to skip a finished night returns None
        self.stdout.write(
            f"Swept {result.patients} patient(s): {result.opened} alert(s) opened, "
            f"{result.closed} closed."
        )
