"""`naltrack status`: the health check for a terminal, exit code 0 when all is well, 1 if not."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.operations.helpers import all_beating, beat, sweep_finished

pytestmark = pytest.mark.django_db


def test_all_well_exits_0_and_says_what_it_checked(capsys):
    all_beating()
    sweep_finished(hours_ago=5)
    call_command("status")
    out = capsys.readouterr().out
    assert "database: ok" in out and "migrations: ok" in out
    assert "worker: ok, last seen 5 s ago, 1 alive" in out
    assert "alert sweep: ok, latest finished" in out
    assert "reminders: 0 waiting to be sent, 0 failed in the last 24 h" in out
    assert "worker host-a:100: 5 s ago" in out
    assert out.rstrip().endswith("All well.")


def test_a_stale_worker_exits_1_and_names_the_problem(capsys):
    beat("worker", seconds_ago=15 * 60)
    beat("scheduler", seconds_ago=10)
    with pytest.raises(SystemExit) as exit_:
        call_command("status")
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert "worker: STALE, last seen 15 min ago, 0 alive" in captured.out
    assert "Problem: the worker last seen 900 s ago (limit 45 s)" in captured.err
