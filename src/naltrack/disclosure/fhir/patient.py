"""The patient and the disorders they are treated for, as Patient and Condition resources."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.patient import Patient as FhirPatient

from naltrack.care.models import Episode, Patient
from naltrack.disclosure.fhir.codes import coding, concept
from naltrack.disclosure.fhir.resources import build, reference


def patient_resource(patient: Patient) -> FhirPatient:
    data: dict[str, Any] = {
        "name": [{"family": patient.family_name, "given": [patient.given_name]}],
        "birthDate": patient.date_of_birth.isoformat(),
        "gender": patient.sex or "unknown",
    }
    if patient.medical_record_number:
        data["identifier"] = [
            {
                "type": concept("mrn"),
                "system": f"https://naltrack.example/fhir/clinic/{patient.clinic.slug}/mrn",
                "value": patient.medical_record_number,
            }
        ]
    telecom = []
    if patient.phone:
        telecom.append({"system": "phone", "value": str(patient.phone)})
    if patient.email:
        telecom.append({"system": "email", "value": patient.email})
    if telecom:
        data["telecom"] = telecom
    if patient.emergency_contact_name or patient.emergency_contact_phone:
        contact: dict[str, Any] = {"relationship": [concept("emergency-contact")]}
        if patient.emergency_contact_name:
            contact["name"] = {"text": patient.emergency_contact_name}
        if patient.emergency_contact_phone:
            contact["telecom"] = [
                {"system": "phone", "value": str(patient.emergency_contact_phone)}
            ]
        data["contact"] = [contact]
    return build(FhirPatient, patient, data)


def conditions(patient: Patient, episodes: list[Episode]) -> list[Condition]:
    """One Condition per disorder any episode treated (AUD, OUD), recorded when first treated.

    Stopping treatment is not remission, so each stays active: the record holds no diagnosis
    of remission to say otherwise.
    """
    first: dict[str, dt.date] = {}
    for episode in episodes:
        for disorder in ("AUD", "OUD"):
            if disorder in episode.indication.split("_"):
                first[disorder] = min(first.get(disorder, episode.opened_on), episode.opened_on)
    built = []
    for disorder, recorded in sorted(first.items()):
        key = disorder.lower()
        data = {
            "clinicalStatus": concept("condition-active"),
            "verificationStatus": concept("condition-confirmed"),
            "category": [concept("condition-problem")],
            "code": {"coding": [coding(f"icd-{key}"), coding(f"sct-{key}")]},
            "subject": reference(patient),
            "recordedDate": recorded.isoformat(),
        }
        built.append(build(Condition, patient, data, part=f"condition-{key}"))
    return built
