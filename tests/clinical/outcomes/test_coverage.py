"""Time in treatment, days covered, continuity and on-time injections, worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from naltrack.clinical.outcomes.coverage import (
    LapseRule,
    injections_on_time,
    longest_continuous_run,
    proportion_of_days_covered,
    spans,
    time_in_treatment,
)

JAN = [dt.date(2026, 1, d) for d in range(1, 32)]
RULE = LapseRule()


def day(month: int, d: int) -> dt.date:
    return dt.date(2026, month, d)


def tablets(*days: dt.date):
    return spans(days, [], RULE)


def test_tablets_lapse_after_thirty_days_without_a_dose():
    covered = tablets(*JAN[:10])  # 1-10 January
    # 9 February: 30 days without a dose, still in treatment (censored on the day)
    waiting = time_in_treatment(started=day(1, 1), stopped=None, covered=covered, today=day(2, 9))
    assert (waiting.days, waiting.ended, waiting.end) == (39, False, day(2, 9))
    ended = time_in_treatment(started=day(1, 1), stopped=None, covered=covered, today=day(2, 10))
    assert (ended.days, ended.ended, ended.end) == (9, True, day(1, 10))


def test_an_injection_lapses_fourteen_days_past_due():
    covered = spans([], [day(1, 1)], RULE)  # covers 1-28 January, due 29 January
    waiting = time_in_treatment(started=day(1, 1), stopped=None, covered=covered, today=day(2, 11))
    assert not waiting.ended
    lapsed = time_in_treatment(started=day(1, 1), stopped=None, covered=covered, today=day(2, 12))
    assert (lapsed.days, lapsed.ended, lapsed.end) == (27, True, day(1, 28))


def test_a_late_injection_within_the_grace_keeps_treatment_going():
    covered = spans([], [day(1, 1), day(2, 5)], RULE)
    kept = time_in_treatment(started=day(1, 1), stopped=None, covered=covered, today=day(3, 10))
    assert (kept.days, kept.ended) == (68, False)


def test_a_stop_ends_treatment_on_its_day_even_with_cover_left():
    covered = spans([], [day(1, 1)], RULE)
    stopped = time_in_treatment(
        started=day(1, 1), stopped=day(1, 20), covered=covered, today=day(3, 1)
    )
    assert (stopped.days, stopped.ended, stopped.end) == (19, True, day(1, 20))


def test_a_start_with_no_dose_recorded_counts_the_first_day():
    lapsed = time_in_treatment(started=day(1, 1), stopped=None, covered=[], today=day(3, 1))
    assert (lapsed.days, lapsed.ended) == (0, True)


def test_tablets_after_an_injection_merge_and_take_the_tablet_grace():
    covered = spans([day(1, 28), day(1, 29)], [day(1, 1)], RULE)
    assert [(s.first, s.last, s.grace) for s in covered] == [(day(1, 1), day(1, 29), 30)]


def test_proportion_of_days_covered():
    covered = tablets(*[d for d in JAN[:10] if d.day not in (4, 8)])
    assert proportion_of_days_covered(covered, day(1, 1), day(1, 10)) == pytest.approx(0.8)
    injected = spans([], [day(1, 1)], RULE)
    assert proportion_of_days_covered(injected, day(1, 1), day(2, 25)) == pytest.approx(28 / 56)


def test_continuity_forgives_gaps_of_seven_days_not_eight():
    # 1-28 Jan, then 5 Feb-4 Mar (gap 29 Jan-4 Feb: 7 days), then 13 Mar (gap 5-12 Mar: 8 days)
    covered = spans([], [day(1, 1), day(2, 5), day(3, 13)], RULE)
    run = longest_continuous_run(covered, day(1, 1), day(12, 31))
    assert run == (day(3, 4) - day(1, 1)).days + 1


def test_injections_on_time():
    given = [day(1, 1), day(2, 5), day(3, 20)]
    # due 29 Jan -> given 5 Feb (7 days: on time); due 5 Mar -> 20 Mar (late); due 17 Apr -> none
    assert injections_on_time(given, until=day(6, 1), stopped=None) == (1, 3)
    # a stop before the third falls due, and a window not yet closed, are not counted
    assert injections_on_time(given, until=day(6, 1), stopped=day(4, 1)) == (1, 2)
    assert injections_on_time(given, until=day(4, 20), stopped=None) == (1, 2)
