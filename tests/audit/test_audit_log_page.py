"""The audit log reads as sentences a clinic admin understands: whose record, what changed from
what to what; its filters refuse nonsense; its CSV export is itself audited."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.services import patient_update

pytestmark = pytest.mark.django_db


def test_a_change_shows_the_patient_and_the_field_old_and_new(
    client, clinic_admin, clinician, patient
):
    old_phone = patient.phone
    patient_update(patient=patient, by=clinician, phone="+1 312 555 0199")
    client.force_login(clinic_admin)
    page = client.get(reverse("accounts:audit_log"), {"action": "update"})
    text = page.content.decode()
    assert patient.full_name in text
    assert "Phone" in text and "+13125550199" in text
    if old_phone:
        assert old_phone in text
    event = page.context["page"][0]
    assert event.patient_id == patient.pk


def test_the_log_names_only_patients_of_the_admins_clinic(client, clinic_admin, foreign_patient):
    # A stray event filed under this clinic about another clinic's patient shows no name.
    audit_record(request=None, action=AuditEvent.Action.READ, obj=foreign_patient,
                 clinic_id=clinic_admin.membership.clinic_id)  # fmt: skip
    client.force_login(clinic_admin)
    text = client.get(reverse("accounts:audit_log")).content.decode()
    assert foreign_patient.family_name not in text


def test_from_after_to_is_refused_with_a_message(client, clinic_admin):
    client.force_login(clinic_admin)
    page = client.get(reverse("accounts:audit_log"), {"since": "2026-05-02", "until": "2026-05-01"})
    assert page.status_code == 200
    assert "must be on or after" in page.content.decode()
    export = client.get(
        reverse("accounts:audit_log_csv"), {"since": "2026-05-02", "until": "2026-05-01"}
    )
    assert export.status_code == 400


def test_the_csv_export_holds_the_filtered_events_and_is_audited(
    client, clinic_admin, clinician, patient, other_patient
):
    patient_update(patient=patient, by=clinician, given_name='=HYPERLINK("x")')
    client.force_login(clinician)
    client.get(reverse("clinician:patient_chart", args=[other_patient.pk]))
    client.force_login(clinic_admin)
    response = client.get(reverse("accounts:audit_log_csv"), {"patient": patient.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, body = rows[0], rows[1:]
    assert header[0] == "When" and "Changes" in header
    assert body and {row[header.index("Patient id")] for row in body} == {str(patient.pk)}
    changes = [
        row[header.index("Changes")] for row in body if row[header.index("Action")] == "Changed"
    ]
    # Text a spreadsheet would run as a formula is quoted.
    assert any("Given name:" in c for c in changes)
    assert all(not cell.startswith("=") for row in body for cell in row)
    export = AuditEvent.objects.filter(
        action=AuditEvent.Action.EXPORT, object_type="audit_log"
    ).get()
    assert export.actor_id == clinic_admin.pk
    assert export.detail["filters"] == {"patient": str(patient.pk)}
    assert export.detail["rows"] == len(body)


def test_only_clinic_admins_export_the_log(client, clinician):
    client.force_login(clinician)
    assert client.get(reverse("accounts:audit_log_csv")).status_code == 404
