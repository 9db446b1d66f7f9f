"""Drinking rates per 30 days reported, and change of a score from baseline."""

from __future__ import annotations

import datetime as dt

import pytest

from naltrack.clinical.outcomes.use import (
    change_from_baseline,
    drinking_days,
    drinking_rates,
    split_first_month,
)

START = dt.date(2026, 3, 1)


def test_rates_per_thirty_days_reported():
    rates = drinking_rates(drinking_days([0, 0, 6, 2], heavy_at=5))
    assert (rates.reported_days, rates.heavy_per_30, rates.abstinent_per_30) == (4, 7.5, 15.0)


def test_a_patient_with_no_check_ins_has_no_rate():
    assert drinking_rates(drinking_days([], heavy_at=4)).heavy_per_30 is None


def test_the_first_month_and_after():
    days = [(START - dt.timedelta(days=1), 9), (START, 5), (START + dt.timedelta(days=29), 0)]
    days.append((START + dt.timedelta(days=30), 1))
    assert split_first_month(START, days) == ([5, 0], [1])


@pytest.mark.parametrize(
    ("scores", "change"),
    [
        ([(-2, 18), (30, 10), (60, 6)], -12),  # baseline: the last score before the start
        ([(-9, 20), (-2, 18), (60, 6)], -12),
        ([(5, 15), (40, 9)], -6),  # none before: the first after is the baseline
        ([(-2, 18)], None),
        ([(-9, 20), (-2, 18)], None),  # nothing after the baseline
    ],
)
def test_change_from_baseline(scores, change):
    dated = [(START + dt.timedelta(days=d), s) for d, s in scores]
    assert change_from_baseline(START, dated) == change
