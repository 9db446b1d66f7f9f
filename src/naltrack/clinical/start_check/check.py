"""The start check itself: every rule's outcome, put together into a status and an earliest date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, Literal

from naltrack.clinical.contract import InputError, in_calendar
from naltrack.clinical.findings import Finding
from naltrack.clinical.liver import LiverThresholds
from naltrack.clinical.start_check.counselling import counselling
from naltrack.clinical.start_check.inputs import AGE_MAX, AGE_MIN, StartCheckInput, StartCheckPolicy
from naltrack.clinical.start_check.liver_tests import liver_tests
from naltrack.clinical.start_check.medicine_list import medicine_list
from naltrack.clinical.start_check.opioids import naloxone_challenge, opioid_windows
from naltrack.clinical.start_check.safety_questions import (
    age,
    bleeding_risk,
    contraindications,
    drinking,
    pregnancy,
)
from naltrack.clinical.start_check.urine_screen import urine_screen

Status = Literal["ready", "not_yet", "review", "contraindicated"]


@dataclass(frozen=True)
class StartCheckResult:
    status: Status
    earliest_start: dt.date | None
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "earliest_start": None
            if self.earliest_start is None
            else self.earliest_start.isoformat(),
            "findings": [finding.to_json() for finding in self.findings],
        }


_SEVERITY_ORDER: Final[dict[str, int]] = {"block": 0, "warning": 1, "info": 2}


def validate(inp: StartCheckInput) -> None:
    """Check dates that only make sense together; raise ``InputError`` naming the field."""
    in_calendar(inp.date, "date")
    for i, exposure in enumerate(inp.opioid_exposures):
        in_calendar(exposure.last_use, f"opioid_exposures.{i}.last_use")
        if exposure.last_use > inp.date:
            raise InputError(f"opioid_exposures.{i}.last_use", "must not be after date")
    screen = inp.urine_drug_screen
    if screen is not None and in_calendar(screen.date, "urine_drug_screen.date") > inp.date:
        raise InputError("urine_drug_screen.date", "must not be after date")
    if (
        screen is not None
        and screen.panel is not None
        and screen.opioids_positive != bool(screen.panel.with_result("positive"))
    ):
        raise InputError(
            "urine_drug_screen.opioids_positive",
            "must be true exactly when some analyte of the panel is positive",
        )
    challenge = inp.naloxone_challenge
    if challenge is not None and in_calendar(challenge.date, "naloxone_challenge.date") > inp.date:
        raise InputError("naloxone_challenge.date", "must not be after date")
    if inp.age_years is not None and not AGE_MIN <= inp.age_years <= AGE_MAX:
        raise InputError("age_years", f"must be a whole number from {AGE_MIN} to {AGE_MAX}")
    for i, lab in enumerate(inp.labs):
        if in_calendar(lab.date, f"labs.{i}.date") > inp.date:
            raise InputError(f"labs.{i}.date", "must not be after date")
        if lab.upper_limit_normal <= 0:
            raise InputError(f"labs.{i}.upper_limit_normal", "must be greater than 0")
        if lab.value < 0:
            raise InputError(f"labs.{i}.value", "must be at least 0")


def start_check(
    inp: StartCheckInput,
    *,
    liver: LiverThresholds | None = None,
    policy: StartCheckPolicy | None = None,
) -> StartCheckResult:
    """Judge a start (or restart) of naltrexone on ``inp.date``; see the package docstring."""
    validate(inp)
    liver = liver or LiverThresholds()
    policy = policy or StartCheckPolicy()
    outcomes = [
        *contraindications(inp),
        *opioid_windows(inp),
        *urine_screen(inp, policy),
        *naloxone_challenge(inp, policy),
        *liver_tests(inp, liver, policy),
        *pregnancy(inp),
        *age(inp),
        *drinking(inp),
        *bleeding_risk(inp),
        *medicine_list(inp),
        *counselling(inp),
    ]
    effects = {o.effect for o in outcomes}
    status: Status
    earliest: dt.date | None
    if "contraindicated" in effects:
        status, earliest = "contraindicated", None
    elif "not_yet" in effects:
        waits = [o.earliest for o in outcomes if o.effect == "not_yet"]
        status = "not_yet"
        earliest = None if any(w is None for w in waits) else max(w for w in waits if w)
    elif "review" in effects:
        status, earliest = "review", inp.date
    else:
        status, earliest = "ready", inp.date
    findings = sorted((o.finding for o in outcomes), key=lambda f: _SEVERITY_ORDER[f.severity])
    return StartCheckResult(status, earliest, tuple(findings))
