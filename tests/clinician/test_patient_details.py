from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.care.models import Patient

pytestmark = pytest.mark.django_db

VALID = {
    "given_name": "Ana",
    "family_name": "Ruiz",
    "date_of_birth": "1990-04-02",
    "sex": "female",
    "pregnancy": "no",
    "reminder_channel": "sms",
    "phone": "(312) 555-0142",
    "insurance_payer": "Blue River Health",
    "insurance_member_id": "BRH123",
}


def test_clinician_registers_a_patient_in_their_clinic(client, clinician, clinic):
    client.force_login(clinician)
    response = client.post(reverse("clinician:patient_new"), VALID)
    patient = Patient.objects.get(family_name="Ruiz")
    assert response["Location"] == reverse("clinician:patient_chart", args=[patient.pk])
    assert (patient.clinic, patient.insurance_member_id, patient.reminder_channel) == (
        clinic,
        "BRH123",
        "sms",
    )
    assert AuditEvent.objects.filter(
        action="create", object_type="patient", patient_id=patient.pk
    ).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("given_name", ""),
        ("date_of_birth", "2999-01-01"),
        ("date_of_birth", "soon"),
        ("family_name", "x" * 101),
        ("sex", "other"),
    ],
)
def test_bad_details_are_field_errors_and_keep_the_input(client, clinician, field, value):
    client.force_login(clinician)
    response = client.post(reverse("clinician:patient_new"), {**VALID, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["form"]["insurance_payer"].value() == "Blue River Health"
    assert not Patient.objects.exists()


def test_editing_details_keeps_the_change_in_the_audit_trail(client, clinician, patient):
    client.force_login(clinician)
    data = {
        **VALID,
        "given_name": patient.given_name,
        "family_name": patient.family_name,
        "date_of_birth": patient.date_of_birth.isoformat(),
    }
    data["phone"] = "(312) 555-0199"
    response = client.post(reverse("clinician:patient_edit", args=[patient.pk]), data)
    assert response.status_code == 302
    change = AuditEvent.objects.get(action="update", object_type="patient", patient_id=patient.pk)
    assert change.detail["changes"]["phone"] == ["", "+13125550199"]
    assert change.actor_id == clinician.pk


def test_details_of_another_clinics_patient_are_out_of_scope(client, clinician, foreign_patient):
    before = foreign_patient.given_name
    client.force_login(clinician)
    assert (
        client.get(reverse("clinician:patient_edit", args=[foreign_patient.pk])).status_code == 404
    )
    assert (
        client.post(reverse("clinician:patient_edit", args=[foreign_patient.pk]), VALID).status_code
        == 404
    )
    foreign_patient.refresh_from_db()
    assert foreign_patient.given_name == before
