"""Deferring alerts: many writes, then one refresh per patient when the block ends."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from naltrack.care import selectors, services
from naltrack.care.models import Alert, CheckIn, DrugScreen
from tests.care.helpers import TODAY, started

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def positive_screen(patient, by, day=TODAY):
    return services.drug_screen_record(
        patient=patient, collected_on=day, opioids_positive=True, by=by
    )


@pytest.fixture
def refreshed(monkeypatch):
    """The patients whose alerts were computed, in order."""
    seen = []
    snapshot = selectors.patient_snapshot

    def counting(*, patient, as_of, fields=None):
        seen.append(patient.pk)
        return snapshot(patient=patient, as_of=as_of, fields=fields)

    monkeypatch.setattr(selectors, "patient_snapshot", counting)
    return seen


def test_each_patient_is_refreshed_once_when_the_block_ends(
    patient, other_patient, clinician, refreshed
):
    started(patient, clinician, day=TODAY - 30 * DAY)
    started(other_patient, clinician, day=TODAY - 30 * DAY)
    with services.alerts_deferred():
        for days_ago in (3, 2, 1):
            assert positive_screen(patient, clinician, TODAY - days_ago * DAY)
        positive_screen(other_patient, clinician)
        assert refreshed == []
        assert not Alert.objects.exists()
    assert refreshed == [patient.pk, other_patient.pk]
    assert set(
        Alert.objects.filter(code="opioid_use_on_naltrexone").values_list("patient", flat=True)
    ) == {patient.pk, other_patient.pk}


def test_a_refresh_asked_for_inside_the_block_returns_nothing_yet(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    positive_screen(patient, clinician)
    with services.alerts_deferred():
        assert services.alerts_refresh(patient=patient) == []
    assert Alert.objects.filter(patient=patient).count() == 1


def test_the_refresh_runs_as_of_the_last_day_asked_for(patient, clinician):
    started(patient, clinician, day=TODAY - 60 * DAY)
    with services.alerts_deferred():
        # Three weeks old: outside the 14-day look-back today, inside it ten days ago.
        positive_screen(patient, clinician, TODAY - 21 * DAY)
        services.alerts_refresh(patient=patient, today=TODAY - 10 * DAY)
    assert Alert.objects.get(patient=patient).code == "opioid_use_on_naltrexone"


def test_a_nested_block_joins_the_outer_one(patient, clinician, refreshed):
    started(patient, clinician, day=TODAY - 30 * DAY)
    with services.alerts_deferred():
        with services.alerts_deferred():
            positive_screen(patient, clinician)
        assert not Alert.objects.exists()
        positive_screen(patient, clinician, TODAY - DAY)
    assert refreshed == [patient.pk]
    assert Alert.objects.filter(patient=patient).count() == 1


def test_writes_before_an_error_still_get_their_alerts(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    with pytest.raises(RuntimeError), services.alerts_deferred():
        positive_screen(patient, clinician)
        raise RuntimeError("the import failed half way")
    assert Alert.objects.filter(patient=patient).exists()


def test_a_transaction_that_must_roll_back_is_left_to_roll_back(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    with pytest.raises(IntegrityError), transaction.atomic(), services.alerts_deferred():
        positive_screen(patient, clinician)
        for _ in range(2):  # the second breaks one-check-in-a-day and dooms the transaction
            CheckIn.objects.create(patient=patient, day=TODAY, craving=2)
    assert not DrugScreen.objects.exists()
    assert not Alert.objects.exists()


def test_outside_a_block_every_write_refreshes_at_once(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    positive_screen(patient, clinician)
    assert Alert.objects.filter(patient=patient).exists()
