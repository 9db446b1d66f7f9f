"""The reports' background work (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from naltrack.accounts.models import Clinic
from naltrack.reports.tallies import tallies_refresh


@task()
def tallies_refresh_task() -> int:
    """The nightly recount of every clinic's episode tallies: mends any that differ from the
    record, so a report is never wrong for longer than a night. Returns how many were mended."""
    return sum(tallies_refresh(clinic) for clinic in Clinic.objects.order_by("pk"))
