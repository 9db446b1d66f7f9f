"""Regimen calendars: expected doses from the sources, each row citing its source."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naltrack.clinical.evidence import RULES
from naltrack.clinical.formulary import XR_SITES, tablets_for
from naltrack.clinical.regimens import (
    REGIMEN_CHOICES,
    REGIMEN_KINDS,
    REGIMENS,
    SITES,
    Regimen,
    ScheduledDose,
    due_on,
    next_injection_due,
    next_site,
    regimen_choices,
    schedule,
)

D = dt.date.fromisoformat
MONDAY = D("2026-03-02")  # a Monday


def _day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


@pytest.mark.parametrize(
    ("kind", "offset", "expected_mg"),
    [
        # source: REVIA §Dosage, AUDGUIDE — AUD 50 mg daily from the first dose (no 25 mg start)
        pytest.param("aud_daily", 0, 50, id="AUD-day1-50mg-REVIA+AUDGUIDE"),
        pytest.param("aud_daily", 6, 50, id="AUD-sunday-50mg-REVIA+AUDGUIDE"),
        # source: REVIA §Dosage — OUD: 25 mg on the first day, then 50 mg daily
        pytest.param("oud_induction", 0, 25, id="OUD-day1-25mg-REVIA"),
        pytest.param("oud_induction", 1, 50, id="OUD-day2-50mg-REVIA"),
        pytest.param("oud_induction", 30, 50, id="OUD-day31-50mg-REVIA"),
        # source: REVIA §Dosage — 50 mg Monday to Friday, 100 mg Saturday
        pytest.param("weekday_50_sat_100", 0, 50, id="weekday-mon-50-REVIA"),
        pytest.param("weekday_50_sat_100", 4, 50, id="weekday-fri-50-REVIA"),
        pytest.param("weekday_50_sat_100", 5, 100, id="weekday-sat-100-REVIA"),
        pytest.param("weekday_50_sat_100", 6, None, id="weekday-sun-none-REVIA"),
        # source: REVIA §Dosage — 100 mg every other day
        pytest.param("alternate_day_100", 0, 100, id="alt-day0-REVIA"),
        pytest.param("alternate_day_100", 1, None, id="alt-day1-REVIA"),
        pytest.param("alternate_day_100", 2, 100, id="alt-day2-REVIA"),
        # source: REVIA §Dosage — 150 mg every third day
        pytest.param("every_third_day_150", 0, 150, id="third-day0-REVIA"),
        pytest.param("every_third_day_150", 1, None, id="third-day1-REVIA"),
        pytest.param("every_third_day_150", 2, None, id="third-day2-REVIA"),
        pytest.param("every_third_day_150", 3, 150, id="third-day3-REVIA"),
        # source: KJOME2011 — 100 mg Monday, 100 mg Wednesday, 150 mg Friday
        pytest.param("mwf_100_100_150", 0, 100, id="mwf-mon-100-KJOME2011"),
        pytest.param("mwf_100_100_150", 1, None, id="mwf-tue-none-KJOME2011"),
        pytest.param("mwf_100_100_150", 2, 100, id="mwf-wed-100-KJOME2011"),
        pytest.param("mwf_100_100_150", 4, 150, id="mwf-fri-150-KJOME2011"),
        pytest.param("mwf_100_100_150", 5, None, id="mwf-sat-none-KJOME2011"),
        # source: VIVITROL §2 — 380 mg every 4 weeks
        pytest.param("xr_monthly", 0, 380, id="xr-day0-VIVITROL"),
        pytest.param("xr_monthly", 27, None, id="xr-day27-none-VIVITROL"),
        pytest.param("xr_monthly", 28, 380, id="xr-day28-VIVITROL"),
        pytest.param("xr_monthly", 56, 380, id="xr-day56-VIVITROL"),
    ],
)
def test_dose_on_day(kind: str, offset: int, expected_mg: int | None) -> None:
    regimen = Regimen(kind, MONDAY)  # type: ignore[arg-type]
    dose = due_on(regimen, _day(offset))
    assert (None if dose is None else dose.dose_mg) == expected_mg


@pytest.mark.parametrize(
    ("kind", "weekly_mg"),
    [
        pytest.param("aud_daily", 350, id="REVIA-50x7"),
        pytest.param("weekday_50_sat_100", 350, id="REVIA-50x5+100"),
        pytest.param("mwf_100_100_150", 350, id="KJOME2011-350-a-week"),
    ],
)
def test_weekly_totals(kind: str, weekly_mg: int) -> None:
    doses = schedule(Regimen(kind, MONDAY), MONDAY, _day(6))  # type: ignore[arg-type]
    assert sum(d.dose_mg for d in doses) == weekly_mg


def test_oral_dose_carries_tablets_text() -> None:
    # source: REVIA — 50 mg scored tablets; 25 mg is half a tablet
    first, second = schedule(Regimen("oud_induction", MONDAY), MONDAY, _day(1))
    assert first == ScheduledDose(MONDAY, 25, "oral", None, "half of one 50 mg tablet")
    assert second.tablets == "one 50 mg tablet"
    third = due_on(Regimen("every_third_day_150", MONDAY), MONDAY)
    assert third is not None and third.tablets == "three 50 mg tablets"


def test_xr_sites_alternate_and_have_no_tablets() -> None:
    # source: VIVITROL §2 — alternate buttocks
    regimen = Regimen("xr_monthly", MONDAY, first_site="right_gluteal")
    doses = schedule(regimen, MONDAY, _day(28 * 3))
    assert [d.date for d in doses] == [_day(28 * k) for k in range(4)]
    assert [d.site for d in doses] == ["right_gluteal", "left_gluteal"] * 2
    assert all(d.formulation == "xr_injection" and d.tablets is None for d in doses)


def test_schedule_respects_regimen_start_and_end() -> None:
    regimen = Regimen("aud_daily", _day(2), end=_day(4))
    doses = schedule(regimen, MONDAY, _day(10))
    assert [d.date for d in doses] == [_day(2), _day(3), _day(4)]
    assert due_on(regimen, _day(1)) is None
    assert due_on(regimen, _day(5)) is None
    assert schedule(regimen, _day(5), _day(9)) == []


def test_xr_schedule_window_starting_mid_interval() -> None:
    regimen = Regimen("xr_monthly", MONDAY)
    doses = schedule(regimen, _day(10), _day(60))
    assert [d.date for d in doses] == [_day(28), _day(56)]
    assert [d.site for d in doses] == ["right_gluteal", "left_gluteal"]


def test_oud_induction_first_day_only_on_regimen_start() -> None:
    # a window starting later does not give 25 mg again: a restart is a new regimen
    doses = schedule(Regimen("oud_induction", MONDAY), _day(3), _day(4))
    assert [d.dose_mg for d in doses] == [50, 50]


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        pytest.param("2026-01-05", "2026-02-02", id="VIVITROL-28-days"),
        pytest.param("2026-02-20", "2026-03-20", id="VIVITROL-28-days-february"),
        pytest.param("2024-02-15", "2024-03-14", id="VIVITROL-28-days-leap-year"),
    ],
)
def test_next_injection_due(last: str, expected: str) -> None:
    assert next_injection_due(D(last)) == D(expected)


def test_next_site_alternates() -> None:
    assert next_site("left_gluteal") == "right_gluteal"
    assert next_site("right_gluteal") == "left_gluteal"
    with pytest.raises(ValueError, match="unknown injection site"):
        next_site("deltoid")


def test_sites_match_formulary() -> None:
    assert SITES == XR_SITES


def test_regimen_validation() -> None:
    with pytest.raises(ValueError, match="end before it starts"):
        Regimen("aud_daily", _day(3), end=_day(2))
    with pytest.raises(ValueError, match="unknown regimen"):
        Regimen("weekly_350", MONDAY)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown injection site"):
        Regimen("xr_monthly", MONDAY, first_site="arm")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="end must not be before start"):
        schedule(Regimen("aud_daily", MONDAY), _day(3), _day(2))


def test_choices_and_indications() -> None:
    assert [kind for kind, _ in REGIMEN_CHOICES] == list(REGIMEN_KINDS)
    aud = {kind for kind, _ in regimen_choices("AUD")}
    oud = {kind for kind, _ in regimen_choices("OUD")}
    # source: REVIA — the 25 mg first dose and the supervised schedules are for OUD
    assert aud == {"aud_daily", "xr_monthly"}
    assert "aud_daily" not in oud
    assert {"oud_induction", "weekday_50_sat_100", "mwf_100_100_150", "xr_monthly"} <= oud
    assert {kind for kind, _ in regimen_choices("OUD_AUD")} == oud
    assert all(label for _, label in REGIMEN_CHOICES)


@pytest.mark.parametrize(
    ("kind", "source"),
    [
        ("aud_daily", "REVIA+AUDGUIDE"),
        ("oud_induction", "REVIA"),
        ("weekday_50_sat_100", "REVIA"),
        ("alternate_day_100", "REVIA"),
        ("every_third_day_150", "REVIA"),
        ("mwf_100_100_150", "KJOME2011"),
        ("xr_monthly", "VIVITROL"),
    ],
)
def test_regimens_registered_as_rules(kind: str, source: str) -> None:
    info = REGIMENS[kind]  # type: ignore[index]
    registered = RULES[info.rule_code]
    assert registered.source == source
    assert registered.threshold == info.schedule_text
    assert registered.area == "regimens"


# --- properties --------------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))


@settings(deadline=None, max_examples=200)
@given(
    kind=st.sampled_from(REGIMEN_KINDS),
    regimen_start=dates,
    offset=st.integers(-60, 200),
    length=st.integers(0, 150),
    site=st.sampled_from(SITES),
)
def test_schedule_matches_due_on_every_day(
    kind: str, regimen_start: dt.date, offset: int, length: int, site: str
) -> None:
    regimen = Regimen(kind, regimen_start, first_site=site)  # type: ignore[arg-type]
    start = regimen_start + dt.timedelta(days=offset)
    end = start + dt.timedelta(days=length)
    doses = schedule(regimen, start, end)
    # no dose on a day the regimen does not schedule, and none missing
    days = [start + dt.timedelta(days=i) for i in range(length + 1)]
    assert doses == [d for d in (due_on(regimen, day) for day in days) if d is not None]
    assert all(regimen_start <= d.date and start <= d.date <= end for d in doses)
    assert [d.date for d in doses] == sorted({d.date for d in doses})
    for dose in doses:
        if dose.formulation == "oral":
            assert dose.dose_mg % 25 == 0 and 25 <= dose.dose_mg <= 150
            assert dose.tablets == tablets_for(dose.dose_mg)
            assert dose.site is None
        else:
            assert dose.dose_mg == 380 and dose.site in SITES


@settings(deadline=None, max_examples=100)
@given(regimen_start=dates, length=st.integers(0, 800), site=st.sampled_from(SITES))
def test_injections_every_28_days_alternating(
    regimen_start: dt.date, length: int, site: str
) -> None:
    regimen = Regimen("xr_monthly", regimen_start, first_site=site)  # type: ignore[arg-type]
    doses = schedule(regimen, regimen_start, regimen_start + dt.timedelta(days=length))
    assert len(doses) == length // 28 + 1
    assert doses[0].site == site
    for before, after in pairwise(doses):
        assert after.date == next_injection_due(before.date)
        assert after.site == next_site(before.site or "")


@pytest.mark.parametrize(
    ("last_test", "due"),
    [
        # source: NALTRACK (TIP63/AUDGUIDE) — baseline, 3 months, then every 6 months
        (None, dt.date(2026, 4, 10)),
        (
            dt.date(2026, 1, 5),
            dt.date(2026, 4, 10),
        ),  # the baseline does not count as the 3-month test
        (dt.date(2026, 3, 15), dt.date(2026, 9, 15)),  # up to 30 days early counts
        (dt.date(2026, 4, 20), dt.date(2026, 10, 20)),
    ],
)
def test_liver_tests_due(last_test: dt.date | None, due: dt.date) -> None:
    from naltrack.clinical.liver import liver_tests_due

    assert liver_tests_due(started_on=dt.date(2026, 1, 10), last_test=last_test) == due
