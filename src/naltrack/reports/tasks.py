"""The reports' background work (django-tasks)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from naltrack.accounts.models import Clinic
from naltrack.reports.figures import figures_refresh


@task()
def figures_refresh_task() -> int:
    """The nightly recount of every clinic's episode figures for the new day, so the morning's
    reports find them ready (and a row a write raced is mended). Returns how many were stored."""
    today = timezone.localdate()
    return sum(figures_refresh(clinic, today=today) for clinic in Clinic.objects.order_by("pk"))
