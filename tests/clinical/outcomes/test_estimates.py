"""Shares and means with their intervals, against values computed by hand."""

from __future__ import annotations

import pytest

from naltrack.clinical.outcomes.estimates import mean_interval, wilson


@pytest.mark.parametrize(
    ("count", "n", "lower", "upper"),
    [
        (8, 10, 0.4902, 0.9433),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (1, 2, 0.0945, 0.9055),
    ],
)
def test_wilson_intervals(count, n, lower, upper):
    share = wilson(count, n)
    assert share.value == count / n
    assert share.lower == pytest.approx(lower, abs=1e-4)
    assert share.upper == pytest.approx(upper, abs=1e-4)


def test_an_empty_group_has_no_share_and_a_count_over_n_is_refused():
    assert wilson(0, 0).value is None
    with pytest.raises(ValueError):
        wilson(3, 2)


def test_mean_interval():
    # mean 4, sample sd 2 (values 2, 4, 6), half width 1.96 * 2 / sqrt(3) = 2.263
    mean = mean_interval([2, 4, 6])
    assert mean.value == 4
    assert (mean.lower, mean.upper) == pytest.approx((1.737, 6.263), abs=1e-3)
    assert mean_interval([5]).lower is None and mean_interval([]).value is None
