"""Background work of the disclosure app (django-tasks: the worker of ``naltrack up`` runs it)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from naltrack.disclosure import exports


@task()
def bulk_export_task(export_id: int) -> str:
    return exports.bulk_export_run(export_id=export_id).status


@task()
def exports_expire_task() -> int:
    return exports.exports_expire(now=timezone.now())
