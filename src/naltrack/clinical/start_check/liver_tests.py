"""Baseline liver tests: ALT and AST against the clinic's limits, bilirubin, a complete panel."""

from __future__ import annotations

import datetime as dt

from naltrack.clinical.liver import LIVER_ENZYMES, LiverThresholds
from naltrack.clinical.start_check.inputs import (
    LabResult,
    LabTest,
    StartCheckInput,
    StartCheckPolicy,
)
from naltrack.clinical.start_check.outcomes import Outcome, block, days, info, warn
from naltrack.clinical.start_check.rules import (
    BILIRUBIN_RAISED,
    LIVER_BASELINE_NEEDED,
    LIVER_MARKEDLY_RAISED,
    LIVER_PANEL_INCOMPLETE,
    LIVER_RAISED,
)


def _latest_labs(inp: StartCheckInput, policy: StartCheckPolicy) -> dict[LabTest, LabResult]:
    oldest = inp.date - dt.timedelta(days=policy.lab_max_age_days)
    latest: dict[LabTest, LabResult] = {}
    for lab in inp.labs:
        if lab.date < oldest:
            continue
        current = latest.get(lab.test)
        ratio = lab.value / lab.upper_limit_normal
        if (
            current is None
            or lab.date > current.date
            or (
                lab.date == current.date
                and ratio > current.value / current.upper_limit_normal  # same day: the worse
            )
        ):
            latest[lab.test] = lab
    return latest


def _describe(lab: LabResult) -> str:
    ratio = lab.value / lab.upper_limit_normal
    name = "Bilirubin" if lab.test == "bilirubin" else lab.test
    return (
        f"{name} {lab.value:g} on {lab.date.isoformat()} ({ratio:.1f} times the upper limit "
        f"of normal, {lab.upper_limit_normal:g})"
    )


def liver_tests(
    inp: StartCheckInput, liver: LiverThresholds, policy: StartCheckPolicy
) -> list[Outcome]:
    labs = _latest_labs(inp, policy)
    enzymes = [labs[test] for test in LIVER_ENZYMES if test in labs]
    if not enzymes:
        return [
            block(
                LIVER_BASELINE_NEEDED,
                "review",
                f"No ALT or AST result from the last {days(policy.lab_max_age_days)}. Baseline "
                "liver tests (ALT, AST, bilirubin) are needed before starting; a clinician decides "
                "whether to start before the results are back.",
                "NALTRACK+TIP63+AUDGUIDE",
            )
        ]
    out: list[Outcome] = []
    worst = max(enzymes, key=lambda lab: lab.value / lab.upper_limit_normal)
    ratio = worst.value / worst.upper_limit_normal
    if ratio > liver.review_multiple:
        out.append(
            block(
                LIVER_MARKEDLY_RAISED,
                "review",
                f"{_describe(worst)}: above {liver.review_multiple:g} times the upper limit of "
                "normal, so a clinician must decide before starting (Naltrack default, set by "
                "the clinic). Naltrexone is not thought to harm the liver at the usual dose, but "
                "hepatitis has been reported.",
                "NALTRACK+TIP63+AUDGUIDE",
            )
        )
    elif ratio > liver.warn_multiple:
        out.append(
            warn(
                LIVER_RAISED,
                f"{_describe(worst)}: above {liver.warn_multiple:g} times the upper limit of "
                "normal. Starting is allowed with closer liver monitoring (Naltrack default, set "
                "by the clinic).",
                "NALTRACK+TIP63+AUDGUIDE",
            )
        )
    bilirubin = labs.get("bilirubin")
    bilirubin_raised = bilirubin is not None and bilirubin.value > bilirubin.upper_limit_normal
    if bilirubin is not None and bilirubin_raised:
        out.append(
            warn(
                BILIRUBIN_RAISED,
                f"{_describe(bilirubin)}: above the upper limit of normal. Look for signs of "
                "acute hepatitis or liver failure, which rule out starting.",
                "NALTRACK+TIP63",
            )
        )
    missing = [test for test in ("ALT", "AST", "bilirubin") if test not in labs]
    if missing:
        out.append(
            warn(
                LIVER_PANEL_INCOMPLETE,
                f"No recent {' or '.join(missing)} result: the baseline liver tests are ALT, AST "
                "and bilirubin.",
                "NALTRACK+TIP63+AUDGUIDE",
            )
        )
    if ratio <= liver.warn_multiple and not bilirubin_raised:
        present = [labs[test] for test in ("ALT", "AST", "bilirubin") if test in labs]
        out.append(
            info(
                "liver_tests_within_limits",
                "Liver tests within the clinic's limits: "
                + "; ".join(_describe(lab) for lab in present)
                + ".",
                "NALTRACK+TIP63+AUDGUIDE",
            )
        )
    return out
