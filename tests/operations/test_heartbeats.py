"""The worker and the scheduler leave a heartbeat: one row per process, overwritten, and a beat
that cannot be written never stops the work."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks.signals import task_started

from naltrack.operations import heartbeats
from naltrack.operations.heartbeats import (
    WorkerPulse,
    heartbeat_record,
    heartbeats_prune,
    this_process,
)
from naltrack.operations.models import Heartbeat
from naltrack.processes.management.commands import worker
from naltrack.reminders.tasks import schedule_tick
from tests.operations.helpers import beat

pytestmark = pytest.mark.django_db


def test_a_process_keeps_one_row_and_each_beat_moves_it_on():
    started = timezone.now() - dt.timedelta(minutes=5)
    first = started + dt.timedelta(minutes=1)
    heartbeat_record(kind="worker", started_at=started, detail={"tasks_finished": 1}, now=first)
    heartbeat_record(kind="worker", started_at=started, detail={"tasks_finished": 2})
    (row,) = Heartbeat.objects.all()
    assert row.instance == this_process()
    assert row.beat_at > first and row.started_at == started
    assert row.detail == {"tasks_finished": 2}


def test_each_process_has_its_own_row(monkeypatch):
    heartbeat_record(kind="worker", started_at=timezone.now())
    monkeypatch.setattr(heartbeats, "this_process", lambda: "other-host:4242")
    heartbeat_record(kind="worker", started_at=timezone.now())
    heartbeat_record(kind="scheduler", started_at=timezone.now())
    assert Heartbeat.objects.filter(kind="worker").count() == 2
    assert Heartbeat.objects.count() == 3


def test_a_beat_the_database_refuses_is_logged_and_the_work_goes_on(monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Heartbeat.objects, "bulk_create", refuse)
    with caplog.at_level(logging.WARNING, logger="naltrack.operations.heartbeats"):
        assert heartbeat_record(kind="worker", started_at=timezone.now()) is False
    assert "could not record the worker heartbeat" in caplog.text


def test_rows_of_processes_gone_for_a_week_are_pruned_when_one_starts():
    beat("worker", seconds_ago=8 * 86400, instance="gone:1")
    beat("worker", seconds_ago=6 * 86400, instance="recent:2")
    beat("scheduler", seconds_ago=8 * 86400, instance="gone:3")
    heartbeats_prune(kind="worker")
    assert set(Heartbeat.objects.values_list("instance", flat=True)) == {"recent:2", "gone:3"}


def test_the_worker_pulse_beats_at_start_and_carries_what_the_worker_is_doing():
    pulse = WorkerPulse(interval=3600)
    pulse.start()
    try:
        assert Heartbeat.objects.get(kind="worker").detail == {
            "tasks_finished": 0,
            "running_task_since": None,
        }
        seen_running = []

        def while_running(**kwargs):
            seen_running.append(pulse.detail()["running_task_since"])

        task_started.connect(while_running)
        schedule_tick.enqueue()  # run at once by the test settings' backend
        task_started.disconnect(while_running)
        assert seen_running and seen_running[0] is not None
        pulse.beat()
        assert Heartbeat.objects.get(kind="worker").detail == {
            "tasks_finished": 1,
            "running_task_since": None,
        }
    finally:
        pulse.stop()
    # Stopped: tasks run afterwards are not counted.
    schedule_tick.enqueue()
    assert pulse.tasks_finished == 1


def test_the_worker_command_beats_before_it_takes_the_first_task(monkeypatch):
    seen = []

    def db_worker(name, **options):
        seen.append((name, Heartbeat.objects.filter(kind="worker").count()))

    monkeypatch.setattr(worker, "call_command", db_worker)
    call_command("worker")
    assert seen == [("db_worker", 1)]


def test_the_scheduler_records_each_tick():
    call_command("scheduler", ticks=2, interval=0)
    row = Heartbeat.objects.get(kind="scheduler")
    assert row.detail["ticks"] == 2
    assert timezone.now() - row.beat_at < dt.timedelta(seconds=30)
