from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from naltrack.operations.heartbeats import WorkerPulse


class Command(BaseCommand):
    help = "Run the background worker (reminders, alert sweeps) on the database task queue."

    def handle(self, *args: Any, **options: Any) -> None:
        pulse = WorkerPulse()
        pulse.start()
        try:
            call_command("db_worker", queue_name="*", interval=1.0, reload=False)
        finally:
            pulse.stop()
