"""Writing many past daily records at once keeps the rules of the one-at-a-time services."""

from __future__ import annotations

import datetime as dt

import pytest

from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.care.models import Alert, CheckIn, DoseEvent, Episode
from naltrack.care.services import CheckInEntry, DoseEntry
from tests.care.helpers import TODAY, started

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def test_check_ins_are_stored_audited_and_alerted_on(patient):
    entries = [
        CheckInEntry(day=TODAY - n * DAY, craving=8 if n == 0 else 2, side_effects=("nausea",))
        for n in range(5)
    ]
    created = services.check_ins_record_many(patient=patient, check_ins=entries, by=patient.user)
    assert [c.day for c in created] == sorted(e.day for e in entries)
    assert created[0].side_effects == ["nausea"]
    assert created[0].clinic_id == patient.clinic_id
    audited = AuditEvent.objects.filter(object_type="checkin", action="create")
    assert sorted(audited.values_list("object_id", flat=True)) == sorted(str(c.pk) for c in created)
    assert set(audited.values_list("actor_id", "patient_id")) == {(patient.user.pk, patient.pk)}
    patient.refresh_from_db()
    assert patient.last_contact_at is not None


def test_a_day_with_a_check_in_is_refused_and_nothing_is_written(patient):
    services.check_in_record(
        patient=patient,
        day=TODAY - DAY,
        craving=3,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=3,
        note="",
        by=patient.user,
    )
    for days in ([TODAY, TODAY - DAY], [TODAY, TODAY]):
        with pytest.raises(services.ClinicalRuleError, match="One check-in a day"):
            services.check_ins_record_many(
                patient=patient,
                check_ins=[CheckInEntry(day=day, craving=1) for day in days],
                by=patient.user,
            )
    assert CheckIn.objects.filter(patient=patient).count() == 1


def test_doses_take_the_regimens_dose_and_a_later_one_ends_induction(patient, clinician):
    episode, regimen = started(patient, clinician, day=TODAY - 3 * DAY)
    created = services.doses_record_many(
        regimen=regimen,
        doses=[
            DoseEntry(TODAY - 3 * DAY, DoseEvent.Status.TAKEN, observed=True),
            DoseEntry(TODAY - 2 * DAY, DoseEvent.Status.MISSED),
            DoseEntry(TODAY - DAY, DoseEvent.Status.TAKEN),
        ],
        by=patient.user,
    )
    assert [d.dose_mg for d in created] == [25, 50, 50]  # source: REVIA — 25 mg first, then 50
    assert [d.observed for d in created] == [True, False, False]
    assert AuditEvent.objects.filter(object_type="doseevent").count() == 3
    episode.refresh_from_db()
    assert episode.state == Episode.State.MAINTENANCE


def test_doses_only_on_scheduled_days_and_once_a_day(patient, clinician):
    _, regimen = started(patient, clinician, kind="mwf_100_100_150", day=TODAY - 14 * DAY)
    days = [TODAY - n * DAY for n in range(1, 8)]
    monday = next(day for day in days if day.weekday() == 0)
    sunday = next(day for day in days if day.weekday() == 6)
    with pytest.raises(services.ClinicalRuleError, match="No oral dose"):
        services.doses_record_many(
            regimen=regimen, doses=[DoseEntry(sunday, DoseEvent.Status.TAKEN)], by=clinician
        )
    services.dose_record(regimen=regimen, day=monday, status="taken", by=clinician)
    with pytest.raises(services.ClinicalRuleError, match="One dose a day"):
        services.doses_record_many(
            regimen=regimen, doses=[DoseEntry(monday, DoseEvent.Status.MISSED)], by=clinician
        )
    assert DoseEvent.objects.get(regimen=regimen).status == "taken"


def test_missed_doses_raise_their_alert_once_written(patient, clinician):
    _, regimen = started(patient, clinician, day=TODAY - 10 * DAY)
    services.doses_record_many(
        regimen=regimen,
        doses=[DoseEntry(TODAY - n * DAY, DoseEvent.Status.MISSED) for n in range(1, 5)],
        by=patient.user,
    )
    assert Alert.objects.get(patient=patient).code == "oral_doses_missed"
