"""Recording the background processes' heartbeats: one upsert a beat, never in the way of the
work it reports on (a beat that cannot be written is logged and skipped)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from typing import Any, Final

from django.db import DatabaseError, close_old_connections
from django.utils import timezone
from django_tasks.signals import task_finished, task_started

from naltrack.operations.models import Heartbeat

logger = logging.getLogger(__name__)

# source: NALTRACK — a row no process has refreshed for this long belongs to one long gone.
PRUNE_AFTER: Final = dt.timedelta(days=7)
# source: NALTRACK — the worker beats this often: three beats inside the health check's default
# 45-second limit (a dead worker shows within a minute), so one slow write never makes a live
# worker look dead.
WORKER_BEAT_SECONDS: Final = 15.0


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:200]


def heartbeat_record(
    *,
    kind: str,
    started_at: dt.datetime,
    detail: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> bool:
    """Write this process's heartbeat (one upsert). False, and a warning logged, when the
    database refused it: the process goes on with its work either way."""
    beat = Heartbeat(
        kind=kind,
        instance=this_process(),
        started_at=started_at,
        beat_at=now or timezone.now(),
        detail=detail or {},
    )
    try:
        Heartbeat.objects.bulk_create(
            [beat],
            update_conflicts=True,
            unique_fields=["kind", "instance"],
            update_fields=["started_at", "beat_at", "detail"],
        )
    except DatabaseError:
        logger.warning("could not record the %s heartbeat", kind, exc_info=True)
        return False
    return True


def heartbeats_prune(*, kind: str, now: dt.datetime | None = None) -> None:
    """Forget processes of ``kind`` not seen for a week (called as a process starts)."""
    try:
        Heartbeat.objects.filter(
            kind=kind, beat_at__lt=(now or timezone.now()) - PRUNE_AFTER
        ).delete()
    except DatabaseError:
        logger.warning("could not prune old %s heartbeats", kind, exc_info=True)


class WorkerPulse:
    """The worker's heartbeat.

    A thread of its own beats every ``interval`` seconds, idle or busy, so a long task (the
    night's sweep) never makes a live worker look dead, and the queue loop never waits on a
    beat. What the loop is doing travels in the beat (tasks finished, and since when the
    current task runs), from django-tasks' signals: a task stuck for hours shows there.
    """

    def __init__(self, *, interval: float = WORKER_BEAT_SECONDS) -> None:
        self.interval = interval
        self.started_at = timezone.now()
        self.tasks_finished = 0
        self.task_started_at: dt.datetime | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._beat_until_stopped, daemon=True)

    def task_started(self, **kwargs: Any) -> None:
        self.task_started_at = timezone.now()

    def task_finished(self, **kwargs: Any) -> None:
        self.tasks_finished += 1
        self.task_started_at = None

    def detail(self) -> dict[str, Any]:
        running = self.task_started_at
        return {
            "tasks_finished": self.tasks_finished,
            "running_task_since": running.isoformat() if running else None,
        }

    def beat(self) -> bool:
        return heartbeat_record(
            kind=Heartbeat.Kind.WORKER, started_at=self.started_at, detail=self.detail()
        )

    def start(self) -> None:
        task_started.connect(self.task_started)
        task_finished.connect(self.task_finished)
        heartbeats_prune(kind=Heartbeat.Kind.WORKER)
        self.beat()
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        task_started.disconnect(self.task_started)
        task_finished.disconnect(self.task_finished)

    def _beat_until_stopped(self) -> None:
        while not self._stopped.wait(self.interval):
            # This thread's own connection: dropped when too old, as a request's would be.
            close_old_connections()
            self.beat()
        close_old_connections()
