"""The safety questions: the contraindications, then pregnancy.

Acute hepatitis or liver failure, needing opioid analgesics and hypersensitivity to naltrexone
rule a start out; pregnancy, or not knowing, asks for a clinician's care.
"""

from __future__ import annotations

from naltrack.clinical.start_check.inputs import StartCheckInput
from naltrack.clinical.start_check.outcomes import Outcome, block, warn
from naltrack.clinical.start_check.rules import (
    ACUTE_HEPATITIS,
    HYPERSENSITIVITY,
    NEEDS_OPIOIDS,
    PREGNANCY,
    PREGNANCY_UNKNOWN,
)


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
    if inp.pregnant:
        return [
            block(
                PREGNANCY,
                "review",
                "The patient is pregnant. Data on naltrexone in pregnancy are limited: a clinician "
                "weighs the risks and benefits before starting.",
                "REVIA+VIVITROL+TIP63",
            )
        ]
    return []
