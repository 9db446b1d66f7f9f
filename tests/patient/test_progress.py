"""My progress: the patient's own charts and honest, encouraging sentences."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.care import services
from tests.care.helpers import TODAY
from tests.patient.conftest import DAY

pytestmark = pytest.mark.django_db

URL = reverse("patient:progress")


def check_ins(patient, days, **values):
    services.check_ins_record_many(
        patient=patient,
        check_ins=[
            services.CheckInEntry(day=TODAY - n * DAY, **{"craving": 2, **values}) for n in days
        ],
        by=patient.user,
    )


def test_progress_without_any_data(me):
    response = me.get(URL)
    assert response.status_code == 200
    assert "You haven’t checked in during the last 30 days" in response.text
    assert "<svg" not in response.text


def test_progress_counts_check_ins_and_clear_days(me, patient):
    check_ins(patient, range(0, 24), drinks=0)
    text = me.get(URL).text
    assert "You checked in on <strong>24 of the last 30 days</strong>" in text
    assert "<strong>Every day you checked in</strong> was a day without drinking" in text
    assert "a run of <strong>24 days in a row</strong>" in text
    assert text.count('<figure class="chart">') == 2
    assert "My cravings" in text and "Days without drinking or opioid use" in text


def test_progress_is_honest_about_slips(me, patient):
    check_ins(patient, [0, 1, 2], drinks=0)
    check_ins(patient, [3], drinks=4)
    check_ins(patient, [4], opioid_use=True)
    text = me.get(URL).text
    assert "On <strong>3 of those 5 days</strong> you had no drinks and no opioids" in text
    assert "On 2 days you drank or used. A slip doesn’t erase your progress." in text
    assert "a run of <strong>3 days in a row</strong>" in text


def test_craving_trend_is_reported_both_ways(me, patient):
    check_ins(patient, range(0, 7), craving=2)
    check_ins(patient, range(7, 14), craving=6)
    assert "lower than the week before" in me.get(URL).text


def test_craving_rise_is_said_kindly(me, patient):
    check_ins(patient, range(0, 7), craving=7)
    check_ins(patient, range(7, 14), craving=3)
    text = me.get(URL).text
    assert "higher than the week before" in text
    assert "That happens." in text


def test_doses_taken_are_counted_against_the_schedule(me, patient, on_tablets):
    # Started 10 days ago: 10 past scheduled days (today is not over yet).
    services.doses_record_many(
        regimen=on_tablets,
        doses=[services.DoseEntry(day=TODAY - n * DAY, status="taken") for n in range(1, 9)],
        by=patient.user,
    )
    text = me.get(URL).text
    assert "You recorded <strong>8 of 10 doses</strong> as taken" in text
    assert "Doses taken" in text


def test_no_recorded_doses_is_an_invitation_not_a_zero(me, on_tablets):
    text = me.get(URL).text
    # Treatment started ten days ago (eleven days with today): the days before are not counted.
    assert "No doses recorded in the last 11 days" in text
    assert "0 of" not in text
