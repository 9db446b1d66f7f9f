"""Refused access leaves a trace: probing another clinic's records or another role's pages, and
reading the audit trail itself, are audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def denied():
    return AuditEvent.objects.filter(action=AuditEvent.Action.DENIED)


def test_a_clinician_opening_another_clinics_patient_is_audited(client, clinician, foreign_patient):
    client.force_login(clinician)
    response = client.get(reverse("clinician:patient_chart", args=[foreign_patient.pk]))
    assert response.status_code == 404
    event = denied().get()
    assert (event.actor_id, event.object_type) == (clinician.pk, "patient")
    assert event.detail["patient_id_asked"] == foreign_patient.pk


def test_a_patient_opening_a_staff_page_is_audited(client, patient):
    client.force_login(patient.user)
    assert client.get(reverse("clinician:home")).status_code == 404
    event = denied().get()
    assert (event.actor_id, event.object_type, event.detail["path"]) == (
        patient.user.pk,
        "page",
        reverse("clinician:home"),
    )


def test_reading_and_filtering_the_audit_log_is_audited(client, clinic_admin):
    client.force_login(clinic_admin)
    client.get(reverse("accounts:audit_log"), {"action": "read"})
    event = AuditEvent.objects.filter(object_type="audit_log").get()
    assert event.actor_id == clinic_admin.pk
    assert event.detail["filters"] == {"action": "read"}
