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
from naltrack.disclosure.fhir.care_plans import (
    alert_flag,
    follow_up_care_plan,
    taper_care_plan,
    therapy_encounter,
)
from naltrack.disclosure.fhir.labels import with_part2_labels
from naltrack.disclosure.fhir.medication import (
    dose_resource,
    injection_administration,
    medication_request,
)
from naltrack.disclosure.fhir.observations import (
    check_in_observations,
    craving_episode_observation,
    drug_screen_observation,
    instrument_resources,
    lab_observation,
)
from naltrack.disclosure.fhir.patient import conditions, patient_resource
from naltrack.disclosure.fhir.release import consent_resource, disclosure_provenance
from naltrack.disclosure.gate import Release
from naltrack.disclosure.models import Consent, Disclosure


def _rows(model: type[PatientRow], patient: Patient, *related: str) -> list[Any]:
    # The caller fetched the patient through the access rule; every row is then read by that
    # patient and their clinic, so nothing of another patient can slip in.
    rows = model.objects.filter(patient=patient, clinic_id=patient.clinic_id)
    return list(rows.select_related("patient", *related).order_by("pk"))


def patient_resources(patient: Patient, categories: frozenset[str]) -> list[Any]:
    """The resources of ``patient``'s record in ``categories`` (``Consent.Category`` values), the
    Patient first (whoever receives a record learns whose it is), each kind in record order."""
    C = Consent.Category
    built: list[Any] = [patient_resource(patient)]
    if C.DIAGNOSES in categories:
        built += conditions(patient, _rows(Episode, patient))
    if C.MEDICATIONS in categories:
        built += [medication_request(r) for r in _rows(Regimen, patient)]
        built += [injection_administration(i) for i in _rows(Injection, patient, "regimen")]
        built += [dose_resource(d) for d in _rows(DoseEvent, patient, "regimen")]
    if C.LABS in categories:
        built += [lab_observation(lab) for lab in _rows(LabResult, patient)]
    if C.DRUG_SCREENS in categories:
        built += [drug_screen_observation(s) for s in _rows(DrugScreen, patient)]
    if C.CHECK_INS in categories:
        for check_in in _rows(CheckIn, patient):
            built += check_in_observations(check_in)
        built += [craving_episode_observation(c) for c in _rows(CravingEpisode, patient)]
    if C.QUESTIONNAIRES in categories:
        for response in _rows(InstrumentResponse, patient):
            built += instrument_resources(response)
    if C.CARE_PLANS in categories:
        built += _care_plans(patient)
        built += [alert_flag(a) for a in _rows(Alert, patient) if a.is_open]
    if C.THERAPY_NOTES in categories:
        built += [therapy_encounter(s) for s in _rows(TherapySession, patient)]
    return built


def _care_plans(patient: Patient) -> list[Any]:
    follow_ups_of_plan: dict[int, list[FollowUp]] = defaultdict(list)
    loose_follow_ups: dict[int, list[FollowUp]] = defaultdict(list)
    for follow_up in _rows(FollowUp, patient):
        if follow_up.taper_plan_id:
            follow_ups_of_plan[follow_up.taper_plan_id].append(follow_up)
        else:
            loose_follow_ups[follow_up.episode_id].append(follow_up)
    plans = [
        taper_care_plan(plan, follow_ups_of_plan[plan.pk])
        for plan in _rows(TaperPlan, patient, "episode")
    ]
    for episode in _rows(Episode, patient):
        if loose_follow_ups[episode.pk]:
            plans.append(follow_up_care_plan(episode, loose_follow_ups[episode.pk]))
    return plans


def consents_released(patient: Patient, release: Release) -> list[Consent]:
    """The consents that go with a release: the one it was made under (source: 42 CFR 2.32(b) —
    a copy of the consent goes with the disclosure), or every consent of the patient in their
    own copy (they are part of the patient's record)."""
    if release.disclosure.basis == Disclosure.Basis.PATIENT:
        return _rows(Consent, patient)
    return [release.consent] if release.consent is not None else []


def released_resources(
    patient: Patient, release: Release, types: frozenset[str] | None = None
) -> list[Any]:
    """What ``release`` lets go of the patient's record, with its consent, then the Provenance
    that carries the gate's notice (42 CFR 2.32) and names the disclosure. ``types`` keeps only
    those resource types (a bulk export's ``_type``); the Provenance goes whatever they are:
    the notice travels with every disclosure."""
    built = patient_resources(patient, release.categories)
    built += [consent_resource(c) for c in consents_released(patient, release)]
    if types is not None:
        built = [r for r in built if r.get_resource_type() in types]
    built.append(disclosure_provenance(release, built))
    return built


def patient_everything(patient: Patient, release: Release) -> Bundle:
    """A ``collection`` Bundle of ``released_resources``. Each entry's fullUrl is its stable
    ``urn:uuid:`` id, which the references between entries use."""
    entries = [
        {"fullUrl": f"urn:uuid:{r.id}", "resource": r} for r in released_resources(patient, release)
    ]
    return Bundle.model_validate(
        with_part2_labels({"resourceType": "Bundle", "type": "collection", "entry": entries})
    )
