"""The ``world`` fixture: one clinic whose patient has a row of every kind a URL names, for the
tests that walk every route (tests/test_url_access.py, tests/test_fuzz_forms.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from naltrack.accounts.models import Membership
from naltrack.care import services
from naltrack.care.models import TherapySession
from naltrack.care.services import cravings
from naltrack.disclosure.models import BulkExport
from naltrack.disclosure.services import consent_attest
from naltrack.reminders.models import Notification
from tests.care.helpers import TODAY, started, stop_planned
from tests.disclosure.helpers import named_terms, scan
from tests.enrollment.helpers import submitted
from tests.factories import ClinicFactory, member, patient_with_login


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    """Clinic A with a patient whose record has a row of every kind a URL names, another patient
    of clinic A, and a clinician of clinic B."""
    clinic = ClinicFactory()
    clinician = member(clinic, Membership.Role.CLINICIAN)
    patient = patient_with_login(clinic)
    started(patient, clinician)
    session = services.therapy_session_schedule(
        patient=patient,
        kind=TherapySession.Kind.CBT,
        scheduled_at=timezone.now() + dt.timedelta(days=1),
        counsellor=clinician,
        by=clinician,
    )
    services.instrument_record(
        patient=patient,
        instrument="phq9",
        answers={f"q{n}": 3 for n in range(1, 10)},
        taken_on=TODAY,
        by=clinician,
    )
    episode = patient.episodes.get()
    # A stop from a later day: the episode stays open (tapering), so every planner page opens.
    plan = stop_planned(
        episode, clinician, start=TODAY + dt.timedelta(days=3), reason="patient choice"
    )
    craving = cravings.craving_episode_start(
        patient=patient, rating=5, might_use="no", by=patient.user
    )
    enrollment = submitted(clinic)
    now = timezone.now()
    notification = Notification.objects.create(
        patient=patient,
        kind=Notification.Kind.DOSE,
        channel=Notification.Channel.EMAIL,
        due_at=now,
        send_after=now,
        status=Notification.Status.FAILED,
        body="Time for your dose.",
    )
    # A paper consent, so its scan and PDF routes have a file to guard.
    consent = consent_attest(
        patient=patient,
        terms=named_terms(),
        signed_name=patient.full_name,
        signed_on=TODAY,
        scan=scan(),
        by=clinician,
    )
    export = BulkExport.objects.create(
        clinic=clinic,
        request_url="http://testserver/fhir/$export",
        recipient_name="Acme Health Plan",
        recipient_role="payer",
        purpose="payment",
    )
    return {
        "values": {
            "consent_id": consent.pk,
            "export_id": export.pk,
            "resource_type": "Patient",
            "patient_id": patient.pk,
            "session_id": session.pk,
            "follow_up_id": plan.follow_ups.first().pk,
            "alert_id": patient.alerts.first().pk,
            "episode_id": craving.pk,
            "enrollment_id": enrollment.pk,
            "notification_id": notification.pk,
            "user_id": clinician.pk,
            "instrument": "phq9",
            "panel": "injections-due",
            "slug": clinic.slug,
            "token": "x",
            "uidb64": "x",
        },
        "clinician": clinician,
        "admin": member(clinic, Membership.Role.ADMIN),
        "patient": patient.user,
        "other_clinician": member(ClinicFactory(), Membership.Role.CLINICIAN),
        "other_patient": patient_with_login(clinic).user,
    }
