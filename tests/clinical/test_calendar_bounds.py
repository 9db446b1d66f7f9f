"""Every clinical function that takes a date, given any date Python can hold (0001-01-01 to
9999-12-31): it answers, or refuses with the core's own ``InputError``; it never overflows."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.clinical.alert_snapshots import on_xr, stopped
from tests.clinical.start_check_inputs import payload

from naltrack.clinical.alerts import evaluate
from naltrack.clinical.contract import FIRST_DAY, LAST_DAY, InputError
from naltrack.clinical.discontinuation import (
    DiscontinuationInput,
    add_months,
    discontinuation_json,
    follow_up_dates,
    on_a_weekday,
    plan_discontinuation,
)
from naltrack.clinical.liver import liver_tests_due
from naltrack.clinical.regimens import (
    REGIMENS,
    Regimen,
    RegimenKind,
    due_on,
    injection_spacing,
    next_injection_due,
    schedule,
)
from naltrack.clinical.start_check import (
    LabResult,
    NaloxoneChallenge,
    OpioidExposure,
    StartCheckInput,
    start_check,
    start_check_json,
)

# Any day at all, with the ends of Python's calendar and of the core's own calendar drawn often.
any_day = st.one_of(
    st.sampled_from([dt.date.min, dt.date.max, FIRST_DAY, LAST_DAY]),
    st.dates(),
)


def answers_or_refuses(call: Callable[[], Any]) -> None:
    with contextlib.suppress(InputError):
        call()


def refuses_outside_calendar(call: Callable[[], Any], day: dt.date) -> None:
    """The JSON doors (API, CLI) refuse a day outside the core's calendar by name."""
    if FIRST_DAY <= day <= LAST_DAY:
        answers_or_refuses(call)
    else:
        with pytest.raises(InputError, match="must be between 1900-01-01 and 2199-12-31"):
            call()


@settings(deadline=None, max_examples=300)
@given(day=any_day, other=any_day)
def test_regimen_functions_never_overflow(day: dt.date, other: dt.date) -> None:
    answers_or_refuses(lambda: next_injection_due(day))
    answers_or_refuses(lambda: injection_spacing(day, other))
    answers_or_refuses(lambda: injection_spacing(None, day))
    for kind in REGIMENS:
        answers_or_refuses(partial(scheduled_on, kind, day, other))


def scheduled_on(kind: RegimenKind, start: dt.date, day: dt.date) -> None:
    regimen = Regimen(kind, start)
    due_on(regimen, day)
    schedule(regimen, day, day)


@settings(deadline=None, max_examples=300)
@given(day=any_day, other=any_day)
def test_follow_up_and_liver_dates_never_overflow(day: dt.date, other: dt.date) -> None:
    answers_or_refuses(lambda: follow_up_dates(day))
    answers_or_refuses(lambda: add_months(day, 12))
    answers_or_refuses(lambda: on_a_weekday(day, after=other))
    answers_or_refuses(lambda: liver_tests_due(started_on=day, last_test=other))
    answers_or_refuses(lambda: liver_tests_due(started_on=day, last_test=None))


@settings(deadline=None, max_examples=300)
@given(start=any_day, last_injection=any_day, surgery=st.none() | any_day)
def test_stopping_plans_never_overflow(
    start: dt.date, last_injection: dt.date, surgery: dt.date | None
) -> None:
    gradual = DiscontinuationInput(
        start=start,
        formulation="oral",
        current_dose_mg=50,
        strategy="gradual",
        step_days=28,
        surgery_date=surgery,
    )
    injection = DiscontinuationInput(
        start=max(start, last_injection),
        formulation="xr_injection",
        current_dose_mg=380,
        strategy="stop",
        last_injection=last_injection,
        surgery_date=surgery,
    )
    answers_or_refuses(lambda: plan_discontinuation(gradual))
    answers_or_refuses(lambda: plan_discontinuation(injection))
    stop = {"start": start.isoformat(), "formulation": "oral", "current_dose_mg": 50}
    refuses_outside_calendar(lambda: discontinuation_json({**stop, "strategy": "stop"}), start)


@settings(deadline=None, max_examples=300)
@given(day=any_day, last_use=any_day, challenge=any_day, lab=any_day)
def test_start_checks_never_overflow(
    day: dt.date, last_use: dt.date, challenge: dt.date, lab: dt.date
) -> None:
    earlier = min(day, last_use, challenge, lab)
    check = StartCheckInput(
        date=day,
        indication="OUD",
        formulation="xr_injection",
        opioid_exposures=(OpioidExposure("methadone", earlier),),
        acute_hepatitis_or_liver_failure=False,
        needs_opioid_analgesics=False,
        pregnant=False,
        naltrexone_hypersensitivity=False,
        current_medications=(),
        naloxone_challenge=NaloxoneChallenge(earlier, withdrawal_signs=False),
        labs=(LabResult("ALT", 30, 40, earlier),),
    )
    answers_or_refuses(lambda: start_check(check))
    refuses_outside_calendar(lambda: start_check_json(payload(date=day.isoformat())), day)


@settings(deadline=None, max_examples=300)
@given(as_of=any_day, day=any_day)
def test_alerts_never_overflow(as_of: dt.date, day: dt.date) -> None:
    evaluate(on_xr(as_of=as_of, injections=(day,)))
    evaluate(stopped(3, as_of=as_of, follow_ups_booked=(day,), follow_up_contacts=(day,)))


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max])
def test_a_start_check_dated_at_the_calendars_end_is_refused_by_name(day: dt.date) -> None:
    with pytest.raises(InputError) as refused:
        start_check_json(payload(date=day.isoformat()))
    assert refused.value.field == "date"
