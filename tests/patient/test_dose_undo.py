"""Undoing a mistaken "I took my dose": for ten minutes, only the patient's own tap, recorded as
a withdrawn report (audited), so adherence and the alerts read the corrected day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from naltrack.audit.models import AuditEvent
from naltrack.care import selectors, services
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import DoseEvent, Episode, WithdrawnDoseReport
from naltrack.care.selectors.dose_reports import DOSE_UNDO_MINUTES
from tests.care.helpers import TODAY, started

pytestmark = pytest.mark.django_db


def _tap(me):
    return me.post(reverse("patient:dose_taken"), follow=True)


def _undo(me):
    return me.post(reverse("patient:dose_undo"), follow=True)


def _age(patient, minutes):
    DoseEvent.objects.filter(patient=patient).update(
        recorded_at=timezone.now() - dt.timedelta(minutes=minutes)
    )


def test_the_home_offers_undo_right_after_the_tap(me, patient, on_tablets):
    response = _tap(me)
    assert "Undo: I didn’t take it" in response.text
    assert "You can undo this until" in response.text


def test_undo_within_the_window_withdraws_the_report(me, patient, on_tablets):
    _tap(me)
    event = DoseEvent.objects.get(patient=patient)
    reported_at = event.recorded_at
    _age(patient, DOSE_UNDO_MINUTES - 1)
    response = _undo(me)
    assert "Undone" in response.text
    assert "I took my dose" in response.text  # the button is back
    assert not DoseEvent.objects.filter(patient=patient).exists()
    assert selectors.treatment_now(patient=patient, today=TODAY).taken_today is False
    withdrawn = WithdrawnDoseReport.objects.get(patient=patient)
    assert (withdrawn.day, withdrawn.status, withdrawn.dose_mg) == (TODAY, "taken", 50)
    assert withdrawn.recorded_by == patient.user
    assert withdrawn.reported_at < reported_at + dt.timedelta(seconds=1)
    trail = AuditEvent.objects.filter(patient_id=patient.pk, actor_id=patient.user.pk)
    assert trail.filter(action="delete", object_type="doseevent", object_id=str(event.pk)).exists()
    assert trail.filter(action="create", object_type="withdrawndosereport").exists()


def test_after_the_window_there_is_no_undo(me, patient, on_tablets):
    _tap(me)
    _age(patient, DOSE_UNDO_MINUTES + 1)
    home = me.get(reverse("patient:home"))
    assert "Undo" not in home.text
    response = _undo(me)
    assert response.status_code == 200
    assert "can no longer be undone here" in response.text
    assert DoseEvent.objects.get(patient=patient).status == "taken"
    assert not WithdrawnDoseReport.objects.exists()


def test_undo_twice_is_refused_kindly(me, patient, on_tablets):
    _tap(me)
    _undo(me)
    response = _undo(me)
    assert response.status_code == 200
    assert "can no longer be undone" in response.text
    assert WithdrawnDoseReport.objects.count() == 1


def test_a_patient_cannot_undo_someone_elses_dose(client, patient, other_patient, clinician):
    started(patient, clinician, kind="aud_daily", day=TODAY - dt.timedelta(days=3))
    started(other_patient, clinician, kind="aud_daily", day=TODAY - dt.timedelta(days=3))
    client.force_login(patient.user)
    _tap(client)
    client.force_login(other_patient.user)
    response = _undo(client)
    assert "can no longer be undone" in response.text
    assert DoseEvent.objects.get(patient=patient).status == "taken"
    with pytest.raises(ClinicalRuleError):
        # Even naming the first patient's record, another person's tap is not theirs to undo.
        services.dose_report_withdraw(patient=patient, day=TODAY, by=other_patient.user)


def test_a_dose_staff_recorded_is_not_undone_from_the_patients_side(
    me, patient, clinician, on_tablets
):
    services.dose_record(regimen=on_tablets, day=TODAY, status="taken", by=clinician)
    assert "Undo" not in me.get(reverse("patient:home")).text
    assert "can no longer be undone" in _undo(me).text
    assert DoseEvent.objects.filter(patient=patient).exists()


def test_undoing_the_dose_that_ended_induction_puts_the_patient_back_in_induction(
    me, patient, clinician
):
    episode, _ = started(patient, clinician, kind="oud_induction", day=TODAY - dt.timedelta(days=1))
    _tap(me)
    episode.refresh_from_db()
    assert episode.state == Episode.State.MAINTENANCE
    _undo(me)
    episode.refresh_from_db()
    assert episode.state == Episode.State.INDUCTION


def test_missed_dose_alerts_read_the_corrected_day(patient, clinician):
    """The day's dose is gone from what the alert rules see once it is taken back."""
    _, regimen = started(patient, clinician, kind="aud_daily", day=TODAY - dt.timedelta(days=5))
    services.dose_record(regimen=regimen, day=TODAY, status="taken", by=patient.user)
    before = selectors.patient_snapshot(patient=patient, as_of=TODAY)
    assert TODAY in {dose.on for dose in before.oral_doses}
    services.dose_report_withdraw(patient=patient, day=TODAY, by=patient.user)
    snapshot = selectors.patient_snapshot(patient=patient, as_of=TODAY)
    assert TODAY not in {dose.on for dose in snapshot.oral_doses}
