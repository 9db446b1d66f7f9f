"""One answer to "what is this patient on now": the chart, Today, the patient's pages and the
wallet card read the same ``Treatment``, so none can contradict another.

Each test is one contradiction a clinician saw before there was one source.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from naltrack.care import selectors, services
from naltrack.care.models import Episode
from naltrack.patient.wallet_card import wallet_card_data
from tests.care.helpers import TODAY, started, stop_planned

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def _chart(client, clinician, patient):
    client.force_login(clinician)
    page = client.get(reverse("clinician:patient_chart", args=[patient.pk]))
    assert page.status_code == 200
    return page


def _summary(page) -> str:
    """The chart's summary strip, where state, treatment and today's dose sit side by side."""
    text = page.text
    start = text.index('aria-label="Summary"')
    return text[start : text.index("</dl>", start)]


def test_a_stop_planned_from_a_later_day_is_not_stopped_while_doses_remain(
    client, clinician, patient
):
    """Seen: "Stopped" beside "Today 50 mg"."""
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 30 * DAY, indication="AUD"
    )
    stop_planned(episode, clinician, start=(TODAY + 3 * DAY))
    treatment = selectors.treatment_now(patient=patient, today=TODAY)
    assert treatment.state == Episode.State.TAPERING
    assert treatment.due_today is not None and treatment.due_today.dose_mg == 50
    summary = _summary(_chart(client, clinician, patient))
    assert "Stopped" not in summary
    assert "50 mg" in summary
    # After the last dose nothing is due, and the state says so.
    after = selectors.treatment_now(patient=patient, today=TODAY + 4 * DAY)
    assert after.due_today is None
    assert after.state == Episode.State.STOPPED


def test_a_step_down_shows_the_plan_not_the_regimen_it_replaces(client, clinician, patient):
    """Seen: "50 mg daily until Dec 8" beside "Today 25 mg"."""
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 30 * DAY, indication="AUD"
    )
    stop_planned(episode, clinician, start=TODAY, strategy="step_down", step_days=3)
    summary = _summary(_chart(client, clinician, patient))
    assert "25 mg" in summary
    assert "Stop plan: last dose" in summary
    assert "until" not in summary
    assert selectors.treatment_now(patient=patient, today=TODAY).due_today.dose_mg == 25


def test_an_injection_due_on_the_chart_is_due_on_today(client, clinician, patient):
    """Seen: "Injection due" on the chart but not on the clinician's Today."""
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 28 * DAY)
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - 28 * DAY,
        site="left_gluteal",
        lot="L1",
        given_by=clinician,
    )
    treatment = selectors.treatment_now(patient=patient, today=TODAY)
    assert treatment.next_injection == TODAY
    assert "Injection due" in _summary(_chart(client, clinician, patient))
    today = client.get(reverse("clinician:home")).context["dashboard"]
    assert [p.pk for p in today.injections_due] == [patient.pk]
    assert today.injections_due[0].next_injection == treatment.next_injection


def test_an_injection_from_an_earlier_course_is_not_due_after_a_restart(client, clinician, patient):
    """A restarted patient in screening has no injection due, on the chart or on Today."""
    episode, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 90 * DAY)
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - 90 * DAY,
        site="left_gluteal",
        lot="L1",
        given_by=clinician,
    )
    services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": (TODAY - 80 * DAY).isoformat(),
            "formulation": "xr_injection",
            "current_dose_mg": 380,
            "last_injection": (TODAY - 90 * DAY).isoformat(),
            "strategy": "stop",
        },
        by=clinician,
    )
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    treatment = selectors.treatment_now(patient=patient, today=TODAY)
    assert treatment.state == Episode.State.SCREENING
    assert treatment.next_injection is None and treatment.regimen is None
    _chart(client, clinician, patient)
    assert client.get(reverse("clinician:home")).context["dashboard"].injections_due == []


def test_a_finished_taper_reads_as_stopped_without_a_write_on_get(client, clinician, patient):
    """The chart and the patient's pages no longer finish tapers on GET; they show the truth."""
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 30 * DAY, indication="AUD"
    )
    stop_planned(episode, clinician, start=(TODAY - 10 * DAY), strategy="step_down", step_days=3)
    _chart(client, clinician, patient)
    episode.refresh_from_db()
    assert episode.state == Episode.State.TAPERING  # stored: the nightly sweep's to change
    assert selectors.treatment_now(patient=patient, today=TODAY).state == Episode.State.STOPPED
    card = wallet_card_data(patient=patient, today=TODAY)
    assert card is not None and not card.on_naltrexone
    assert card.blockade_until == episode.stopped_on
    assert services.episodes_finish_tapers(today=TODAY) == 1
    episode.refresh_from_db()
    assert episode.state == Episode.State.STOPPED


def test_many_patients_read_together_get_the_same_answer(clinician, patient, other_patient):
    started(patient, clinician, kind="xr_monthly", day=TODAY - 3 * DAY)
    started(other_patient, clinician, kind="oud_induction", day=TODAY - 3 * DAY)
    together = selectors.treatments_now(patients=[patient, other_patient], today=TODAY)
    for one in (patient, other_patient):
        alone = selectors.treatment_now(patient=one, today=TODAY)
        assert together[one.pk].state == alone.state
        assert together[one.pk].due_today == alone.due_today
        assert together[one.pk].next_injection == alone.next_injection
