"""Bidirectional control characters never reach a stored record (they could make a lab unit or a
note display in another order than it was typed)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from naltrack.care import services
from naltrack.care.models import ClinicalNote, LabResult
from tests.care.helpers import TODAY

pytestmark = pytest.mark.django_db

RLO = "\u202e"


def test_a_lab_unit_with_a_right_to_left_override_is_stored_plain(client, clinician, patient):
    client.force_login(clinician)
    response = client.post(
        reverse("clinician:record_lab", args=[patient.pk]),
        {
            "test": "ALT",
            "value": "35",
            "unit": f"U/L{RLO}09",
            "upper_limit_normal": "40",
            "collected_on": TODAY,
        },
    )
    assert response.status_code in (200, 302)
    for lab in LabResult.objects.all():
        assert RLO not in lab.unit


def test_a_note_written_through_a_service_is_stored_plain(patient, clinician):
    services.note_add(patient=patient, text=f"Dose {RLO}gm 05\u2066 ok\u2069", by=clinician)
    note = ClinicalNote.objects.get()
    assert note.text == "Dose gm 05 ok"


def test_other_text_is_kept_as_typed(patient, clinician):
    services.lab_record(
        patient=patient,
        test="ALT",
        value=Decimal("0.5"),
        upper_limit_normal=Decimal("0.7"),
        collected_on=TODAY,
        unit="µkat/L",
        by=clinician,
    )
    assert LabResult.objects.get().unit == "µkat/L"
