"""The scheduler queues a tick every time and the alert sweep each night until a run finishes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from naltrack.processes.management.commands.scheduler import (
    SWEEP_REQUEUE,
    scheduler_step,
    sweep_due,
)
from naltrack.reminders import services
from naltrack.reminders.models import SweepRun

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def new_york(settings):
    settings.TIME_ZONE = "America/New_York"


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def finished_run(day: int) -> None:
    SweepRun.objects.create(
        day=dt.date(2026, 11, day), started_at=at(day, 2), finished_at=at(day, 2, 1)
    )


def test_the_sweep_is_due_from_its_hour_until_a_run_of_the_night_finishes():
    assert not sweep_due(now=at(10, 1), sweep_hour=2, queued_at=None)
    assert sweep_due(now=at(10, 2), sweep_hour=2, queued_at=None)
    finished_run(10)
    assert not sweep_due(now=at(10, 23), sweep_hour=2, queued_at=None)
    assert sweep_due(now=at(11, 2), sweep_hour=2, queued_at=None)


def test_a_sweep_that_did_not_finish_is_queued_again_an_hour_later():
    # Its worker died part way: the run stays unfinished.
    SweepRun.objects.create(day=dt.date(2026, 11, 10), started_at=at(10, 2))
    queued = at(10, 2)
    assert not sweep_due(now=queued + SWEEP_REQUEUE / 2, sweep_hour=2, queued_at=queued)
    assert sweep_due(now=queued + SWEEP_REQUEUE, sweep_hour=2, queued_at=queued)


def test_a_step_runs_the_tick_and_the_sweep_once_a_night():
    # The test settings run queued tasks at once (ImmediateBackend), so this is the real work.
    queued = scheduler_step(now=at(12, 3), sweep_hour=2, queued_at=None)
    assert queued == at(12, 3)
    (run,) = SweepRun.objects.all()
    assert (run.day, run.finished_at is not None) == (dt.date(2026, 11, 12), True)
    # Finished: the next steps queue only the tick, whatever this scheduler remembers.
    assert scheduler_step(now=at(12, 5), sweep_hour=2, queued_at=None) is None
    assert SweepRun.objects.count() == 1


def test_a_second_sweep_of_a_finished_night_does_nothing():
    first = services.alerts_sweep_recorded(today=dt.date(2026, 11, 12), unless_finished=True)
    assert first is not None and first.finished_at is not None
    again = services.alerts_sweep_recorded(today=dt.date(2026, 11, 12), unless_finished=True)
    assert again is None and SweepRun.objects.count() == 1


def test_the_sweep_command_records_its_run(capsys):
    call_command("sweep")
    run = SweepRun.objects.get()
    assert run.finished_at is not None
    assert f"Swept {run.patients} patient(s)" in capsys.readouterr().out
