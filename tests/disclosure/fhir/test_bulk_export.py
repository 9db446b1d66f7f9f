"""The bulk export (FHIR Bulk Data pattern): kick-off, status, manifest, files — only covered
patients, only their consented categories, each a Disclosure, files only to whoever asked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from naltrack.accounts.models import Membership
from naltrack.care.models import Patient
from naltrack.disclosure import exports
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.fhir.resources import resource_id
from naltrack.disclosure.models import BulkExport, Disclosure
from naltrack.disclosure.notice import PART2_NOTICE
from naltrack.disclosure.services import consent_revoke
from naltrack.disclosure.tasks import bulk_export_task
from tests.disclosure.fhir.helpers import ACME, as_outside_system, outcome_text, valid_lines
from tests.disclosure.helpers import named_terms, signed, tpo_terms
from tests.factories import member, patient_with_login

pytestmark = pytest.mark.django_db

KICK_OFF = {"HTTP_PREFER": "respond-async"}
LIVER_TESTS = {"1742-6", "1920-8", "2324-2", "1975-2"}


def acme_consent(patient: Patient, categories: list[str]) -> Any:
    return signed(
        patient,
        named_terms(recipient_name="Acme Health Plan", purposes=["payment"], categories=categories),
    )


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def files_of(client: Client, manifest: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found = {}
    for entry in manifest["output"]:
        response = client.get(entry["url"])
        assert response.status_code == 200
        assert response["Content-Type"] == "application/fhir+ndjson"
        lines = valid_lines(b"".join(response.streaming_content).decode())
        assert len(lines) == entry["count"]
        found[entry["type"]] = lines
    return found


@pytest.fixture
def outside(monkeypatch: Any, clinic: Any) -> Client:
    as_outside_system(monkeypatch, clinic)
    return Client()


def test_kick_off_status_and_manifest(
    outside: Client, rich_patient: Patient, patient: Patient, django_capture_on_commit_callbacks
):
    acme_consent(rich_patient, ["medications", "labs"])
    with django_capture_on_commit_callbacks() as queued:
        response = outside.get("/fhir/$export", **KICK_OFF)
    assert response.status_code == 202
    status_url = response["Content-Location"]
    assert status_url.startswith("http://testserver/fhir/$export/")

    waiting = outside.get(status_url)
    assert waiting.status_code == 202 and waiting["X-Progress"]

    for run in queued:  # the worker picks the export up
        run()
    done = outside.get(status_url)
    assert done.status_code == 200
    manifest = done.json()
    assert manifest["requiresAccessToken"] is True and manifest["error"] == []
    assert manifest["request"] == "http://testserver/fhir/$export"
    assert dt.datetime.fromisoformat(manifest["transactionTime"])
    files = files_of(outside, manifest)

    # Only the covered patient; of them only medicines and labs, their consent, the notice.
    assert set(files) == {
        "Patient",
        "MedicationRequest",
        "MedicationAdministration",
        "MedicationStatement",
        "Observation",
        "Consent",
        "Provenance",
    }
    assert [p["id"] for p in files["Patient"]] == [resource_id(rich_patient)]
    assert {o["code"]["coding"][0]["code"] for o in files["Observation"]} == LIVER_TESTS
    (provenance,) = files["Provenance"]
    assert PART2_NOTICE[:60] in provenance["text"]["div"]
    (row,) = Disclosure.objects.all()
    assert (row.patient, row.form, sorted(row.categories)) == (
        rich_patient,
        "fhir_bulk",
        ["labs", "medications"],
    )
    assert row.what == f"Bulk export {BulkExport.objects.get().pk}"


def test_a_consent_withdrawn_before_the_kick_off_leaves_the_patient_out(
    clinic: Any, clinic_admin: Any
):
    kept, withdrawn, general = (patient_with_login(clinic) for _ in range(3))
    acme_consent(kept, ["labs"])
    consent_revoke(consent=acme_consent(withdrawn, ["labs"]), by=withdrawn.user)
    signed(general, tpo_terms(recipient_roles=["payer"], purposes=["payment"]))
    export = exports.bulk_export_start(
        clinic=clinic, recipient=ACME, purpose="payment", request_url="x", by=clinic_admin
    )
    export = exports.bulk_export_run(export_id=export.pk)
    assert export.status == "done" and export.patients_done == 2
    assert set(Disclosure.objects.values_list("patient_id", flat=True)) == {kept.pk, general.pk}
    # A payer is not who a treating provider's consent names: nobody for them.
    other = exports.bulk_export_start(
        clinic=clinic,
        recipient=Recipient("Acme Health Plan", "treating_provider"),
        purpose="treatment",
        request_url="x",
        by=clinic_admin,
    )
    assert exports.bulk_export_run(export_id=other.pk).files == []


def test_kick_off_refuses_what_it_cannot_do(outside: Client):
    assert outside.get("/fhir/$export").status_code == 400  # no Prefer: respond-async
    for query in ("_outputFormat=text/csv", "_type=Patient,Medication", "_since=2026-01-01"):
        response = outside.get(f"/fhir/$export?{query}", **KICK_OFF)
        assert response.status_code == 400, query
        assert outcome_text(response)
    assert not BulkExport.objects.exists()


def test_type_keeps_only_those_resources_and_the_notice(
    outside: Client, rich_patient: Patient, django_capture_on_commit_callbacks
):
    acme_consent(rich_patient, ["medications", "labs"])
    with django_capture_on_commit_callbacks(execute=True):
        response = outside.get("/fhir/$export?_type=Observation", **KICK_OFF)
    manifest = outside.get(response["Content-Location"]).json()
    assert [entry["type"] for entry in manifest["output"]] == ["Observation", "Provenance"]


def test_staff_and_patients_cannot_kick_off(clinician: Any, clinic_admin: Any, patient: Patient):
    for user in (clinician, clinic_admin, patient.user):
        response = signed_in(user).get("/fhir/$export", **KICK_OFF)
        assert response.status_code == 403 and outcome_text(response)
    assert Client().get("/fhir/$export", **KICK_OFF).status_code == 401


def test_an_outside_system_cancels_and_the_files_go(
    outside: Client, patient: Patient, django_capture_on_commit_callbacks
):
    acme_consent(patient, ["labs"])
    with django_capture_on_commit_callbacks(execute=True):
        status_url = outside.get("/fhir/$export", **KICK_OFF)["Content-Location"]
    export = BulkExport.objects.get()
    assert exports.export_directory(export).is_dir()
    assert outside.delete(status_url).status_code == 202
    assert not exports.export_directory(export).exists()
    assert outside.get(status_url).status_code == 404


def test_the_admins_page_runs_an_export_and_links_its_files(
    clinic: Any,
    clinic_admin: Any,
    other_clinic: Any,
    patient: Patient,
    django_capture_on_commit_callbacks,
):
    acme_consent(patient, ["labs", "medications"])
    admin = signed_in(clinic_admin)
    page = admin.get("/clinic/exports/")
    assert page.status_code == 200 and b"Export records for a recipient" in page.content
    refused = admin.post("/clinic/exports/", {"recipient_name": " ", "purpose": "payment"})
    assert refused.status_code == 200 and b"This field is required" in refused.content
    with django_capture_on_commit_callbacks(execute=True):
        started = admin.post(
            "/clinic/exports/",
            {"recipient_name": "Acme Health Plan", "recipient_role": "payer", "purpose": "payment"},
        )
    export = BulkExport.objects.get()
    assert started.status_code == 302 and started["Location"] == f"/clinic/exports/{export.pk}/"
    detail = admin.get(started["Location"]).content.decode()
    file_url = f"/fhir/$export/{export.pk}/Patient.ndjson"
    assert "Ready to download" in detail and file_url in detail
    manifest = admin.get(f"/fhir/$export/{export.pk}").json()
    assert set(files_of(admin, manifest)) >= {"Patient", "Consent", "Provenance"}

    # Another clinic's admin, a clinician of this one and an outside system learn nothing.
    for user in (member(other_clinic, Membership.Role.ADMIN), member(clinic, "clinician")):
        stranger = signed_in(user)
        assert stranger.get(file_url).status_code == 404
        assert stranger.get(f"/fhir/$export/{export.pk}").status_code == 404
        assert stranger.get(f"/clinic/exports/{export.pk}/").status_code == 404


def test_an_outside_system_sees_only_its_own_exports(
    clinic: Any, clinic_admin: Any, patient: Patient, monkeypatch: Any
):
    acme_consent(patient, ["labs"])
    mine = exports.bulk_export_start(
        clinic=clinic, recipient=ACME, purpose="payment", request_url="x", client_label="acme"
    )
    theirs = exports.bulk_export_start(
        clinic=clinic, recipient=ACME, purpose="payment", request_url="x", by=clinic_admin
    )
    for export in (mine, theirs):
        exports.bulk_export_run(export_id=export.pk)
    as_outside_system(monkeypatch, clinic, label="acme")
    client = Client()
    assert client.get(f"/fhir/$export/{mine.pk}/Patient.ndjson").status_code == 200
    assert client.get(f"/fhir/$export/{theirs.pk}/Patient.ndjson").status_code == 404
    assert client.get(f"/fhir/$export/{mine.pk}/Encounter.ndjson").status_code == 404


def test_files_expire(clinic: Any, clinic_admin: Any, patient: Patient):
    acme_consent(patient, ["labs"])
    export = exports.bulk_export_start(
        clinic=clinic, recipient=ACME, purpose="payment", request_url="x", by=clinic_admin
    )
    export = exports.bulk_export_run(export_id=export.pk)
    assert exports.exports_expire(now=timezone.now()) == 0
    assert exports.exports_expire(now=export.expires_at) == 1
    assert not exports.export_directory(export).exists()
    assert BulkExport.objects.get().status == "expired"
    assert signed_in(clinic_admin).get(f"/fhir/$export/{export.pk}").status_code == 404


def test_a_failed_export_says_so_and_keeps_no_file(
    clinic: Any, clinic_admin: Any, patient: Patient, monkeypatch: Any
):
    acme_consent(patient, ["labs"])

    def broken(*args: Any) -> list[Any]:
        raise OSError("disk full")

    monkeypatch.setattr(exports, "released_resources", broken)
    export = exports.bulk_export_start(
        clinic=clinic, recipient=ACME, purpose="payment", request_url="x", by=clinic_admin
    )
    assert bulk_export_task.call(export.pk) == "failed"
    assert not exports.export_directory(export).exists()
    response = signed_in(clinic_admin).get(f"/fhir/$export/{export.pk}")
    assert response.status_code == 500
    assert "failed" in outcome_text(response)
    # Run again by a second worker: a finished export does not start over.
    assert exports.bulk_export_run(export_id=export.pk).status == "failed"
