"""The record raises the clinical core's alerts for every way opioid use reaches it, and keeps a
liver alert open until a clinician acknowledges it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from naltrack.care import services
from naltrack.care.models import Alert, CravingEpisode
from naltrack.care.services import cravings
from tests.care.helpers import TODAY, started, stop_planned

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def urgent_codes(patient) -> set[str]:
    return set(
        Alert.objects.filter(
            patient=patient, severity="urgent", resolved_at__isnull=True
        ).values_list("code", flat=True)
    )


def test_opioid_use_recorded_by_a_clinician_raises_an_urgent_alert(client, patient, clinician):
    services.episode_open(
        patient=patient, indication="OUD", opened_on=TODAY - 5 * DAY, by=clinician
    )
    client.force_login(clinician)
    response = client.post(
        reverse("clinician:record_exposure", args=[patient.pk]),
        {"kind": "short_acting", "substance": "fentanyl", "last_use": TODAY - DAY},
    )
    assert response.status_code == 302
    alert = Alert.objects.get(patient=patient, severity="urgent", resolved_at__isnull=True)
    # In screening it also restarts the opioid-free window.
    assert "window" in alert.message.lower()


def test_opioid_use_at_a_check_in_before_any_episode_raises_an_urgent_alert(patient):
    services.check_in_record(
        patient=patient,
        day=TODAY,
        craving=6,
        drinks=0,
        opioid_use=True,
        side_effects=[],
        mood=None,
        note="",
        by=patient.user,
    )
    assert urgent_codes(patient)


def test_a_craving_that_ended_in_use_raises_an_urgent_alert_for_opioid_use_disorder(
    patient, clinician
):
    started(patient, clinician, day=TODAY - 20 * DAY)
    episode = cravings.craving_episode_start(
        patient=patient, rating=8, might_use=CravingEpisode.MightUse.YES, by=patient.user
    )
    cravings.craving_episode_finish(
        episode=episode, end_rating=8, outcome=CravingEpisode.Outcome.USED, by=patient.user
    )
    assert urgent_codes(patient)


def test_opioid_use_long_after_a_stop_is_still_urgent(patient, clinician):
    episode, _ = started(patient, clinician, day=TODAY - 200 * DAY)
    stop_planned(episode, clinician, start=TODAY - 150 * DAY)
    services.check_in_record(
        patient=patient,
        day=TODAY,
        craving=3,
        drinks=0,
        opioid_use=True,
        side_effects=[],
        mood=None,
        note="",
        by=patient.user,
    )
    assert urgent_codes(patient)


def test_a_liver_alert_stays_open_after_a_normal_value_until_acknowledged(patient, clinician):
    started(patient, clinician, day=TODAY - 60 * DAY)

    def lab(value: int, on: dt.date) -> None:
        services.lab_record(
            patient=patient,
            test="ALT",
            value=Decimal(value),
            upper_limit_normal=Decimal(40),
            collected_on=on,
            by=clinician,
        )

    lab(999, TODAY - 10 * DAY)
    alert = Alert.objects.get(patient=patient, code__startswith="liver", resolved_at__isnull=True)
    message = alert.message
    lab(30, TODAY - DAY)  # back to normal: the alert is not silently closed
    alert.refresh_from_db()
    assert alert.resolved_at is None and alert.message == message
    services.alert_acknowledge(alert=alert, by=clinician, note="Repeat labs normal; seen")
    services.alerts_refresh(patient=patient)
    alert.refresh_from_db()
    assert alert.resolved_at is not None
    # Acknowledged once, the same raised result does not open a new alert.
    services.alerts_refresh(patient=patient)
    assert not Alert.objects.filter(
        patient=patient, code__startswith="liver", resolved_at__isnull=True
    ).exists()
