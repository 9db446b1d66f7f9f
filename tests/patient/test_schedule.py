"""My schedule and my plan: the next two weeks, and a stop or step-down in plain words."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from naltrack.care import services
from naltrack.care.models import FollowUp
from tests.care.helpers import TODAY, started
from tests.patient.conftest import DAY

pytestmark = pytest.mark.django_db

URL = reverse("patient:schedule")


def long_date(day):
    return f"{day:%A}, {day:%B} {day.day}"


def short_date(day):
    return f"{day:%b} {day.day}"


def test_schedule_without_a_regimen(me):
    response = me.get(URL)
    assert response.status_code == 200
    assert "There are no doses on your schedule yet" in response.text


def test_fourteen_days_of_tablets(me, patient, on_tablets):
    services.dose_record(regimen=on_tablets, day=TODAY, status="taken", by=patient.user)
    text = me.get(URL).text
    assert text.count("<tr") == 15  # a header and 14 days
    assert text.count("50 mg — one 50 mg tablet") == 14
    assert "break one in half" not in text
    assert "(today)" in text
    assert "✓ taken" in text


def test_intermittent_schedule_shows_days_without_a_dose(me, patient, clinician):
    started(patient, clinician, kind="alternate_day_100", day=TODAY)
    text = me.get(URL).text
    assert text.count("100 mg — two 50 mg tablets") == 7
    assert text.count("No dose</span>") == 7


def test_injection_dates_are_28_days_apart(me, on_injection):
    text = me.get(URL).text
    assert f"Last shot: {long_date(TODAY - 10 * DAY)}" in text
    assert f"Next shot: {long_date(TODAY + 18 * DAY)}" in text
    assert f"around {long_date(TODAY + 46 * DAY)}" in text


def step_down(patient, clinician):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD"
    )
    return services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": TODAY.isoformat(),
            "formulation": "oral",
            "current_dose_mg": 50,
            "strategy": "step_down",
            "step_days": 3,
        },
        by=clinician,
    )


def test_step_down_plan_in_plain_words(me, patient, clinician):
    plan = step_down(patient, clinician)
    text = me.get(URL).text
    # The step doses on the calendar, and then no more.
    assert text.count("25 mg — half of one 50 mg tablet") == 3
    assert "50 mg — one 50 mg tablet" not in text
    assert text.count("No more naltrexone from this day") == 1
    assert text.count("<tr") == 5  # a header, 3 step days, the first day without
    assert "break one in half for 25 mg" in text
    # The plan: steps, last dose, end of blockade, the safety facts, the follow-up dates.
    assert "My plan to step down and stop" in text
    assert f"{short_date(TODAY)} to {short_date(TODAY + 2 * DAY)}:</strong> 25 mg each day" in text
    assert f"Your last dose</dt><dd>{long_date(plan.last_dose)}" in text
    assert (
        f"From {long_date(plan.blockade_ends)}</dt><dd>naltrexone no longer blocks opioids." in text
    )
    assert "your body is less used to opioids than before" in text
    assert "Carry naloxone" in text
    assert "Cravings may come back" in text
    follow_ups = list(FollowUp.objects.filter(patient=patient).values_list("due_on", flat=True))
    assert len(follow_ups) == 5
    for day in follow_ups:
        assert long_date(day) in text
    # Stopping naltrexone causes no withdrawal: the page must never say it does.
    assert "Stopping naltrexone does not cause withdrawal." in text
    assert not re.search(r"(?<!not )cause[sd]? withdrawal", text.replace("does not cause", ""))


def test_home_shows_the_step_dose_during_a_step_down(me, patient, clinician):
    plan = step_down(patient, clinician)
    text = me.get(reverse("patient:home")).text
    assert "Today: 25 mg — half of one 50 mg tablet" in text
    assert f"your last dose is on {long_date(plan.last_dose)}" in text
    assert "I took my dose" in text


def test_one_tap_during_a_step_down_records_the_step_dose(me, patient, clinician):
    step_down(patient, clinician)
    me.post(reverse("patient:dose_taken"))
    assert patient.dose_events.get().dose_mg == 25


def test_after_an_injection_stop_the_plan_counts_28_days(me, patient, clinician, on_injection):
    episode = on_injection.episode
    services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": TODAY.isoformat(),
            "formulation": "xr_injection",
            "current_dose_mg": 380,
            "strategy": "stop",
            "last_injection": (TODAY - 10 * DAY).isoformat(),
        },
        by=clinician,
    )
    text = me.get(URL).text
    assert "My plan for stopping naltrexone" in text
    assert "The shot can’t be stepped down" in text
    assert f"Your last shot</dt><dd>{long_date(TODAY - 10 * DAY)}" in text
    assert (
        f"From {long_date(TODAY + 18 * DAY)}</dt><dd>naltrexone no longer blocks opioids." in text
    )
    assert "Next shot" not in text
