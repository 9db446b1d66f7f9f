"""``naltrack export-fhir``: the clinic's own backup — every patient, every category, the
bulk export's layout, each resource labelled, each patient's export audited."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from naltrack.audit.models import AuditEvent
from naltrack.care.models import Patient
from naltrack.disclosure.models import Disclosure
from tests.disclosure.fhir.helpers import valid_lines
from tests.disclosure.helpers import signed

pytestmark = pytest.mark.django_db


def test_every_patient_every_category_no_disclosure(
    tmp_path: Path,
    clinic: Any,
    rich_patient: Patient,
    injected_patient: Patient,
    foreign_patient: Patient,
):
    signed(rich_patient)
    out = io.StringIO()
    call_command("export-fhir", clinic=clinic.slug, out=str(tmp_path), stdout=out)
    written = {path.stem: valid_lines(path.read_text()) for path in tmp_path.glob("*.ndjson")}
    assert set(written) == {
        "Patient",
        "Condition",
        "MedicationRequest",
        "MedicationAdministration",
        "MedicationStatement",
        "Observation",
        "QuestionnaireResponse",
        "CarePlan",
        "Flag",
        "Encounter",
        "Consent",
    }
    assert len(written["Patient"]) == 2  # this clinic's two, not the other clinic's
    assert "Patient.ndjson: 2 resource(s)" in out.getvalue()
    assert not Disclosure.objects.exists()  # the clinic keeps its own records
    audited = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, object_type="patient")
    assert set(audited.values_list("patient_id", flat=True)) == {
        rich_patient.pk,
        injected_patient.pk,
    }


def test_it_refuses_an_unknown_clinic_and_a_folder_with_a_backup(tmp_path: Path, clinic: Any):
    with pytest.raises(CommandError, match="No clinic"):
        call_command("export-fhir", clinic="nowhere", out=str(tmp_path))
    (tmp_path / "Patient.ndjson").write_text("{}\n")
    with pytest.raises(CommandError, match="empty folder"):
        call_command("export-fhir", clinic=clinic.slug, out=str(tmp_path))
    assert (tmp_path / "Patient.ndjson").read_text() == "{}\n"
