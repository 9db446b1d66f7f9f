"""The last sign of life of each background process."""

from __future__ import annotations

from django.db import models


class Heartbeat(models.Model):
    """One row per running process (its kind, and the host and process id it runs as),
    overwritten at each beat.

    A row per process rather than per kind lets several workers beat without contending for one
    row and lets ``naltrack status`` count those alive; the health check reads the newest beat of
    each kind. A process that stops leaves its row behind to show when it was last seen; rows not
    refreshed for a week are deleted when a process of their kind starts.
    """

    class Kind(models.TextChoices):
        WORKER = "worker", "Background worker"
        SCHEDULER = "scheduler", "Scheduler"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    instance = models.CharField(max_length=200, help_text="host:process id")
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField()
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "instance"], name="one_heartbeat_per_process")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.instance} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
