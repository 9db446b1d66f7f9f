"""Dates show their year exactly when it is not the current year."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone

from naltrack.web.dates import short_date, with_year

TODAY = timezone.localdate()
THIS_YEAR = TODAY.replace(month=1, day=7)


@pytest.mark.parametrize(
    ("yearless", "with_its_year"),
    [
        ("M j", "M j, Y"),
        ("l, F j", "l, F j, Y"),
        ("l, F j, g:i A", "l, F j, Y, g:i A"),
        ("D j M, H:i T", "D j M Y, H:i T"),
        ("M j, H:i", "M j, Y, H:i"),
    ],
)
def test_the_year_goes_after_the_day_and_month(yearless, with_its_year):
    assert with_year(yearless) == with_its_year


def test_a_date_this_year_has_no_year():
    assert short_date(THIS_YEAR) == "Jan 7"


@pytest.mark.parametrize("year", [TODAY.year - 1, TODAY.year + 1, 2099])
def test_a_date_of_another_year_shows_it(year):
    assert short_date(THIS_YEAR.replace(year=year)) == f"Jan 7, {year}"


def test_a_moment_counts_in_the_clinics_time_zone():
    # 03:00 UTC on 1 January is still 31 December in New York.
    moment = dt.datetime(TODAY.year + 1, 1, 1, 3, 0, tzinfo=dt.UTC)
    assert short_date(moment, "M j, H:i") == "Dec 31, 22:00"


def test_the_template_filter_and_none():
    template = Template('{% load naltrack_dates %}{{ day|short_date:"M j"|default:"never" }}')
    assert template.render(Context({"day": None})) == "never"
    assert template.render(Context({"day": dt.date(2099, 1, 7)})) == "Jan 7, 2099"
