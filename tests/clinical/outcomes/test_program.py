"""The program's measures on a five-episode cohort worked by hand (as of 1 July 2026)."""

from __future__ import annotations

import datetime as dt

import pytest

from naltrack.clinical.outcomes.coverage import LapseRule
from naltrack.clinical.outcomes.program import episode_figures, program_measures
from naltrack.clinical.outcomes.tally import EpisodeFacts, tally

TODAY = dt.date(2026, 7, 1)


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def every_day(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    return tuple(first + dt.timedelta(days=n) for n in range((last - first).days + 1))


COHORT = [
    # AUD, tablets every day since 1 January: in treatment, censored at 181 days.
    EpisodeFacts(
        episode=1,
        indication="AUD",
        opened=d(12, 20, 2025),
        started=d(1, 1),
        stopped=None,
        had_start_check=True,
        tablet_days=every_day(d(1, 1), d(6, 30)),
        heavy_at=5,
        drinks=((d(1, 1), 6), (d(1, 2), 0), (d(2, 15), 0), (d(3, 1), 0), (d(3, 2), 5)),
        craving=((d(1, 1), 8), (d(1, 2), 6), (d(2, 15), 3)),
        phq9=((d(12, 28, 2025), 15), (d(3, 1), 9)),
    ),
    # OUD, three injections (cover to 25 March), then none: lapsed 14 days past due, 83 days.
    EpisodeFacts(
        episode=2,
        indication="OUD",
        opened=d(12, 15, 2025),
        started=d(1, 1),
        stopped=None,
        had_start_check=True,
        injection_days=(d(1, 1), d(1, 29), d(2, 26)),
        screens=((d(12, 20, 2025), True), (d(2, 1), False), (d(3, 1), True)),
        opioid_use=((d(1, 5), True), (d(1, 6), False), (d(1, 7), False)),
    ),
    # AUD, checked but never started.
    EpisodeFacts(
        episode=3,
        indication="AUD",
        opened=d(2, 1),
        started=None,
        stopped=None,
        had_start_check=True,
    ),
    # Both, no start check recorded, ten days of tablets, stopped, restarted 22 days later; one
    # follow-up made a day late (on time), one never made.
    EpisodeFacts(
        episode=4,
        indication="OUD_AUD",
        opened=d(2, 25),
        started=d(3, 1),
        stopped=d(3, 10),
        had_start_check=False,
        tablet_days=every_day(d(3, 1), d(3, 10)),
        restarted_on=d(4, 1),
        follow_ups=((d(3, 17), d(3, 18)), (d(4, 10), None)),
    ),
    # OUD, tablets through June: censored at 30 days; no check-ins at all.
    EpisodeFacts(
        episode=5,
        indication="OUD",
        opened=d(5, 28),
        started=d(6, 1),
        stopped=None,
        had_start_check=False,
        tablet_days=every_day(d(6, 1), d(6, 30)),
        screens=((d(6, 15), False),),
    ),
]


@pytest.fixture(scope="module")
def measures():
    cohort = [episode_figures(tally(facts, LapseRule()), today=TODAY) for facts in COHORT]
    return program_measures(cohort, enrollments=9, accepted=6)


def test_retention(measures):
    retention = measures.retention
    # times: 9 (ended), 30 (censored), 83 (ended), 181 (censored)
    assert [(s.day, s.at_risk, s.ended) for s in retention.curve.steps] == [
        (9, 4, 1),
        (30, 3, 0),
        (83, 2, 1),
        (181, 1, 0),
    ]
    assert [retention.at[day][0] for day in (30, 90, 180)] == pytest.approx([0.75, 0.375, 0.375])
    assert retention.median_days == 83
    # followed 180 days: episodes 1 (continuous) and 2 (84 days)
    assert (retention.continuity.count, retention.continuity.n) == (1, 2)


def test_induction(measures):
    induction = measures.induction
    assert induction.checked == 3
    assert (induction.started.count, induction.started.n) == (2, 3)
    assert (induction.second_dose.count, induction.second_dose.n) == (4, 4)


def test_adherence(measures):
    adherence = measures.adherence
    # PDC: 181/182, 84/84, 10/10, 30/31
    assert adherence.mean_pdc.value == pytest.approx((181 / 182 + 1 + 1 + 30 / 31) / 4)
    assert (adherence.adherent.count, adherence.adherent.n) == (4, 4)
    # due 29 Jan and 26 Feb: on time; due 26 March: never given
    assert (adherence.injections_on_time.count, adherence.injections_on_time.n) == (2, 3)


def test_use(measures):
    use = measures.use
    assert (use.heavy_first_month.value, use.heavy_later.value) == (15, 10)
    assert (use.abstinent_first_month.value, use.abstinent_later.value) == (15, 20)
    assert use.heavy_change.value == -5 and use.heavy_change.n == 1  # episode 4 has no check-ins
    # the screen before the start does not count: 2 negative of 3
    assert (use.screens_negative.count, use.screens_negative.n) == (2, 3)
    assert use.opioid_use_days.value == 10 and use.opioid_use_days.n == 1
    assert use.craving_change.value == -4
    assert use.phq9_change.value == -6


def test_after_stopping(measures):
    after = measures.after_stopping
    assert after.stopped == 1
    assert (after.follow_ups_on_time.count, after.follow_ups_on_time.n) == (1, 2)
    assert (after.returned.count, after.returned.n) == (1, 1)
    assert after.days_to_return.value == 22
    assert (after.lost_to_contact.count, after.lost_to_contact.n) == (0, 1)


def test_funnel(measures):
    funnel = measures.funnel
    assert (funnel.enrollments, funnel.accepted, funnel.screened, funnel.started) == (9, 6, 5, 4)
    reached = {day: (share.count, share.n) for day, share in funnel.reached.items()}
    assert reached == {30: (3, 4), 90: (1, 3), 180: (1, 2)}


def test_an_empty_cohort_has_no_figures_and_no_error():
    empty = program_measures([])
    assert empty.retention.median_days is None and empty.induction.started.value is None
    assert empty.adherence.mean_pdc.value is None and empty.funnel.reached[30].n == 0
