"""Planning reminders and sweeping alerts read patients together: the query count does not grow
with the number of patients (the 10,000-patient figures are in docs/background-work.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naltrack.care import services as care_services
from naltrack.reminders import services
from naltrack.reminders.models import Notification
from tests.care.helpers import TODAY
from tests.care.test_query_counts import grow

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
# Late enough in the day (UTC) that every patient's 09:00 New York reminder has fallen due.
NOW = dt.datetime.combine(TODAY, dt.time(20), tzinfo=dt.UTC)


def schedule_queries(**kwargs) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        result = services.reminders_schedule(**kwargs)
    return len(queries), result.created


def sweep_queries() -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        result = services.alerts_sweep(today=TODAY)
    return len(queries), result.patients


def test_scheduling_reads_the_same_queries_for_two_patients_or_eight(clinic, clinician):
    grow(clinic, clinician, patients=2, days=5)
    few, created_few = schedule_queries(now=NOW, window=dt.timedelta(hours=24))
    Notification.objects.all().delete()
    grow(clinic, clinician, patients=6, days=5)
    many, created_many = schedule_queries(now=NOW, window=dt.timedelta(hours=24))
    assert created_few > 0 and created_many > created_few
    assert many == few


def test_a_tick_with_nothing_new_writes_nothing(clinic, clinician):
    grow(clinic, clinician, patients=4, days=5)
    services.reminders_schedule(now=NOW, window=dt.timedelta(hours=24))
    with CaptureQueriesContext(connection) as queries:
        again = services.reminders_schedule(now=NOW, window=dt.timedelta(hours=24))
    assert again.created == 0 and again.already_there > 0
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith("INSERT")]


def test_the_sweep_reads_the_same_queries_for_two_patients_or_eight(clinic, clinician):
    grow(clinic, clinician, patients=2, days=5)
    services.alerts_sweep(today=TODAY)  # open today's alerts: the counts below are of a quiet night
    few, patients_few = sweep_queries()
    grow(clinic, clinician, patients=6, days=5)
    services.alerts_sweep(today=TODAY)
    many, patients_many = sweep_queries()
    assert (patients_few, patients_many) == (2, 8)
    assert many == few


def test_one_patient_refreshed_alone_gets_the_same_alerts_as_in_the_sweep(clinic, clinician):
    """The sweep's batch read and a single refresh after a write are the same rules."""
    patients = grow(clinic, clinician, patients=3, days=5)
    services.alerts_sweep(today=TODAY + 30 * DAY)
    swept = sorted(
        (a.patient_id, a.key, a.message)
        for p in patients
        for a in p.alerts.filter(resolved_at__isnull=True)
    )
    for p in patients:
        p.alerts.filter(resolved_at__isnull=True).update(resolved_at=NOW)
        care_services.alerts_refresh(patient=p, today=TODAY + 30 * DAY)
    single = sorted(
        (a.patient_id, a.key, a.message)
        for p in patients
        for a in p.alerts.filter(resolved_at__isnull=True)
    )
    assert swept and swept == single
