"""The demo patients' records, in every state the demo has, make valid, fully coded Bundles."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from fhir.resources.R4B.bundle import Bundle

from naltrack.accounts.models import Clinic
from naltrack.care.models import Patient
from naltrack.demo_clinic.clinic import DEMO_SLUG
from naltrack.disclosure import exports
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.fhir.codes import CODES
from naltrack.disclosure.models import Consent
from tests.disclosure.fhir.helpers import valid_lines
from tests.disclosure.fhir.test_patient_everything import coded_values
from tests.disclosure.helpers import whole_record

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, built once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEMO=True):
            call_command("demo", stdout=io.StringIO())
        yield Clinic.objects.get(slug=DEMO_SLUG)
        transaction.set_rollback(True)


# The demo's 60 records make about 19,000 resources; every fourth patient keeps the test to
# seconds and still reaches every kind of resource the export makes.
SAMPLE_STEP = 4


def test_the_demo_patients_bundles_validate(demo):
    table = {(entry.system, entry.code) for entry in CODES.values()}
    kinds: Counter[str] = Counter()
    patients = Patient.objects.filter(clinic=demo).select_related("clinic").order_by("pk")
    for patient in list(patients)[::SAMPLE_STEP]:
        bundle = whole_record(patient)
        data = bundle.model_dump(mode="json", exclude_none=True)
        assert Bundle.model_validate(data).model_dump(mode="json", exclude_none=True) == data
        assert set(coded_values(data)) <= table
        kinds.update(entry["resource"]["resourceType"] for entry in data["entry"])
    # The demo's record reaches every kind of resource the export makes.
    assert set(kinds) == {
        "Patient",
        "Condition",
        "MedicationRequest",
        "MedicationAdministration",
        "MedicationStatement",
        "Observation",
        "QuestionnaireResponse",
        "CarePlan",
        "Encounter",
        "Flag",
        "Consent",
        "Provenance",
    }


def test_the_demo_clinics_bulk_export_files_validate(demo):
    # The demo's one general consent names payers, for payment: its patient alone goes out.
    export = exports.bulk_export_start(
        clinic=demo,
        recipient=Recipient("Any Health Plan", Consent.Role.PAYER),
        purpose=Consent.Purpose.PAYMENT,
        request_url="x",
    )
    export = exports.bulk_export_run(export_id=export.pk)
    assert export.status == "done" and export.patients_done == 1
    kinds = set()
    for entry in export.files:
        lines = valid_lines(
            (exports.export_directory(export) / f"{entry['type']}.ndjson").read_text()
        )
        assert len(lines) == entry["count"]
        kinds.add(entry["type"])
    assert {"Patient", "Observation", "Consent", "Provenance"} <= kinds
