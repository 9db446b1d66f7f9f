"""The stopping plan itself: the steps of a taper, the last dose, the end of blockade, the
follow-up contacts and, for an elective surgery, the first date opioid analgesia can be relied on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from naltrack.clinical.discontinuation.advice import plan_warnings
from naltrack.clinical.discontinuation.follow_up import FollowUpPolicy, follow_up_dates
from naltrack.clinical.discontinuation.inputs import (
    DiscontinuationInput,
    Strategy,
    discontinuation_from_json,
    validate,
)
from naltrack.clinical.discontinuation.rules import (
    ORAL_MIN_MG,
    SURGERY_AFTER_INJECTION_DAYS,
    SURGERY_AFTER_ORAL_DAYS,
)
from naltrack.clinical.findings import Finding
from naltrack.clinical.formulary import (
    HALF_TABLET_MG,
    XR_BLOCKADE_DAYS,
    oral_blockade_days,
    tablets_for,
)


@dataclass(frozen=True)
class Step:
    start: dt.date
    end: dt.date
    dose_mg: int
    tablets: str

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "dose_mg": self.dose_mg,
            "tablets": self.tablets,
        }


@dataclass(frozen=True)
class DiscontinuationPlan:
    steps: tuple[Step, ...]
    last_dose: dt.date
    blockade_ends: dt.date
    follow_up: tuple[dt.date, ...]
    warnings: tuple[Finding, ...]
    reason: str = ""
    # Only with a surgery date: the first date opioid analgesia can be relied on (ASAM2015).
    surgery_opioids_from: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "steps": [step.to_json() for step in self.steps],
            "last_dose": self.last_dose.isoformat(),
            "blockade_ends": self.blockade_ends.isoformat(),
            "follow_up": [day.isoformat() for day in self.follow_up],
            "warnings": [warning.to_json() for warning in self.warnings],
        }
        if self.surgery_opioids_from is not None:
            data["surgery_opioids_from"] = self.surgery_opioids_from.isoformat()
        return data


def step_doses(current_dose_mg: int, strategy: Strategy) -> tuple[int, ...]:
    """The reduced daily doses of an oral taper, in order (empty for ``stop``).

    source: NALTRACK — ``step_down``: half the dose rounded down to 25 mg, at least 25 mg;
    ``gradual``: 25 mg lower each step, down to 25 mg. From the daily doses a plan accepts
    (25 or 50 mg) both are one 25 mg step.
    """
    if strategy == "stop":
        return ()
    if strategy == "step_down":
        half = current_dose_mg // 2 // HALF_TABLET_MG * HALF_TABLET_MG
        return (max(ORAL_MIN_MG, half),)
    lower = range(current_dose_mg - HALF_TABLET_MG, ORAL_MIN_MG - 1, -HALF_TABLET_MG)
    return tuple(lower) or (ORAL_MIN_MG,)


def plan_discontinuation(
    inp: DiscontinuationInput, *, follow_up: FollowUpPolicy | None = None
) -> DiscontinuationPlan:
    """Build the stopping plan; see the package docstring. Raises ``InputError`` on bad input."""
    validate(inp)
    steps: list[Step] = []
    if inp.formulation == "xr_injection":
        assert inp.last_injection is not None  # checked by validate
        last_dose = inp.last_injection
        final_dose = inp.current_dose_mg
        # source: VIVITROL — count blockade as ended 28 days after the last injection.
        blockade_ends = last_dose + dt.timedelta(days=XR_BLOCKADE_DAYS)
        # Contacts 1-4 weeks after an injection would all fall while it still blocks opioids.
        anchor = max(blockade_ends, inp.start)
        # source: ASAM2015 — the last injection at least 30 days before surgery.
        surgery_days = SURGERY_AFTER_INJECTION_DAYS
    else:
        day = inp.start
        for dose in step_doses(inp.current_dose_mg, inp.strategy):
            assert inp.step_days is not None  # checked by validate
            end = day + dt.timedelta(days=inp.step_days - 1)
            steps.append(Step(day, end, dose, tablets_for(dose)))
            day = end + dt.timedelta(days=1)
        last_dose = day - dt.timedelta(days=1)
        final_dose = steps[-1].dose_mg if steps else inp.current_dose_mg
        # source: REVIA — blockade 24 h after ≤50 mg, 48 h after 100 mg, 72 h after 150 mg.
        blockade_ends = last_dose + dt.timedelta(days=oral_blockade_days(final_dose))
        anchor = last_dose
        # source: ASAM2015 — the last oral dose at least 72 hours before surgery.
        surgery_days = SURGERY_AFTER_ORAL_DAYS
    # blockade_ends stays the cautious overdose-counselling date; surgery has its own date.
    surgery_from = None if inp.surgery_date is None else last_dose + dt.timedelta(days=surgery_days)
    warnings = plan_warnings(
        inp,
        last_dose=last_dose,
        blockade_ends=blockade_ends,
        final_dose_mg=final_dose,
        surgery_from=surgery_from,
    )
    return DiscontinuationPlan(
        steps=tuple(steps),
        last_dose=last_dose,
        blockade_ends=blockade_ends,
        follow_up=follow_up_dates(anchor, follow_up, indication=inp.indication),
        warnings=tuple(warnings),
        reason=inp.reason,
        surgery_opioids_from=surgery_from,
    )


def discontinuation_json(
    payload: Any, *, follow_up: FollowUpPolicy | None = None
) -> dict[str, Any]:
    """Parse, plan and answer in JSON (the CLI and HTTP doors); raises ``InputError``."""
    return plan_discontinuation(discontinuation_from_json(payload), follow_up=follow_up).to_json()
