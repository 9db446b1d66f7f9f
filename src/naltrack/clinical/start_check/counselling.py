"""Counselling due at every start: the first dose in opioid use disorder, drinking, overdose."""

from __future__ import annotations

from naltrack.clinical.start_check.inputs import StartCheckInput
from naltrack.clinical.start_check.outcomes import Outcome, info
from naltrack.clinical.start_check.rules import AUD_DRINKING, OUD_FIRST_DOSE, OVERDOSE_COUNSELLING


def counselling(inp: StartCheckInput) -> list[Outcome]:
    out: list[Outcome] = []
    if inp.indication in ("OUD", "OUD_AUD") and inp.formulation == "oral":
        out.append(
            info(
                OUD_FIRST_DOSE,
                "For opioid use disorder, give 25 mg (half a tablet) on the first day and watch "
                "for withdrawal signs; if there are none, 50 mg daily after that. This applies to "
                "a restart too.",
                "REVIA",
            )
        )
    if inp.indication in ("AUD", "OUD_AUD"):
        out.append(
            info(
                AUD_DRINKING,
                "Naltrexone works best when the patient has stopped or cut down drinking before "
                "starting. It does not treat alcohol withdrawal.",
                "VIVITROL+AUDGUIDE",
            )
        )
    out.append(
        info(
            OVERDOSE_COUNSELLING,
            "Counsel about overdose: after detoxification, after a missed dose, near the end of "
            "an injection interval and after naltrexone stops, tolerance to opioids is lower, and "
            "a dose once taken safely can be fatal. Trying to override the blockade with large "
            "opioid doses can also be fatal. Offer naloxone.",
            "REVIA+VIVITROL+TIP63",
        )
    )
    return out
