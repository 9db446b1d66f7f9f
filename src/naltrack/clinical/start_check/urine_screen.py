"""The urine drug screen before a start: positive, current and negative, and what its panel tested.

A negative screen proves only what its panel tested (TIP63, Part 3, drug testing): standard
"opiates" immunoassays detect morphine, codeine and heroin's metabolite, and miss fentanyl,
methadone and buprenorphine, and often oxycodone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from naltrack.clinical.start_check.inputs import (
    ANALYTES,
    Analyte,
    DrugScreen,
    ExposureKind,
    StartCheckInput,
    StartCheckPolicy,
)
from naltrack.clinical.start_check.opioids import EXPOSURE_LABEL, opioid_risk, why_not_current
from naltrack.clinical.start_check.outcomes import Outcome, block, info, warn
from naltrack.clinical.start_check.rules import (
    SCREEN_NEEDED,
    SCREEN_PANEL_INCOMPLETE,
    SCREEN_PANEL_NOT_RECORDED,
    SCREEN_POSITIVE,
    SCREEN_RECOMMENDED,
)

# source: TIP63 (Part 3, drug testing) — the analytes a negative screen must have covered for each
# kind of reported opioid. A short-acting opioid may be heroin, morphine or codeine (the opiates
# assay), fentanyl, or oxycodone, which the opiates assay often misses; the exposure kind does not
# say which, so a screen counts only if it tested all three: an oxycodone user screened for
# opiates alone would otherwise pass as opioid-free. "Other long-acting" (extended-release
# morphine, oxycodone or oxymorphone, a fentanyl patch) is judged the same way. Opioids that no
# panel analyte covers (tramadol, tapentadol) are left to the naloxone challenge. Buprenorphine in
# any form, daily or extended-release, needs the buprenorphine analyte; methadone its own.
EXPOSURE_ANALYTES: Final[dict[ExposureKind, tuple[Analyte, ...]]] = {
    "short_acting": ("opiates", "oxycodone", "fentanyl"),
    "other_long_acting": ("opiates", "oxycodone", "fentanyl"),
    "methadone": ("methadone",),
    "buprenorphine": ("buprenorphine",),
    "buprenorphine_extended_release": ("buprenorphine",),
}
# source: TIP63 — for opioid use disorder a negative screen must also have tested for fentanyl,
# whatever opioid is reported (fentanyl is common in the illicit supply and the opiates assay
# misses it).
OUD_ANALYTES: Final[tuple[Analyte, ...]] = ("fentanyl",)


def _join(names: Sequence[str], word: str) -> str:
    """'a', 'a and b', 'a, b and c' (or 'or')."""
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def needed_analytes(inp: StartCheckInput) -> tuple[Analyte, ...]:
    """What a negative screen must have tested to count for this patient, in panel order."""
    needed = set(OUD_ANALYTES) if inp.indication in ("OUD", "OUD_AUD") else set()
    for exposure in inp.opioid_exposures:
        needed.update(EXPOSURE_ANALYTES[exposure.kind])
    return tuple(analyte for analyte in ANALYTES if analyte in needed)


def _positive(screen: DrugScreen) -> Outcome:
    what = "opioids"
    if screen.panel is not None:
        what = _join(screen.panel.with_result("positive"), "and")
    return block(
        SCREEN_POSITIVE,
        "not_yet",
        f"The urine drug screen of {screen.date.isoformat()} is positive for {what}: do not "
        "start naltrexone. Repeat the screen; when it will be negative is not known.",
        "REVIA+TIP63",
    )


def _why_needed(inp: StartCheckInput, missing: list[Analyte]) -> str:
    """Why the screen had to test for the ``missing`` analytes: the indication, the opioids."""
    reasons = []
    if "fentanyl" in missing and inp.indication in ("OUD", "OUD_AUD"):
        reasons.append("fentanyl, for opioid use disorder")
    kinds = dict.fromkeys(exposure.kind for exposure in inp.opioid_exposures)
    for kind in kinds:
        lacking = [analyte for analyte in EXPOSURE_ANALYTES[kind] if analyte in missing]
        if lacking:
            reasons.append(
                f"{_join(lacking, 'and')}, for the reported use of {EXPOSURE_LABEL[kind]}"
            )
    return "; ".join(reasons)


def _negative(inp: StartCheckInput, screen: DrugScreen) -> list[Outcome]:
    """A current negative screen: what its panel covered, for a patient with an opioid risk."""
    when = screen.date.isoformat()
    needed = needed_analytes(inp) if opioid_risk(inp) else ()
    panel = screen.panel
    if panel is None:
        out = [
            info(
                "urine_screen_negative",
                f"The urine drug screen of {when} is negative for opioids.",
                "REVIA+TIP63",
            )
        ]
        if needed:
            out.insert(
                0,
                warn(
                    SCREEN_PANEL_NOT_RECORDED,
                    f"The urine drug screen of {when} is recorded as negative, but not what it "
                    "tested. A negative screen proves only what its panel covered: standard "
                    "opiate tests miss fentanyl, methadone and buprenorphine, and often "
                    f"oxycodone. Confirm that it tested for {_join(needed, 'and')}.",
                    "TIP63",
                ),
            )
        return out
    tested = panel.with_result("negative")
    missing = [analyte for analyte in needed if panel.result(analyte) == "not_tested"]
    covered = f"negative for {_join(tested, 'and')}"
    if missing:
        return [
            block(
                SCREEN_PANEL_INCOMPLETE,
                "review",
                f"The urine drug screen of {when} was {covered}, but it did not test for "
                f"{_join(missing, 'or')}. A negative screen proves only what its panel tested, "
                f"and this patient's screen must cover {_why_needed(inp, missing)}. Repeat the "
                "screen with a panel that covers them, or a clinician decides.",
                "TIP63",
            )
        ]
    return [
        info(
            "urine_screen_negative",
            f"The urine drug screen of {when} is {covered}.",
            "REVIA+TIP63",
        )
    ]


def urine_screen(inp: StartCheckInput, policy: StartCheckPolicy) -> list[Outcome]:
    screen = inp.urine_drug_screen
    if screen is not None and screen.opioids_positive:
        return [_positive(screen)]
    if screen is None:
        problem = "No urine drug screen is recorded."
    elif screen.panel is not None and not screen.panel.with_result("negative"):
        problem = f"The urine drug screen of {screen.date.isoformat()} tested for no opioid."
    else:
        reason = why_not_current(screen.date, inp, policy)
        if reason is None:
            return _negative(inp, screen)
        problem = f"The negative urine drug screen {reason}."
    if opioid_risk(inp):
        return [
            block(
                SCREEN_NEEDED,
                "review",
                f"{problem} A urine drug screen is needed to confirm the patient is opioid-free "
                "before starting.",
                "NALTRACK+REVIA+TIP63",
            )
        ]
    return [
        warn(
            SCREEN_RECOMMENDED,
            f"{problem} No opioid use is reported, but a urine drug screen is recommended to "
            "confirm the patient is opioid-free: opioid use would make the first dose unsafe.",
            "NALTRACK+REVIA+TIP63",
        )
    ]
