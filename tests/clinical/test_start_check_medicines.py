"""The medicine screen's data table (naltrack.clinical.medicines), name by name: every listed
product, brand or generic, in an entry as a clinician writes it, gives its group's finding."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.clinical.start_check_inputs import codes, finding, run

from naltrack.clinical.evidence import RULES
from naltrack.clinical.medicines import MEDICINE_GROUPS, NALTREXONE_LISTED, MedicineGroup

GROUPS = (*MEDICINE_GROUPS, NALTREXONE_LISTED)
ENTRIES = [
    pytest.param(group, name, id=f"{group.code.removeprefix('medication_')}-{name}")
    for group in GROUPS
    for name in group.names
]


def _status(group: MedicineGroup) -> str:
    return group.effect or "ready"


@pytest.mark.parametrize(("group", "name"), ENTRIES)
@pytest.mark.parametrize("spelling", [str.lower, str.upper, str.title])
def test_every_listed_name_gives_its_groups_finding(
    group: MedicineGroup, name: str, spelling: Callable[[str], str]
) -> None:
    entry = f"{spelling(name)} 5/325 twice daily"
    formulation = group.formulations[0] if group.formulations else "oral"
    result = run(formulation=formulation, current_medications=["sertraline 50 mg", entry])
    assert result["status"] == _status(group)
    f = finding(result, group.code)
    assert (f["severity"], f["source"]) == (group.severity, group.source)
    assert entry in f["message"]
    # one finding per entry: a group that defers to a more specific one does not repeat it
    assert len([c for c in codes(result) if c.startswith("medication_")]) == 1


def test_every_group_is_a_registered_rule_with_a_source() -> None:
    for group in GROUPS:
        assert RULES[group.code].source == group.source
        assert group.names


def _names(text: str) -> set[str]:
    return {name.strip().casefold() for name in text.split(",")}


# The products the medicine screen must recognise, brand and generic (REVIA, VIVITROL;
# docs/clinical-sources.md), by the group that names them.
REQUIRED = {
    "medication_opioid_analgesic": _names(
        "Percocet, Percodan, Endocet, Roxicet, Lortab, Lorcet, Norco, Vicodin, Ultracet, Xtampza, "
        "OxyContin, Hysingla, Zohydro, Kadian, MS Contin, Nucynta, Dilaudid, Actiq, Fentora, "
        "Duragesic, Dsuvia, sufentanil, Apadaz, benzhydrocodone"
    ),
    "medication_mixed_agonist_antagonist": _names("butorphanol, nalbuphine, pentazocine"),
    "medication_opioid_cough_cold": _names(
        "Tussionex, Tussigon, Hycodan, Hydromet, TussiCaps, Tuxarin"
    ),
    "medication_opioid_antidiarrheal": _names("diphenoxylate, difenoxin, Lomotil, Motofen, opium"),
    "medication_opioid_agonist_treatment": _names("buprenorphine, Bunavail, Belbuca, Butrans"),
    "medication_buprenorphine_extended_release": _names("Sublocade, Brixadi, Probuphine"),
    "medication_kratom": _names("kratom, mitragynine"),
    "medication_eluxadoline": _names("eluxadoline, Viberzi"),
    "medication_loperamide": _names("loperamide"),
    "medication_anticoagulant": _names(
        "warfarin, apixaban, rivaroxaban, dabigatran, edoxaban, heparin, enoxaparin, dalteparin"
    ),
}


@pytest.mark.parametrize("code", REQUIRED)
def test_the_required_products_are_in_the_table(code: str) -> None:
    group = next(group for group in GROUPS if group.code == code)
    assert REQUIRED[code] <= {name.casefold() for name in group.names}


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        ("promethazine with codeine 5 mL at night", "medication_opioid_cough_cold"),
        ("Promethazine-Codeine syrup", "medication_opioid_cough_cold"),
        ("Robitussin AC", "medication_opioid_cough_cold"),
        (
            "buprenorphine extended-release injection 300 mg monthly",
            "medication_buprenorphine_extended_release",
        ),
        ("Buprenorphine ER weekly", "medication_buprenorphine_extended_release"),
        ("opium tincture", "medication_opioid_antidiarrheal"),
        ("7-hydroxymitragynine tablets", "medication_kratom"),
        ("low molecular weight heparin", "medication_anticoagulant"),
    ],
)
def test_the_more_specific_group_names_the_entry(entry: str, code: str) -> None:
    result = run(formulation="xr_injection", current_medications=[entry])
    found = [c for c in codes(result) if c.startswith("medication_")]
    assert found == [code]


@pytest.mark.parametrize("entry", ["warfarin 5 mg daily", "Eliquis 5 mg", "enoxaparin 40 mg"])
def test_anticoagulants_matter_only_for_the_injection(entry: str) -> None:
    # source: VIVITROL §5 — care with the intramuscular injection; tablets are not injected
    xr = run(formulation="xr_injection", current_medications=[entry], bleeding_risk=True)
    assert xr["status"] == "ready"
    assert finding(xr, "medication_anticoagulant")["severity"] == "warning"
    assert finding(xr, "injection_bleeding_risk")["severity"] == "warning"
    oral = run(formulation="oral", current_medications=[entry])
    assert oral["status"] == "ready"
    assert not any(code.startswith("medication_") for code in codes(oral))


def test_extended_release_buprenorphine_on_the_list_explains_the_missing_window() -> None:
    result = run(current_medications=["Sublocade 100 mg monthly"])
    assert result["status"] == "contraindicated"
    message = finding(result, "medication_buprenorphine_extended_release")["message"]
    assert "does not apply" in message and "12 months or longer" in message


@pytest.mark.parametrize(
    "entry",
    [
        "clopidogrel 75 mg",  # an antiplatelet, not an anticoagulant
        "heparinoid cream",  # word boundary
        "prolactin",
        "ursodiol",
    ],
)
def test_no_false_matches(entry: str) -> None:
    result = run(formulation="xr_injection", current_medications=[entry])
    assert result["status"] == "ready"
    assert not any(code.startswith("medication_") for code in codes(result))
