"""A patient's record as a FHIR Bundle: every resource valid, coded from the table, labelled."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    DrugScreen,
    InstrumentResponse,
    LabResult,
    Patient,
    Regimen,
    TaperPlan,
    TherapySession,
)
from naltrack.disclosure.fhir.codes import CODES
from naltrack.disclosure.fhir.labels import PART2_LABELS
from tests.disclosure.helpers import whole_record


def as_json(bundle: Bundle) -> dict[str, Any]:
    return bundle.model_dump(mode="json", exclude_none=True)


def coded_values(node: Any) -> list[tuple[str, str]]:
    """Every (system, code) pair anywhere in FHIR JSON: Codings and coded Quantities."""
    found = []
    if isinstance(node, dict):
        if "system" in node and "code" in node:
            found.append((node["system"], node["code"]))
        for value in node.values():
            found += coded_values(value)
    elif isinstance(node, list):
        for value in node:
            found += coded_values(value)
    return found


def resources_of(bundle: Bundle, kind: str) -> list[dict[str, Any]]:
    return [
        e["resource"] for e in as_json(bundle)["entry"] if e["resource"]["resourceType"] == kind
    ]


def test_every_resource_round_trips_through_the_fhir_models(rich_patient: Patient):
    bundle = whole_record(rich_patient)
    for entry in bundle.entry:
        resource = entry.resource
        again = type(resource).model_validate(resource.model_dump(mode="json", exclude_none=True))
        assert again.model_dump(mode="json") == resource.model_dump(mode="json")
    assert Bundle.model_validate_json(bundle.model_dump_json()) == bundle


def test_resource_counts_match_the_record(rich_patient: Patient):
    kinds = Counter(
        e["resource"]["resourceType"] for e in as_json(whole_record(rich_patient))["entry"]
    )
    doses = DoseEvent.objects.filter(patient=rich_patient)
    check_ins = CheckIn.objects.filter(patient=rich_patient)
    instruments = InstrumentResponse.objects.filter(patient=rich_patient).count()
    observations = (
        LabResult.objects.filter(patient=rich_patient).count()
        + DrugScreen.objects.filter(patient=rich_patient).count()
        + 2 * check_ins.count()  # craving and opioid use
        + check_ins.filter(drinks__isnull=False).count()
        + rich_patient.craving_episodes.count()
        + instruments  # the totals
    )
    assert kinds == {
        "Patient": 1,
        "Condition": 2,  # OUD_AUD: both disorders
        "MedicationRequest": Regimen.objects.filter(patient=rich_patient).count(),
        "MedicationAdministration": doses.filter(observed=True).count(),
        "MedicationStatement": doses.filter(observed=False).count(),
        "Observation": observations,
        "QuestionnaireResponse": instruments,
        "CarePlan": TaperPlan.objects.filter(patient=rich_patient).count(),
        "Encounter": TherapySession.objects.filter(patient=rich_patient).count(),
        "Flag": sum(alert.is_open for alert in rich_patient.alerts.all()),
        "Provenance": 1,  # the disclosure itself, with its notice
    }
    assert kinds["MedicationStatement"] == 2 and kinds["QuestionnaireResponse"] == 5
    assert kinds["Flag"] >= 1


def test_every_code_comes_from_the_table(rich_patient: Patient, injected_patient: Patient):
    table = {(entry.system, entry.code) for entry in CODES.values()}
    for patient in (rich_patient, injected_patient):
        used = set(coded_values(as_json(whole_record(patient))))
        assert used and used <= table


def test_the_code_table_is_complete():
    assert len({(e.system, e.code) for e in CODES.values()}) == len(CODES)
    for entry in CODES.values():
        assert entry.system.startswith(("http://", "https://"))
        assert entry.code.strip() and entry.display.strip() and entry.purpose.strip()


def test_every_resource_carries_the_part2_labels(rich_patient: Patient):
    wanted = [(CODES[key].system, CODES[key].code) for key in PART2_LABELS]
    for entry in as_json(whole_record(rich_patient))["entry"]:
        labels = [(c["system"], c["code"]) for c in entry["resource"]["meta"]["security"]]
        assert labels == wanted


def test_full_urls_are_stable_unique_and_resolve_every_reference(rich_patient: Patient):
    first, second = (
        as_json(whole_record(rich_patient)),
        as_json(whole_record(rich_patient)),
    )
    urls = [e["fullUrl"] for e in first["entry"]]
    # The record's resources keep their ids; the closing Provenance is each disclosure's own.
    assert urls[:-1] == [e["fullUrl"] for e in second["entry"]][:-1]
    assert urls[-1] != second["entry"][-1]["fullUrl"]
    assert len(set(urls)) == len(urls) and all(u.startswith("urn:uuid:") for u in urls)

    def references(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [node["reference"]] if "reference" in node else []
            return own + [r for v in node.values() for r in references(v)]
        if isinstance(node, list):
            return [r for v in node for r in references(v)]
        return []

    assert set(references(first["entry"])) <= set(urls)


def test_only_the_patients_own_record_is_in_the_bundle(
    rich_patient: Patient, injected_patient: Patient
):
    bundle = as_json(whole_record(rich_patient))
    patient_url = f"urn:uuid:{bundle['entry'][0]['resource']['id']}"
    subjects = {
        e["resource"].get("subject", {}).get("reference", patient_url) for e in bundle["entry"]
    }
    assert subjects == {patient_url}


def test_both_disorders_are_coded_in_icd10cm_and_snomed(rich_patient: Patient):
    codes = {
        c["code"]
        for condition in resources_of(whole_record(rich_patient), "Condition")
        for c in condition["code"]["coding"]
    }
    assert codes == {"F10.20", "F11.20", "66590003", "75544000"}


def test_an_injection_is_an_administration_of_the_extended_release_product(
    injected_patient: Patient,
):
    (given,) = resources_of(whole_record(injected_patient), "MedicationAdministration")
    assert given["medicationCodeableConcept"]["coding"][0]["code"] == "637213"
    assert given["dosage"]["dose"] == {
        "value": 380.0,
        "unit": "mg",
        "system": "http://unitsofmeasure.org",
        "code": "mg",
    }
    assert given["dosage"]["site"]["text"] == "Left gluteal"
    (request,) = resources_of(whole_record(injected_patient), "MedicationRequest")
    assert request["dosageInstruction"][0]["route"]["coding"][0]["code"] == "78421000"


def test_self_reported_doses_are_statements_and_a_missed_one_is_not_taken(rich_patient: Patient):
    statements = resources_of(whole_record(rich_patient), "MedicationStatement")
    assert sorted(s["status"] for s in statements) == ["completed", "not-taken"]
    assert all(s["medicationCodeableConcept"]["coding"][0]["code"] == "1483744" for s in statements)


def test_labs_carry_loinc_and_ucum(rich_patient: Patient):
    labs = {
        o["code"]["coding"][0]["code"]: o
        for o in resources_of(whole_record(rich_patient), "Observation")
        if o["category"][0]["coding"][0]["code"] == "laboratory"
        and o["code"]["coding"][0]["system"] == "http://loinc.org"
    }
    assert set(labs) == {"1742-6", "1920-8", "1975-2", "2324-2"}
    assert labs["2324-2"]["valueQuantity"]["code"] == "U/L"
    assert labs["1975-2"]["valueQuantity"]["code"] == "mg/dL"


def test_a_drug_screen_lists_only_the_analytes_it_tested(rich_patient: Patient):
    (screen,) = [
        o
        for o in resources_of(whole_record(rich_patient), "Observation")
        if o["code"]["coding"][0]["code"] == "screen-opioids"
    ]
    assert screen["valueCodeableConcept"]["coding"][0]["code"] == "260385009"
    assert [c["code"]["coding"][0]["code"] for c in screen["component"]] == [
        "screen-fentanyl",
        "screen-opiates",
    ]


def test_questionnaire_totals_point_at_their_answers(rich_patient: Patient):
    bundle = whole_record(rich_patient)
    answers = {r["id"]: r for r in resources_of(bundle, "QuestionnaireResponse")}
    phq9 = [
        o
        for o in resources_of(bundle, "Observation")
        if o["code"]["coding"][0]["code"] == "44261-6"
    ]
    (total,) = phq9
    source = answers[total["derivedFrom"][0]["reference"].removeprefix("urn:uuid:")]
    assert source["questionnaire"] == "http://loinc.org/q/44249-1"
    assert len(source["item"]) == 9
