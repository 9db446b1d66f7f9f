"""The safety questions: the contraindications, pregnancy, age, drinking and bleeding risk.

Acute hepatitis or liver failure, needing opioid analgesics and hypersensitivity to naltrexone
rule a start out; pregnancy, or not knowing, asks for a clinician's care, and so does an age under
18. Drinking holds back the injection for alcohol use disorder, and a bleeding risk asks for care
with it. An unknown age, drinking or bleeding risk (``None``) adds nothing.
"""

from __future__ import annotations

from typing import Final

from naltrack.clinical.start_check.inputs import StartCheckInput
from naltrack.clinical.start_check.outcomes import Outcome, block, info, warn
from naltrack.clinical.start_check.rules import (
    ACUTE_HEPATITIS,
    DRINKING_BEFORE_INJECTION,
    DRINKING_ORAL_START,
    HYPERSENSITIVITY,
    INJECTION_BLEEDING_RISK,
    NEEDS_OPIOIDS,
    PREGNANCY,
    PREGNANCY_UNKNOWN,
    UNDER_18,
)

# source: REVIA, VIVITROL §8.4 — safe use under 18 has not been established.
ADULT_AGE: Final = 18


def contraindications(inp: StartCheckInput) -> list[Outcome]:
    out: list[Outcome] = []
    if inp.acute_hepatitis_or_liver_failure:
        out.append(
            block(
                ACUTE_HEPATITIS,
                "contraindicated",
                "Acute hepatitis or liver failure: do not start naltrexone. Older tablet labels "
                "list it as a contraindication, and current labels say to stop naltrexone at signs "
                "of acute hepatitis.",
                "REVIA+VIVITROL",  # source: REVIA (older label), VIVITROL §5.4
            )
        )
    if inp.needs_opioid_analgesics:
        out.append(
            block(
                NEEDS_OPIOIDS,
                "contraindicated",
                "The patient takes or needs opioid pain medicine. Naltrexone blocks opioid "
                "analgesics and must not be started while they are taken or needed; plan pain "
                "care without opioids first, then check again.",
                "REVIA+VIVITROL",
            )
        )
    if inp.naltrexone_hypersensitivity:
        if inp.formulation == "xr_injection":
            message = (
                "Known hypersensitivity to naltrexone: do not give the injection. Hypersensitivity "
                "to its polylactide-co-glycolide (PLG) microspheres or to the "
                "carboxymethylcellulose diluent also rules it out."
            )
            source = "VIVITROL"
        else:
            message = "Known hypersensitivity to naltrexone: do not start it."
            source = "REVIA+VIVITROL"
        out.append(block(HYPERSENSITIVITY, "contraindicated", message, source))
    return out


def pregnancy(inp: StartCheckInput) -> list[Outcome]:
    if inp.pregnant is None:
        return [
            warn(
                PREGNANCY_UNKNOWN,
                "Pregnancy status is not recorded. If the patient could be pregnant, ask or test "
                "before starting: in pregnancy a clinician must weigh the risks and benefits.",
                "NALTRACK",
            )
        ]
    if not inp.pregnant:
        return []
    if inp.indication in ("OUD", "OUD_AUD"):
        # source: ASAM2020 Part 8, TIP63 — methadone or buprenorphine for OUD in pregnancy
        return [
            block(
                PREGNANCY,
                "review",
                "The patient is pregnant. For opioid use disorder in pregnancy, methadone or "
                "buprenorphine is the recommended treatment; naltrexone is not started in "
                "pregnancy for opioid use disorder without a prescriber's decision.",
                "ASAM2020+TIP63",
            )
        ]
    return [
        block(
            PREGNANCY,
            "review",
            "The patient is pregnant. Data on naltrexone in pregnancy are limited: a clinician "
            "weighs the risks and benefits before starting.",
            "REVIA+VIVITROL+TIP63",
        )
    ]


def age(inp: StartCheckInput) -> list[Outcome]:
    if inp.age_years is None or inp.age_years >= ADULT_AGE:
        return []
    return [
        block(
            UNDER_18,
            "review",
            f"The patient is {inp.age_years}. Safe use of naltrexone under {ADULT_AGE} has not "
            "been established: a clinician decides before starting.",
            "REVIA+VIVITROL",
        )
    ]


def drinking(inp: StartCheckInput) -> list[Outcome]:
    if not inp.currently_drinking or inp.indication not in ("AUD", "OUD_AUD"):
        return []
    if inp.formulation == "xr_injection":
        # source: VIVITROL §1 (patients able to abstain before initiation), §14 (no benefit seen
        # in those still drinking)
        return [
            block(
                DRINKING_BEFORE_INJECTION,
                "not_yet",
                "The patient is still drinking. The injection is for patients able to stop "
                "drinking, as outpatients, before the first injection, and its benefit was not "
                "seen in those still drinking. Give it once the patient has stopped; when that "
                "will be is not known. Tablets may be started while still drinking.",
                "VIVITROL",
            )
        ]
    return [
        info(
            DRINKING_ORAL_START,
            "The patient is still drinking. Tablets may be started while the patient still "
            "drinks, but they work better after the patient has stopped or cut down.",
            "AUDGUIDE",
        )
    ]


def bleeding_risk(inp: StartCheckInput) -> list[Outcome]:
    if inp.formulation != "xr_injection" or not inp.bleeding_risk:
        return []
    return [
        warn(
            INJECTION_BLEEDING_RISK,
            "The patient has thrombocytopenia or a coagulation disorder: give the intramuscular "
            "injection with caution (bleeding or a haematoma at the site).",
            "VIVITROL",  # source: VIVITROL §5
        )
    ]
