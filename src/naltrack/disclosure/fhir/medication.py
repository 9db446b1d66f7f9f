"""Naltrexone as prescribed, given and taken: MedicationRequest, MedicationAdministration and
MedicationStatement resources."""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.medicationadministration import MedicationAdministration
from fhir.resources.R4B.medicationrequest import MedicationRequest
from fhir.resources.R4B.medicationstatement import MedicationStatement

from naltrack.care.models import DoseEvent, Injection, Regimen
from naltrack.disclosure.fhir.codes import concept
from naltrack.disclosure.fhir.resources import build, quantity, reference


def _medication(formulation: str) -> dict[str, Any]:
    return concept("rx-injection" if formulation == "xr_injection" else "rx-tablet")


def medication_request(regimen: Regimen) -> MedicationRequest:
    route = "route-im" if regimen.formulation == "xr_injection" else "route-oral"
    period: dict[str, str] = {"start": regimen.start.isoformat()}
    if regimen.end:
        period["end"] = regimen.end.isoformat()
    data = {
        "status": "completed" if regimen.end else "active",
        "intent": "order",
        "medicationCodeableConcept": _medication(regimen.formulation),
        "subject": reference(regimen.patient),
        "authoredOn": regimen.start.isoformat(),
        "dosageInstruction": [
            {
                "text": regimen.info.schedule_text,
                "route": concept(route),
                "timing": {"repeat": {"boundsPeriod": period}},
            }
        ],
    }
    return build(MedicationRequest, regimen, data)


def injection_administration(injection: Injection) -> MedicationAdministration:
    data: dict[str, Any] = {
        "status": "completed",
        "medicationCodeableConcept": _medication("xr_injection"),
        "subject": reference(injection.patient),
        "effectiveDateTime": injection.given_on.isoformat(),
        "request": reference(injection.regimen),
        "dosage": {
            "site": {"text": injection.get_site_display()},
            "route": concept("route-im"),
            "dose": quantity(injection.dose_mg, "unit-mg"),
        },
    }
    if injection.lot:
        data["note"] = [{"text": f"Lot {injection.lot}"}]
    return build(MedicationAdministration, injection, data)


def dose_resource(dose: DoseEvent) -> MedicationAdministration | MedicationStatement:
    """A dose staff saw is an administration; one the patient reported is a statement."""
    taken = dose.status == DoseEvent.Status.TAKEN
    common: dict[str, Any] = {
        "medicationCodeableConcept": _medication("oral"),
        "subject": reference(dose.patient),
        "effectiveDateTime": dose.day.isoformat(),
    }
    dosage: dict[str, Any] = {
        "route": concept("route-oral"),
        "dose": quantity(dose.dose_mg, "unit-mg"),
    }
    if dose.observed:
        data = {
            **common,
            "status": "completed" if taken else "not-done",
            "request": reference(dose.regimen),
            "dosage": dosage,
        }
        return build(MedicationAdministration, dose, data)
    data = {
        **common,
        "status": "completed" if taken else "not-taken",
        "basedOn": [reference(dose.regimen)],
        # A statement's dosage is the general Dosage type: the amount goes in doseAndRate.
        "dosage": [{"route": dosage["route"], "doseAndRate": [{"doseQuantity": dosage["dose"]}]}],
    }
    return build(MedicationStatement, dose, data)
