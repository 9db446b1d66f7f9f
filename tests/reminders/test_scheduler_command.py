"""The scheduler queues a tick every time and the alert sweep once a day after its hour."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from naltrack.reminders.management.commands.scheduler import scheduler_step, sweep_due

ZONE = ZoneInfo("America/New_York")


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("now", "last_sweep", "due"),
    [
        (at(10, 1), dt.date(2026, 11, 9), False),  # before the sweep hour
        (at(10, 2), dt.date(2026, 11, 9), True),
        (at(10, 23), dt.date(2026, 11, 10), False),  # already swept today
        (at(11, 2), dt.date(2026, 11, 10), True),
        (at(11, 5), None, True),
    ],
)
def test_sweep_once_a_local_day_after_its_hour(now, last_sweep, due, settings):
    settings.TIME_ZONE = "America/New_York"
    assert sweep_due(now=now, last_sweep=last_sweep, sweep_hour=2) is due


@pytest.mark.django_db
def test_a_step_runs_the_tick_and_the_sweep(settings):
    # The test settings run queued tasks at once (ImmediateBackend), so this is the real work.
    settings.TIME_ZONE = "America/New_York"
    assert scheduler_step(now=at(12, 3), last_sweep=None, sweep_hour=2) == dt.date(2026, 11, 12)
    assert scheduler_step(now=at(12, 4), last_sweep=dt.date(2026, 11, 12), sweep_hour=2) == dt.date(
        2026, 11, 12
    )
