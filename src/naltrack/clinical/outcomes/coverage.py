"""Days on medication: when treatment lapsed, how much of it was covered, and how long it ran
without a gap.

A taken tablet covers its day; an injection covers 28 days from the day it was given (source:
VIVITROL §2 — 380 mg every 4 weeks). An episode is in treatment from its first dose until it is
stopped, or until it lapses: no dose for longer than the clinic's lapse rule allows after the last
covered day (tablets) or after the day the next injection was due (injections). Defaults: 30 days
without a tablet, 14 days past a due injection (source: NALTRACK).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

# source: VIVITROL §2 — one injection every 4 weeks
INJECTION_COVER_DAYS: Final = 28
# source: NQF3175 — at least 180 days of continuous medication, continuous meaning no gap of more
# than 7 days
CONTINUITY_DAYS: Final = 180
CONTINUITY_GAP_DAYS: Final = 7
# source: NALTRACK — an injection given within 7 days after it was due counts as on time
ON_TIME_DAYS: Final = 7
# source: NALTRACK — a proportion of days covered of 80% or more counts as adherent (the usual
# threshold of adherence measures)
ADHERENT_SHARE: Final = 0.8


@dataclass(frozen=True)
class LapseRule:
    tablet_days: int = 30  # source: NALTRACK
    injection_days: int = 14  # source: NALTRACK


@dataclass(frozen=True)
class Span:
    """Covered days ``first``..``last`` (inclusive), and how long a gap after it may run before
    treatment counts as lapsed."""

    first: dt.date
    last: dt.date
    grace: int


def spans(
    tablet_days: Iterable[dt.date], injection_days: Iterable[dt.date], rule: LapseRule
) -> list[Span]:
    """The covered stretches, merged where they touch or overlap, in order."""
    raw = [Span(day, day, rule.tablet_days) for day in tablet_days] + [
        Span(day, day + dt.timedelta(days=INJECTION_COVER_DAYS - 1), rule.injection_days)
        for day in injection_days
    ]
    raw.sort(key=lambda s: (s.first, s.last))
    merged: list[Span] = []
    for span in raw:
        if merged and span.first <= merged[-1].last + dt.timedelta(days=1):
            top = merged[-1]
            # The stretch's grace is that of whichever covers its last day.
            grace = span.grace if span.last >= top.last else top.grace
            merged[-1] = Span(top.first, max(top.last, span.last), grace)
        else:
            merged.append(span)
    return merged


@dataclass(frozen=True)
class TimeInTreatment:
    days: int  # from the first dose to the end (or to ``today``, when censored)
    ended: bool
    end: dt.date  # the last day in treatment, or ``today`` when censored


def time_in_treatment(
    *,
    started: dt.date,
    stopped: dt.date | None,
    covered: Sequence[Span],
    today: dt.date,
) -> TimeInTreatment:
    """How long the episode stayed in treatment: to its stop, to the last covered day before a
    lapse, or (still in treatment) to ``today``, censored."""
    # The first dose is a covered day even when no dose row records it.
    covered = covered or [Span(started, started, LapseRule().tablet_days)]
    horizon = min(today, stopped) if stopped else today
    last_day = started
    for index, span in enumerate(covered):
        if span.first > horizon:
            break
        last_day = max(last_day, min(span.last, horizon))
        following = covered[index + 1].first if index + 1 < len(covered) else None
        lapse_day = span.last + dt.timedelta(days=span.grace + 1)
        if (following is None or following >= lapse_day) and lapse_day <= horizon:
            # No dose came in time: treatment ended on the span's last covered day.
            end = max(span.last, started)
            return TimeInTreatment((end - started).days, True, end)
    if stopped and stopped <= today:
        return TimeInTreatment((stopped - started).days, True, stopped)
    return TimeInTreatment(max((today - started).days, 0), False, today)


def days_covered(covered: Sequence[Span], first: dt.date, last: dt.date) -> int:
    """Covered days between ``first`` and ``last`` inclusive."""
    total = 0
    for span in covered:
        lo, hi = max(span.first, first), min(span.last, last)
        if lo <= hi:
            total += (hi - lo).days + 1
    return total


def proportion_of_days_covered(covered: Sequence[Span], first: dt.date, last: dt.date) -> float:
    """Covered days over the days from ``first`` to ``last`` inclusive (the PDC)."""
    length = (last - first).days + 1
    if length <= 0:
        raise ValueError("the period ends before it starts")
    return days_covered(covered, first, last) / length


def longest_continuous_run(covered: Sequence[Span], first: dt.date, last: dt.date) -> int:
    """The longest stretch of days inside ``first``..``last`` on medication with no gap longer
    than ``CONTINUITY_GAP_DAYS`` (gap days count towards the run; source: NQF3175)."""
    best = 0
    run_start: dt.date | None = None
    run_end: dt.date | None = None
    for span in covered:
        lo, hi = max(span.first, first), min(span.last, last)
        if lo > hi:
            continue
        if run_end is not None and (lo - run_end).days - 1 <= CONTINUITY_GAP_DAYS:
            run_end = max(run_end, hi)
        else:
            run_start, run_end = lo, hi
        assert run_start is not None
        best = max(best, (run_end - run_start).days + 1)
    return best


def injections_on_time(
    given: Sequence[dt.date], *, until: dt.date, stopped: dt.date | None
) -> tuple[int, int]:
    """(on time, due) for the injections that fell due while the episode was open and whose
    window has closed by ``until``: each is on time when the next injection came no later than
    ``ON_TIME_DAYS`` after it was due."""
    ordered = sorted(given)
    on_time = due_count = 0
    for index, day in enumerate(ordered):
        due = day + dt.timedelta(days=INJECTION_COVER_DAYS)
        if (stopped and due > stopped) or due + dt.timedelta(days=ON_TIME_DAYS) > until:
            continue
        due_count += 1
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following is not None and following <= due + dt.timedelta(days=ON_TIME_DAYS):
            on_time += 1
    return on_time, due_count
