"""What every stopping plan says: the danger after stopping, cravings, tapers, switching, surgery.

The wording follows the indication. For opioid use disorder (``OUD``, ``OUD_AUD``), and when
the indication is not given, the plan leads with the overdose risk once blockade ends, with
naloxone advice (REVIA, VIVITROL, TIP63). For alcohol use disorder alone it speaks of alcohol and
cravings instead, not of opioid tolerance, and has no switch to methadone or buprenorphine; a
caller whose record shows opioid use for such a patient gives ``OUD_AUD`` or no indication.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from naltrack.clinical.discontinuation.inputs import DiscontinuationInput
from naltrack.clinical.discontinuation.rules import (
    AGONIST_AFTER_INJECTION_DAYS,
    ALCOHOL,
    CRAVINGS,
    NALOXONE,
    NO_TAPER,
    OVERDOSE,
    SURGERY,
    SWITCH,
    TAPER_CHOICE,
)
from naltrack.clinical.findings import Finding, Severity

SEVERITY_RANK: Final[dict[Severity, int]] = {"block": 0, "warning": 1, "info": 2}


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _danger(inp: DiscontinuationInput, blockade_ends: dt.date) -> list[Finding]:
    if inp.indication == "AUD":
        # source: REVIA, VIVITROL — naltrexone reduces drinking in AUD; cravings may return.
        return [
            Finding(
                ALCOHOL,
                "warning",
                f"From {blockade_ends.isoformat()} naltrexone no longer dampens the effect of "
                "alcohol. Cravings and heavy drinking may return, most often in the first weeks: "
                "agree with the patient what they will do if cravings come back or they start "
                "drinking again, and whom they will call.",
                "REVIA+VIVITROL",
            )
        ]
    wanes = (
        " The injection's blockade already weakens toward the end of the month."
        if inp.formulation == "xr_injection"
        else ""
    )
    # source: REVIA, VIVITROL, TIP63 — once blockade ends, tolerance is lower: overdose risk.
    return [
        Finding(
            OVERDOSE,
            "block",
            f"From {blockade_ends.isoformat()} naltrexone can no longer be relied on to block "
            f"opioids.{wanes} Tolerance to opioids is lower than before treatment, so a dose the "
            "patient once took could cause a fatal overdose. Trying to override the blockade "
            "with large opioid doses before then is dangerous too.",
            "REVIA+VIVITROL+TIP63",
        ),
        # source: VIVITROL §2.2, TIP63 — naloxone (or nalmefene) for every patient.
        Finding(
            NALOXONE,
            "warning",
            "Make sure the patient has naloxone (or nalmefene) and that family or friends know "
            "the signs of an overdose (no response, slow or stopped breathing, blue lips, pinpoint "
            "pupils) and what to do: give naloxone and call 911.",
            "VIVITROL+TIP63",
        ),
    ]


def _cravings(inp: DiscontinuationInput) -> Finding:
    what = {"AUD": "alcohol", "OUD": "opioids"}.get(inp.indication or "", "alcohol or opioids")
    # source: REVIA, VIVITROL, TIP63 — cravings may return after stopping.
    return Finding(
        CRAVINGS,
        "info",
        f"Cravings for {what} may return once naltrexone stops. The follow-up contacts are "
        "planned for this; restarting is possible after a new start check.",
        "REVIA+VIVITROL+TIP63",
    )


def _taper(inp: DiscontinuationInput) -> Finding:
    # source: REVIA — no physical dependence, no withdrawal syndrome, no taper required.
    if inp.strategy != "stop":
        return Finding(
            TAPER_CHOICE,
            "info",
            "Naltrexone causes no physical dependence, so stopping it causes no withdrawal "
            "syndrome of its own, and the label requires no taper. This step-down is a "
            "clinician's choice, for example for the patient's confidence or for side effects.",
            "REVIA",
        )
    if inp.formulation == "xr_injection":
        text = (
            "No taper is needed or possible for the injection: naltrexone causes no physical "
            "dependence and no withdrawal syndrome of its own, and its blockade wears off "
            "over about 4 weeks."
        )
    else:
        text = (
            "Naltrexone can be stopped at once: it causes no physical dependence and no "
            "withdrawal syndrome of its own, and the label requires no taper."
        )
    return Finding(NO_TAPER, "info", text, "REVIA")


def _switch(
    inp: DiscontinuationInput, last_dose: dt.date, blockade_ends: dt.date, final_dose_mg: int
) -> Finding:
    if inp.formulation == "xr_injection":
        # source: ASAM2020 — about 30 days after the last injection.
        switch = last_dose + dt.timedelta(days=AGONIST_AFTER_INJECTION_DAYS)
        when = f"about 30 days after the last injection (from about {switch.isoformat()})"
        source = "ASAM2020"
    else:
        # source: REVIA (blockade 24/48/72 h after 50/100/150 mg), ASAM2020 — from the day the
        # blockade ends, never "a day after" a 100 or 150 mg dose.
        switch = blockade_ends
        gap = _days((blockade_ends - last_dose).days)
        when = (
            f"from the day the blockade ends, {switch.isoformat()} ({gap} after the last dose "
            f"of {final_dose_mg} mg)"
        )
        source = "ASAM2020+REVIA"
    return Finding(
        SWITCH,
        "info",
        f"If the patient moves to methadone or buprenorphine, it can begin {when}, without "
        "precipitated withdrawal. Start low: the patient is no longer tolerant to opioids.",
        source,
    )


def _surgery(inp: DiscontinuationInput, surgery_from: dt.date) -> Finding:
    assert inp.surgery_date is not None
    after = (
        "30 days after the last injection"
        if inp.formulation == "xr_injection"
        else "72 hours after the last oral dose"
    )
    surgery = inp.surgery_date.isoformat()
    if inp.surgery_date < surgery_from:
        # source: ASAM2015 (72 h / 30 days); REVIA, VIVITROL — analgesia when opioids are blocked.
        return Finding(
            SURGERY,
            "block",
            f"The surgery on {surgery} falls before {surgery_from.isoformat()} ({after}): "
            "naltrexone may still block opioid pain relief then. Move the surgery, or plan the "
            "anaesthesia without relying on opioids (regional anaesthesia, non-opioid "
            "analgesics); if opioids are unavoidable, higher doses may be needed and the patient "
            "must be monitored continuously in an anaesthesia care setting. Tell the surgical "
            "team, and every clinician and dentist, that the patient takes naltrexone.",
            "ASAM2015+REVIA+VIVITROL",
        )
    # source: ASAM2015 — tell every clinician, dentists included, before any procedure.
    return Finding(
        SURGERY,
        "info",
        f"For the surgery on {surgery}, opioid pain relief can be relied on from "
        f"{surgery_from.isoformat()} ({after}). Tell the surgical team, and every clinician and "
        "dentist, that the patient took naltrexone.",
        "ASAM2015",
    )


def plan_warnings(
    inp: DiscontinuationInput,
    *,
    last_dose: dt.date,
    blockade_ends: dt.date,
    final_dose_mg: int,
    surgery_from: dt.date | None,
) -> list[Finding]:
    """The plan's warnings: ``block`` first, then ``warning``, then ``info``."""
    warnings = [*_danger(inp, blockade_ends), _cravings(inp), _taper(inp)]
    if inp.indication != "AUD":
        warnings.append(_switch(inp, last_dose, blockade_ends, final_dose_mg))
    if surgery_from is not None:
        warnings.append(_surgery(inp, surgery_from))
    return sorted(warnings, key=lambda finding: SEVERITY_RANK[finding.severity])
