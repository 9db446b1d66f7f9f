"""The stopping plan's input (docs/calculators.md), its parsing from JSON and its checks.

Which oral doses a plan accepts (source: REVIA §Dosage): a daily dose is 25 or 50 mg; 100 and
150 mg are doses of the label's intermittent schedules (and of KJOME2011's three-times-weekly
one), never daily. The contract marks an intermittent schedule by its strategy: a plan from an
intermittent schedule is planned with ``stop`` from the last dose actually given, because those
doses are never stepped down. So 100 or 150 mg is accepted with ``stop`` only; with ``step_down``
or ``gradual`` (a daily schedule) any dose above 50 mg is an error naming ``current_dose_mg``.
Other amounts (75, 125 mg…) are the dose of no schedule and are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, Literal

from naltrack.clinical.contract import (
    InputError,
    as_choice,
    as_date,
    as_int,
    as_object,
    as_optional_date,
    as_str,
    in_calendar,
)
from naltrack.clinical.discontinuation.rules import (
    DAILY_DOSES_MG,
    INTERMITTENT_DOSES_MG,
    REASON_MAX_LENGTH,
    STEP_DAYS_MAX,
    STEP_DAYS_MIN,
)
from naltrack.clinical.formulary import FORMULATIONS, XR_DOSE_MG, Formulation
from naltrack.clinical.regimens import INDICATIONS, Indication

Strategy = Literal["stop", "step_down", "gradual"]
STRATEGIES: Final[tuple[Strategy, ...]] = ("stop", "step_down", "gradual")


@dataclass(frozen=True, kw_only=True)
class DiscontinuationInput:
    start: dt.date
    formulation: Formulation
    current_dose_mg: int
    strategy: Strategy
    last_injection: dt.date | None = None
    step_days: int | None = None
    reason: str = ""
    # None: not given; the plan then reads as for opioid use (the cautious wording).
    indication: Indication | None = None
    surgery_date: dt.date | None = None


def _validate_oral_dose(inp: DiscontinuationInput) -> None:
    dose = inp.current_dose_mg
    # source: REVIA §Dosage — a daily dose is at most 50 mg; 100 and 150 mg are intermittent.
    if dose in DAILY_DOSES_MG:
        return
    if dose in INTERMITTENT_DOSES_MG:
        if inp.strategy == "stop":
            return
        raise InputError(
            "current_dose_mg",
            f"a daily dose is at most 50 mg; {dose} mg is a dose of an intermittent schedule, "
            "which is not stepped down: plan it with strategy 'stop' from the last dose given",
        )
    raise InputError(
        "current_dose_mg",
        "must be 25 or 50 mg (a daily dose), or 100 or 150 mg (the last dose of an intermittent "
        "schedule, with strategy 'stop')",
    )


def validate(inp: DiscontinuationInput) -> None:
    """Check the input hangs together; raise ``InputError`` naming the field."""
    in_calendar(inp.start, "start")
    if inp.last_injection is not None:
        in_calendar(inp.last_injection, "last_injection")
    if inp.surgery_date is not None:
        in_calendar(inp.surgery_date, "surgery_date")
    if inp.formulation == "oral":
        _validate_oral_dose(inp)
        if inp.last_injection is not None:
            raise InputError("last_injection", "is only for xr_injection")
        if inp.strategy != "stop":
            if inp.step_days is None:
                raise InputError("step_days", "is required for step_down and gradual")
            if not STEP_DAYS_MIN <= inp.step_days <= STEP_DAYS_MAX:
                raise InputError(
                    "step_days", f"must be from {STEP_DAYS_MIN} to {STEP_DAYS_MAX} days"
                )
    else:
        if inp.current_dose_mg != XR_DOSE_MG:
            raise InputError("current_dose_mg", f"must be {XR_DOSE_MG} for xr_injection")
        if inp.strategy != "stop":
            raise InputError(
                "strategy",
                "an extended-release injection cannot be tapered: use 'stop' (its blockade "
                "wears off over about 28 days)",
            )
        if inp.last_injection is None:
            raise InputError("last_injection", "is required for xr_injection")
        if inp.last_injection > inp.start:
            raise InputError("last_injection", "must not be after start")
    if len(inp.reason) > REASON_MAX_LENGTH:
        raise InputError("reason", f"must be at most {REASON_MAX_LENGTH} characters")
    if inp.indication is not None and inp.indication not in INDICATIONS:
        raise InputError("indication", "must be one of " + ", ".join(map(repr, INDICATIONS)))


def discontinuation_from_json(payload: Any) -> DiscontinuationInput:
    """Parse the discontinuation JSON object (docs/calculators.md); raises ``InputError``."""
    obj = as_object(
        payload,
        "",
        required=("start", "formulation", "current_dose_mg", "strategy"),
        optional=("last_injection", "step_days", "reason", "indication", "surgery_date"),
    )
    step_days = obj.get("step_days")
    indication = obj.get("indication")
    inp = DiscontinuationInput(
        start=as_date(obj["start"], "start"),
        formulation=as_choice(obj["formulation"], "formulation", FORMULATIONS),
        current_dose_mg=as_int(obj["current_dose_mg"], "current_dose_mg", minimum=1),
        strategy=as_choice(obj["strategy"], "strategy", STRATEGIES),
        last_injection=as_optional_date(obj.get("last_injection"), "last_injection"),
        step_days=None if step_days is None else as_int(step_days, "step_days"),
        reason=as_str(obj.get("reason", ""), "reason", max_length=REASON_MAX_LENGTH),
        indication=None if indication is None else as_choice(indication, "indication", INDICATIONS),
        surgery_date=as_optional_date(obj.get("surgery_date"), "surgery_date"),
    )
    validate(inp)
    return inp
