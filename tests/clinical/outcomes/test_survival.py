"""Kaplan-Meier on a cohort worked by hand: ties, censoring, the median and the intervals."""

from __future__ import annotations

import pytest

from naltrack.clinical.outcomes.survival import kaplan_meier

# Six people: ended on days 10, 20, 30 and 50; censored on days 20 (a tie with an end) and 40.
COHORT = [(10, True), (20, False), (20, True), (30, True), (40, False), (50, True)]


def test_the_product_limit_steps():
    curve = kaplan_meier(COHORT)
    assert (curve.n, curve.ended) == (6, 4)
    table = [(s.day, s.at_risk, s.ended, s.censored, round(s.survival, 4)) for s in curve.steps]
    assert table == [
        (10, 6, 1, 0, 0.8333),  # 5/6
        (20, 5, 1, 1, 0.6667),  # the censored person was still at risk on day 20: x 4/5
        (30, 3, 1, 0, 0.4444),  # x 2/3
        (40, 2, 0, 1, 0.4444),
        (50, 1, 1, 0, 0.0),
    ]


def test_the_median_is_the_first_day_at_or_below_one_half():
    assert kaplan_meier(COHORT).median() == 30
    assert kaplan_meier([(10, True), (20, False), (30, False)]).median() is None


def test_greenwood_log_log_interval():
    # Day 10: S = 5/6, Greenwood sum 1/(6*5); se on the log(-log) scale
    # sqrt(1/30) / |ln(5/6)| = 1.0014, so S^exp(+-1.96 * 1.0014) = (0.2731, 0.9747).
    step = kaplan_meier(COHORT).at(10)
    assert step is not None
    assert (step.lower, step.upper) == pytest.approx((0.2731, 0.9747), abs=1e-4)


def test_reading_the_curve_between_and_beyond_its_steps():
    curve = kaplan_meier(COHORT)
    assert curve.at(0).survival == 1.0
    assert curve.at(25).survival == pytest.approx(2 / 3)
    assert curve.at(45).survival == pytest.approx(4 / 9)
    assert curve.at(51) is None  # nobody followed that far


def test_everyone_censored_keeps_the_curve_at_one():
    curve = kaplan_meier([(5, False), (9, False)])
    assert [s.survival for s in curve.steps] == [1.0, 1.0] and curve.ended == 0


def test_negative_times_are_refused():
    with pytest.raises(ValueError):
        kaplan_meier([(-1, True)])
