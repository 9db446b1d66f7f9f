"""Services keep their promises: a write whose audit event cannot be stored leaves nothing
behind (the row, its alerts and the patient's last contact roll back together)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from naltrack.care import services
from naltrack.care.models import (
    Alert,
    ClinicalNote,
    DrugScreen,
    FollowUp,
    LabResult,
    OpioidExposure,
    TherapySession,
)
from tests.care.helpers import TODAY, started, stop_planned

pytestmark = pytest.mark.django_db(transaction=True)
DAY = dt.timedelta(days=1)


class AuditDown(Exception):
    pass


@pytest.fixture
def audit_down(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to make every later audit write fail, as a full disk or a lost connection would."""

    def fail(*args: Any, **kwargs: Any) -> None:
        raise AuditDown

    def down() -> None:
        monkeypatch.setattr("naltrack.audit.services.AuditEvent.objects.create", fail)

    return down


WRITES: dict[str, tuple[Any, Callable[..., Any]]] = {
    "lab": (
        LabResult,
        lambda patient, by: services.lab_record(
            patient=patient,
            test="ALT",
            value=Decimal(400),
            upper_limit_normal=Decimal(40),
            collected_on=TODAY,
            by=by,
        ),
    ),
    "screen": (
        DrugScreen,
        lambda patient, by: services.drug_screen_record(
            patient=patient, collected_on=TODAY, opioids_positive=True, by=by
        ),
    ),
    "exposure": (
        OpioidExposure,
        lambda patient, by: services.opioid_exposure_record(
            patient=patient, kind="short_acting", last_use=TODAY - DAY, by=by
        ),
    ),
    "note": (ClinicalNote, lambda patient, by: services.note_add(patient=patient, text="x", by=by)),
    "therapy": (
        TherapySession,
        lambda patient, by: services.therapy_session_schedule(
            patient=patient,
            kind=TherapySession.Kind.CBT,
            scheduled_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=1),
            counsellor=by,
            by=by,
        ),
    ),
}


@pytest.mark.parametrize("kind", WRITES)
def test_a_write_whose_audit_fails_leaves_nothing(kind, patient, clinician, audit_down):
    started(patient, clinician)
    model, write = WRITES[kind]
    alerts = Alert.objects.count()
    audit_down()
    with pytest.raises(AuditDown):
        write(patient, clinician)
    assert not model.objects.filter(patient=patient).exists()
    assert Alert.objects.count() == alerts


def test_a_follow_up_whose_audit_fails_stays_undone(patient, clinician, audit_down):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 30 * DAY, indication="AUD"
    )
    plan = stop_planned(episode, clinician, start=(TODAY - 10 * DAY))
    follow_up = plan.follow_ups.first()
    audit_down()
    with pytest.raises(AuditDown):
        services.follow_up_record(
            follow_up=follow_up, done_on=TODAY, method="phone", note="", by=clinician
        )
    assert FollowUp.objects.get(pk=follow_up.pk).done_on is None


def test_an_acknowledgement_whose_audit_fails_leaves_the_alert_open(patient, clinician, audit_down):
    started(patient, clinician)
    services.drug_screen_record(
        patient=patient, collected_on=TODAY, opioids_positive=True, by=clinician
    )
    alert = Alert.objects.filter(patient=patient).first()
    assert alert is not None
    audit_down()
    with pytest.raises(AuditDown):
        services.alert_acknowledge(alert=alert, by=clinician, note="Called")
    assert Alert.objects.get(pk=alert.pk).acknowledged_at is None
