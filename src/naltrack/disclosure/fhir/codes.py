"""Every code a FHIR resource from Naltrack carries: one table, each entry with its system, its
code, the terminology's own display text and what Naltrack uses it for.

Builders ask for a code by its key here, never spell one out, so a test can hold each code
against this table. Where no standard code exists the entry is in Naltrack's own code system
(``LOCAL``) and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from naltrack.care.models import TherapySession

ICD10CM: Final = "http://hl7.org/fhir/sid/icd-10-cm"
SNOMED: Final = "http://snomed.info/sct"
RXNORM: Final = "http://www.nlm.nih.gov/research/umls/rxnorm"
LOINC: Final = "http://loinc.org"
UCUM: Final = "http://unitsofmeasure.org"
CONFIDENTIALITY: Final = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
ACT_CODE: Final = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL: Final = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION: Final = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/condition-category"
IDENTIFIER_TYPE: Final = "http://terminology.hl7.org/CodeSystem/v2-0203"
CONTACT_ROLE: Final = "http://terminology.hl7.org/CodeSystem/v2-0131"
CONSENT_SCOPE: Final = "http://terminology.hl7.org/CodeSystem/consentscope"
ACT_REASON: Final = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
PARTICIPATION_TYPE: Final = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
# source: NALTRACK — our own code system for what no standard terminology codes (COWS, PACS,
# the craving scale, check-in answers, screen analytes, therapy kinds); not a published one.
LOCAL: Final = "https://naltrack.example/fhir/CodeSystem/naltrack"


@dataclass(frozen=True)
class Code:
    system: str
    code: str
    display: str
    purpose: str


def _entries() -> dict[str, Code]:
    entries = {
        # Diagnoses: the episode's indication (AUD, OUD or both). ICD-10-CM displays as in the
        # CMS/NCHS tabular list; SNOMED CT preferred terms from the SNOMED CT browser.
        "icd-aud": Code(ICD10CM, "F10.20", "Alcohol dependence, uncomplicated", "AUD diagnosis"),
        "icd-oud": Code(ICD10CM, "F11.20", "Opioid dependence, uncomplicated", "OUD diagnosis"),
        "sct-aud": Code(SNOMED, "66590003", "Alcohol dependence", "AUD diagnosis"),
        "sct-oud": Code(SNOMED, "75544000", "Opioid dependence", "OUD diagnosis"),
        # Medicines. RxNorm clinical drugs (SCD) from NLM RxNav, children of the ingredient
        # naltrexone (RxCUI 7407); names as in NLM VSAC's "Opiate Antagonists" value set
        # (2.16.840.1.113883.3.464.1003.198.12.1132, eCQM update 2021-05-06).
        "rx-tablet": Code(
            RXNORM, "1483744", "naltrexone hydrochloride 50 MG Oral Tablet", "Tablet regimens"
        ),
        "rx-injection": Code(
            RXNORM, "637213", "naltrexone 380 MG Injection", "Extended-release injection"
        ),
        "route-oral": Code(SNOMED, "26643006", "Oral route", "Tablet doses"),
        "route-im": Code(SNOMED, "78421000", "Intramuscular route", "Injections"),
        # Liver tests (LOINC, serum or plasma), the four tests of the start check.
        "lab-ALT": Code(
            LOINC,
            "1742-6",
            "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
            "ALT result",
        ),
        "lab-AST": Code(
            LOINC,
            "1920-8",
            "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
            "AST result",
        ),
        "lab-GGT": Code(
            LOINC,
            "2324-2",
            "Gamma glutamyl transferase [Enzymatic activity/volume] in Serum or Plasma",
            "GGT result",
        ),
        "lab-bilirubin": Code(
            LOINC, "1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "Bilirubin result"
        ),
        # UCUM units of the lab values and doses.
        "unit-U/L": Code(UCUM, "U/L", "enzyme unit per liter", "ALT, AST, GGT"),
        "unit-mg/dL": Code(UCUM, "mg/dL", "milligram per deciliter", "Bilirubin"),
        "unit-umol/L": Code(UCUM, "umol/L", "micromole per liter", "Bilirubin"),
        "unit-ukat/L": Code(UCUM, "ukat/L", "microkatal per liter", "ALT, AST, GGT"),
        "unit-mg": Code(UCUM, "mg", "milligram", "Doses"),
        # Questionnaires: LOINC panels (the QuestionnaireResponse's questionnaire) and totals.
        "phq9-panel": Code(
            LOINC, "44249-1", "PHQ-9 quick depression assessment panel [Reported.PHQ]", "PHQ-9"
        ),
        "phq9-total": Code(
            LOINC,
            "44261-6",
            "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
            "PHQ-9 total",
        ),
        "audit_c-panel": Code(
            LOINC,
            "72109-2",
            "Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]",
            "AUDIT-C",
        ),
        "audit_c-total": Code(LOINC, "75626-2", "Total score [AUDIT-C]", "AUDIT-C total"),
        # COWS, PACS and the craving scale: no LOINC code, so local ones.
        "cows-panel": Code(LOCAL, "cows", "Clinical Opiate Withdrawal Scale (COWS)", "COWS"),
        "cows-total": Code(LOCAL, "cows-total", "COWS total score", "COWS total"),
        "pacs-panel": Code(LOCAL, "pacs", "Penn Alcohol Craving Scale (PACS)", "PACS"),
        "pacs-total": Code(LOCAL, "pacs-total", "PACS total score", "PACS total"),
        "craving_vas-panel": Code(LOCAL, "craving-vas", "Craving scale (0-10)", "Craving scale"),
        "craving_vas-total": Code(
            LOCAL, "craving-vas-total", "Craving scale (0-10) score", "Craving scale total"
        ),
        # What the patient reports in a check-in or a craving episode.
        "craving": Code(LOCAL, "craving", "Craving now, 0-10, self-reported", "Check-in craving"),
        "drinks": Code(LOCAL, "drinks", "Alcoholic drinks in the day, self-reported", "Drinks"),
        "opioid-use": Code(LOCAL, "opioid-use", "Opioid use in the day, self-reported", "Use"),
        # Urine drug screens: the overall opioid result and each analyte of the panel.
        "screen-opioids": Code(LOCAL, "screen-opioids", "Urine opioid screen", "Drug screen"),
        **{
            f"screen-{analyte}": Code(
                LOCAL, f"screen-{analyte}", f"Urine {analyte} screen", "Drug screen analyte"
            )
            for analyte in ("opiates", "oxycodone", "fentanyl", "buprenorphine", "methadone")
        },
        "positive": Code(SNOMED, "10828004", "Positive", "Screen result"),
        "negative": Code(SNOMED, "260385009", "Negative", "Screen result"),
        # Categories, statuses and roles the resources need.
        "cat-laboratory": Code(OBSERVATION_CATEGORY, "laboratory", "Laboratory", "Labs, screens"),
        "cat-survey": Code(OBSERVATION_CATEGORY, "survey", "Survey", "Scores, check-ins"),
        "condition-active": Code(CONDITION_CLINICAL, "active", "Active", "Diagnosis status"),
        "condition-confirmed": Code(
            CONDITION_VERIFICATION, "confirmed", "Confirmed", "Diagnosis verification"
        ),
        "condition-problem": Code(
            CONDITION_CATEGORY, "problem-list-item", "Problem List Item", "Diagnosis category"
        ),
        "mrn": Code(IDENTIFIER_TYPE, "MR", "Medical record number", "Patient identifier"),
        "emergency-contact": Code(CONTACT_ROLE, "C", "Emergency Contact", "Patient contact"),
        "ambulatory": Code(ACT_CODE, "AMB", "ambulatory", "Therapy session class"),
        # A patient's consent to disclose (42 CFR 2.31) as a FHIR Consent: its scope, its LOINC
        # document kind, the recipient's part in it and each purpose (v3-ActReason).
        "consent-privacy": Code(CONSENT_SCOPE, "patient-privacy", "Privacy Consent", "Consent"),
        "consent-document": Code(LOINC, "59284-0", "Patient Consent", "Consent category"),
        "consent-recipient": Code(
            PARTICIPATION_TYPE, "IRCP", "information recipient", "Consent recipient"
        ),
        "purpose-treatment": Code(ACT_REASON, "TREAT", "treatment", "Consent purpose"),
        "purpose-payment": Code(ACT_REASON, "HPAYMT", "healthcare payment", "Consent purpose"),
        "purpose-operations": Code(
            ACT_REASON, "HOPERAT", "healthcare operations", "Consent purpose"
        ),
        "purpose-patient_request": Code(
            ACT_REASON, "PATRQT", "patient requested", "Consent purpose"
        ),
        "purpose-other": Code(
            LOCAL, "purpose-other", "Another purpose, described in the consent", "Consent purpose"
        ),
        # 42 CFR Part 2 security labels (HL7 DS4P): every resource carries all three.
        "restricted": Code(CONFIDENTIALITY, "R", "restricted", "Part 2 confidentiality"),
        "42CFRPart2": Code(ACT_CODE, "42CFRPart2", "42 CFR Part2", "Part 2 policy"),
        "NORDSLCD": Code(
            ACT_CODE,
            "NORDSLCD",
            "no redisclosure without consent directive",
            "Part 2 refrain policy",
        ),
    }
    # Therapy kinds are the clinic's own categories (no standard code fits each).
    for kind in TherapySession.Kind:
        entries[f"therapy-{kind.value}"] = Code(
            LOCAL, f"therapy-{kind.value}", str(kind.label), "Therapy session type"
        )
    return entries


CODES: Final[dict[str, Code]] = _entries()


def coding(key: str) -> dict[str, str]:
    """The FHIR Coding of the table's entry ``key`` (a KeyError for a code not in the table)."""
    entry = CODES[key]
    return {"system": entry.system, "code": entry.code, "display": entry.display}


def concept(key: str, text: str | None = None) -> dict[str, object]:
    """A CodeableConcept of one entry, with ``text`` when the record has its own words."""
    value: dict[str, object] = {"coding": [coding(key)]}
    if text:
        value["text"] = text
    return value
