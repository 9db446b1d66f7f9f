"""Every read of a patient's record is recorded, and nothing can change the record of reads."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from naltrack.audit.models import AuditEvent, AuditTrailIsAppendOnly
from naltrack.audit.services import audit_record

pytestmark = pytest.mark.django_db


def patient_views(patient):
    """Every view that shows patient data, with who may open it."""
    return [
        ("staff", reverse("clinician:patient_chart", args=[patient.pk])),
        ("staff", reverse("clinician:patient_list")),
        ("patient", reverse("patient:home")),
    ]


def test_every_view_showing_patient_data_writes_an_audit_event(client, clinician, patient):
    for who, url in patient_views(patient):
        client.force_login(clinician if who == "staff" else patient.user)
        before = (
            AuditEvent.objects.filter(patient_id=patient.pk).count()
            + AuditEvent.objects.filter(action=AuditEvent.Action.LIST).count()
        )
        response = client.get(url, REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 200, url
        after = (
            AuditEvent.objects.filter(patient_id=patient.pk).count()
            + AuditEvent.objects.filter(action=AuditEvent.Action.LIST).count()
        )
        assert after == before + 1, f"{url} wrote no audit event"


def test_chart_read_records_who_what_when_where(client, clinician, patient):
    client.force_login(clinician)
    response = client.get(
        reverse("clinician:patient_chart", args=[patient.pk]), REMOTE_ADDR="203.0.113.9"
    )
    event = AuditEvent.objects.get(action=AuditEvent.Action.READ, patient_id=patient.pk)
    assert event.actor_id == clinician.pk
    assert event.actor_email == clinician.email
    assert event.actor_role == "clinician"
    assert event.object_type == "patient"
    assert event.object_id == str(patient.pk)
    assert event.clinic_id == patient.clinic_id
    assert event.ip_address == "203.0.113.9"
    assert event.request_id == response["X-Request-ID"]
    assert event.occurred_at is not None


def test_list_records_which_patients_were_shown(client, clinician, patient, other_patient):
    client.force_login(clinician)
    client.get(reverse("clinician:patient_list"))
    event = AuditEvent.objects.get(action=AuditEvent.Action.LIST)
    assert set(event.detail["patient_ids"]) == {patient.pk, other_patient.pk}


def test_out_of_scope_request_reads_nothing(client, clinician, foreign_patient):
    client.force_login(clinician)
    client.get(reverse("clinician:patient_chart", args=[foreign_patient.pk]))
    assert not AuditEvent.objects.filter(patient_id=foreign_patient.pk).exists()


def test_audit_event_cannot_be_changed_or_deleted_through_the_app(patient):
    event = audit_record(request=None, action=AuditEvent.Action.READ, obj=patient)
    event.action = AuditEvent.Action.DELETE
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action="delete")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == AuditEvent.Action.READ


def test_database_refuses_updates_to_the_audit_trail(patient):
    event = audit_record(request=None, action=AuditEvent.Action.READ, obj=patient)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'delete' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == AuditEvent.Action.READ


def test_database_refuses_deletes_from_the_audit_trail(patient):
    event = audit_record(request=None, action=AuditEvent.Action.READ, obj=patient)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_only_a_whole_database_flush_empties_the_audit_trail(patient):
    audit_record(request=None, action=AuditEvent.Action.READ, obj=patient)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    # The guard is down only for the flush itself.
    event = audit_record(request=None, action=AuditEvent.Action.LOGIN)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])


def test_audit_log_page_offers_no_way_to_change_it(client, clinic_admin, patient):
    audit_record(request=None, action=AuditEvent.Action.READ, obj=patient)
    client.force_login(clinic_admin)
    page = client.get(reverse("accounts:audit_log"))
    assert page.status_code == 200
    assert 'method="post"' not in page.text.split('id="main"')[1]
    assert client.post(reverse("accounts:audit_log")).status_code == 405


def test_admin_filters_the_audit_log(
    client, clinic_admin, clinician, patient, other_patient, foreign_patient
):
    client.force_login(clinician)
    client.get(reverse("clinician:patient_chart", args=[patient.pk]))
    client.get(reverse("clinician:patient_chart", args=[other_patient.pk]))
    audit_record(request=None, action=AuditEvent.Action.READ, obj=foreign_patient)
    client.force_login(clinic_admin)
    page = client.get(reverse("accounts:audit_log"), {"patient": patient.pk, "action": "read"})
    events = list(page.context["page"])
    assert [e.patient_id for e in events] == [patient.pk]
    everything = client.get(reverse("accounts:audit_log"))
    assert foreign_patient.clinic_id not in {e.clinic_id for e in everything.context["page"]}


def test_bad_filter_input_is_a_form_error_not_a_crash(client, clinic_admin):
    client.force_login(clinic_admin)
    page = client.get(reverse("accounts:audit_log"), {"patient": "abc", "since": "not-a-date"})
    assert page.status_code == 200
    assert page.context["form"].errors
