"""A patient's whole record as one FHIR Bundle (the ``$everything`` of the patient)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from naltrack.care.models import (
    Alert,
    CheckIn,
    CravingEpisode,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    Patient,
    PatientRow,
    Regimen,
    TaperPlan,
    TherapySession,
)
from naltrack.disclosure.fhir import resources


def _rows(model: type[PatientRow], patient: Patient, *related: str) -> list[Any]:
    # The caller fetched the patient through the access rule; every row is then read by that
    # patient and their clinic, so nothing of another patient can slip in.
    rows = model.objects.filter(patient=patient, clinic_id=patient.clinic_id)
    return list(rows.select_related("patient", *related).order_by("pk"))


def patient_resources(patient: Patient) -> list[Any]:
    """Every resource of ``patient``'s record, the Patient first, each kind in record order."""
    episodes = _rows(Episode, patient)
    built: list[Any] = [resources.patient_resource(patient)]
    built += resources.conditions(patient, episodes)
    built += [resources.medication_request(r) for r in _rows(Regimen, patient)]
    built += [resources.injection_administration(i) for i in _rows(Injection, patient, "regimen")]
    built += [resources.dose_resource(d) for d in _rows(DoseEvent, patient, "regimen")]
    built += [resources.lab_observation(lab) for lab in _rows(LabResult, patient)]
    built += [resources.drug_screen_observation(s) for s in _rows(DrugScreen, patient)]
    for check_in in _rows(CheckIn, patient):
        built += resources.check_in_observations(check_in)
    built += [resources.craving_episode_observation(c) for c in _rows(CravingEpisode, patient)]
    for response in _rows(InstrumentResponse, patient):
        built += resources.instrument_resources(response)
    follow_ups_of_plan: dict[int, list[FollowUp]] = defaultdict(list)
    loose_follow_ups: dict[int, list[FollowUp]] = defaultdict(list)
    for follow_up in _rows(FollowUp, patient):
        if follow_up.taper_plan_id:
            follow_ups_of_plan[follow_up.taper_plan_id].append(follow_up)
        else:
            loose_follow_ups[follow_up.episode_id].append(follow_up)
    for plan in _rows(TaperPlan, patient, "episode"):
        built.append(resources.taper_care_plan(plan, follow_ups_of_plan[plan.pk]))
    for episode in episodes:
        if loose_follow_ups[episode.pk]:
            built.append(resources.follow_up_care_plan(episode, loose_follow_ups[episode.pk]))
    built += [resources.therapy_encounter(s) for s in _rows(TherapySession, patient)]
    built += [resources.alert_flag(a) for a in _rows(Alert, patient) if a.is_open]
    return built


def patient_everything(patient: Patient) -> Bundle:
    """A ``collection`` Bundle of the patient's record; each entry's fullUrl is its stable
    ``urn:uuid:`` id, which the references between entries use."""
    entries = [
        {"fullUrl": f"urn:uuid:{resource.id}", "resource": resource}
        for resource in patient_resources(patient)
    ]
    return Bundle.model_validate({"resourceType": "Bundle", "type": "collection", "entry": entries})
