"""A plan for stopping naltrexone: the ``discontinuation`` calculator of docs/calculators.md.

The facts (sources: docs/clinical-sources.md): naltrexone causes no physical dependence, so
stopping it causes no withdrawal syndrome of its own and no taper is required (REVIA). The danger
after stopping is different: once the blockade ends, tolerance to opioids is lower than before, so
a dose the patient once took can cause a fatal overdose (REVIA, VIVITROL, TIP63). Every plan says
so, with naloxone advice and follow-up contacts.

Strategies:

- ``stop``: ``start`` is the first day without naltrexone; the last dose is the day before.
- ``step_down``: one step of ``step_days`` days at half the current daily dose, rounded down to a
  multiple of 25 mg (at least 25 mg), then stop. 50 → 25, 100 → 50, 150 → 75, 75 → 25.
- ``gradual``: successive steps of ``step_days`` days, each 25 mg lower, down to 25 mg, then stop:
  100 → 75, 50, 25. From 25 mg both tapers are a single 25 mg step.
  Tapers are a clinician's choice (the patient's confidence, side effects), never a need: the plan
  says so. Step doses and the step design are Naltrack conventions (NALTRACK).
- ``xr_injection``: an injection cannot be tapered, so only ``stop`` is accepted (any other
  strategy is an input error). ``last_injection`` is required and must not be after ``start``;
  ``start`` is the day the plan is made (typically the day the next injection would be due).
  The last dose is the last injection and blockade ends 28 days later (VIVITROL).

Follow-up (``FollowUpPolicy``, NALTRACK defaults): contacts 7, 14 and 28 days after the anchor,
then two more one calendar month apart after the 28-day contact, which covers the first 3
months (last dose 2026-04-03 → 04-10, 04-17, 05-01, 06-01, 07-01). The anchor is the last dose
for oral naltrexone. For the injection it is the day the blockade ends (or ``start`` if that
is later): contacts 1-4 weeks after an injection would all fall while it still blocks opioids,
and the risk begins when the blockade ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final, Literal

from naltrack.clinical.contract import (
    InputError,
    as_choice,
    as_date,
    as_int,
    as_object,
    as_optional_date,
    as_str,
)
from naltrack.clinical.evidence import rule
from naltrack.clinical.findings import Finding
from naltrack.clinical.formulary import (
    FORMULATIONS,
    HALF_TABLET_MG,
    XR_BLOCKADE_DAYS,
    XR_DOSE_MG,
    Formulation,
    oral_blockade_days,
    tablets_for,
)

Strategy = Literal["stop", "step_down", "gradual"]
STRATEGIES: Final[tuple[Strategy, ...]] = ("stop", "step_down", "gradual")

# source: REVIA §Dosage — oral doses up to 150 mg in the label's schedules; 25 mg = half a tablet.
ORAL_MIN_MG: Final = HALF_TABLET_MG
ORAL_MAX_MG: Final = 150
# source: NALTRACK — days at each reduced dose.
STEP_DAYS_MIN: Final = 1
STEP_DAYS_MAX: Final = 28
REASON_MAX_LENGTH: Final = 500
# source: ASAM2020 — an agonist can start about 30 days after the last injection.
AGONIST_AFTER_INJECTION_DAYS: Final = 30
# source: ASAM2020 — an agonist can start about a day after the last oral dose.
AGONIST_AFTER_ORAL_DAYS: Final = 1


@dataclass(frozen=True)
class FollowUpPolicy:
    """Follow-up contacts after stopping (NALTRACK defaults, clinic-configurable)."""

    days_after: tuple[int, ...] = (7, 14, 28)  # source: NALTRACK — 1, 2 and 4 weeks
    monthly_contacts: int = 2  # source: NALTRACK — then monthly, to 3 months after the last dose

    def __post_init__(self) -> None:
        if not self.days_after or self.days_after[0] < 1:
            raise ValueError("days_after must start at 1 day or later")
        if any(b <= a for a, b in pairwise(self.days_after)):
            raise ValueError("days_after must be increasing")
        if self.monthly_contacts < 0:
            raise ValueError("monthly_contacts must not be negative")


STEP_DOWN = rule(
    code="discontinuation_step_down",
    area="discontinuation",
    summary="Step-down (a clinician's choice): one reduced step, then stop",
    threshold="half the daily dose rounded down to a multiple of 25 mg (at least 25 mg) "
    "for the chosen number of days",
    source="NALTRACK",
)
GRADUAL = rule(
    code="discontinuation_gradual",
    area="discontinuation",
    summary="Gradual taper (a clinician's choice): steps 25 mg apart down to 25 mg, then stop",
    threshold="each step 1-28 days; e.g. 100 → 75 → 50 → 25 mg",
    source="NALTRACK",
)
FOLLOW_UP = rule(
    code="follow_up_after_stopping",
    area="discontinuation",
    summary="Follow-up contacts after the last dose (after the end of blockade for the injection)",
    threshold="7, 14 and 28 days, then monthly for two more months",
    source="NALTRACK",
)
OVERDOSE = rule(
    code="overdose_risk_after_stopping",
    area="discontinuation",
    summary="Every plan: tolerance to opioids is lower once blockade ends; overdose can be fatal",
    threshold="every plan",
    source="REVIA+VIVITROL+TIP63",
)
NALOXONE = rule(
    code="naloxone",
    area="discontinuation",
    summary="Every plan: the patient has naloxone (or nalmefene), and others know how to use it",
    threshold="every plan",
    source="VIVITROL+TIP63",
)
CRAVINGS = rule(
    code="cravings_may_return",
    area="discontinuation",
    summary="Every plan: cravings may return after stopping",
    threshold="every plan",
    source="REVIA+VIVITROL+TIP63",
)
TAPER_CHOICE = rule(
    code="taper_is_clinician_choice",
    area="discontinuation",
    summary="Tapers: no withdrawal syndrome, no taper required; a step-down is a "
    "clinician's choice",
    threshold="step_down and gradual plans",
    source="REVIA",
)
NO_TAPER = rule(
    code="no_taper_needed",
    area="discontinuation",
    summary="Stopping at once: naltrexone causes no withdrawal syndrome of its own",
    threshold="stop plans",
    source="REVIA",
)
SWITCH = rule(
    code="switching_to_agonist_treatment",
    area="discontinuation",
    summary="Switching to methadone or buprenorphine: possible without precipitated withdrawal; "
    "start low",
    threshold="about 1 day after the last oral dose, about 30 days after the last injection",
    source="ASAM2020",
)


@dataclass(frozen=True, kw_only=True)
class DiscontinuationInput:
    start: dt.date
    formulation: Formulation
    current_dose_mg: int
    strategy: Strategy
    last_injection: dt.date | None = None
    step_days: int | None = None
    reason: str = ""


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

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": [step.to_json() for step in self.steps],
            "last_dose": self.last_dose.isoformat(),
            "blockade_ends": self.blockade_ends.isoformat(),
            "follow_up": [day.isoformat() for day in self.follow_up],
            "warnings": [warning.to_json() for warning in self.warnings],
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, clamped to the month end (Jan 31 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_dates(anchor: dt.date, policy: FollowUpPolicy | None = None) -> tuple[dt.date, ...]:
    """Contacts ``days_after`` the anchor, then monthly after the last of them (NALTRACK)."""
    policy = policy or FollowUpPolicy()
    weekly = [anchor + dt.timedelta(days=days) for days in policy.days_after]
    monthly = [add_months(weekly[-1], k) for k in range(1, policy.monthly_contacts + 1)]
    return (*weekly, *monthly)


def step_doses(current_dose_mg: int, strategy: Strategy) -> tuple[int, ...]:
    """The reduced daily doses of an oral taper, in order (empty for ``stop``)."""
    if strategy == "stop":
        return ()
    if strategy == "step_down":
        half = current_dose_mg // 2 // HALF_TABLET_MG * HALF_TABLET_MG
        return (max(ORAL_MIN_MG, half),)
    lower = range(current_dose_mg - HALF_TABLET_MG, ORAL_MIN_MG - 1, -HALF_TABLET_MG)
    return tuple(lower) or (ORAL_MIN_MG,)


def validate(inp: DiscontinuationInput) -> None:
    """Check the input hangs together; raise ``InputError`` naming the field."""
    if inp.formulation == "oral":
        dose = inp.current_dose_mg
        if dose % HALF_TABLET_MG or not ORAL_MIN_MG <= dose <= ORAL_MAX_MG:
            raise InputError(
                "current_dose_mg",
                f"must be a multiple of 25 mg from {ORAL_MIN_MG} to {ORAL_MAX_MG} for oral "
                "naltrexone",
            )
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


def _warnings(
    inp: DiscontinuationInput, last_dose: dt.date, blockade_ends: dt.date
) -> list[Finding]:
    wanes = (
        " The injection's blockade already weakens toward the end of the month."
        if inp.formulation == "xr_injection"
        else ""
    )
    warnings = [
        Finding(
            OVERDOSE,
            "block",
            f"From {blockade_ends.isoformat()} naltrexone can no longer be relied on to block "
            f"opioids.{wanes} Tolerance to opioids is lower than before treatment, so a dose the "
            "patient once took could cause a fatal overdose. Trying to override the blockade "
            "with large opioid doses before then is dangerous too.",
            "REVIA+VIVITROL+TIP63",
        ),
        Finding(
            NALOXONE,
            "warning",
            "Make sure the patient has naloxone (or nalmefene) and that family or friends know "
            "the signs of an overdose (no response, slow or stopped breathing, blue lips, pinpoint "
            "pupils) and what to do: give naloxone and call 911.",
            "VIVITROL+TIP63",
        ),
        Finding(
            CRAVINGS,
            "info",
            "Cravings for alcohol or opioids may return once naltrexone stops. The follow-up "
            "contacts are planned for this; restarting is possible after a new start check.",
            "REVIA+VIVITROL+TIP63",
        ),
    ]
    if inp.strategy == "stop":
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
        warnings.append(Finding(NO_TAPER, "info", text, "REVIA"))
    else:
        warnings.append(
            Finding(
                TAPER_CHOICE,
                "info",
                "Naltrexone causes no physical dependence, so stopping it causes no withdrawal "
                "syndrome of its own, and the label requires no taper. This step-down is a "
                "clinician's choice, for example for the patient's confidence or for side effects.",
                "REVIA",
            )
        )
    if inp.formulation == "xr_injection":
        switch = last_dose + dt.timedelta(days=AGONIST_AFTER_INJECTION_DAYS)
        when = "about 30 days after the last injection"
    else:
        switch = last_dose + dt.timedelta(days=AGONIST_AFTER_ORAL_DAYS)
        when = "about a day after the last dose"
    warnings.append(
        Finding(
            SWITCH,
            "info",
            "If the patient moves to methadone or buprenorphine, it can begin "
            f"{when} (from about {switch.isoformat()}) without precipitated withdrawal. Start "
            "low: the patient is no longer tolerant to opioids.",
            "ASAM2020",
        )
    )
    return warnings


def plan_discontinuation(
    inp: DiscontinuationInput, *, follow_up: FollowUpPolicy | None = None
) -> DiscontinuationPlan:
    """Build the stopping plan; see the module docstring. Raises ``InputError`` on bad input."""
    validate(inp)
    steps: list[Step] = []
    if inp.formulation == "xr_injection":
        assert inp.last_injection is not None  # checked by validate
        last_dose = inp.last_injection
        # source: VIVITROL — count blockade as ended 28 days after the last injection.
        blockade_ends = last_dose + dt.timedelta(days=XR_BLOCKADE_DAYS)
        anchor = max(blockade_ends, inp.start)
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
    return DiscontinuationPlan(
        steps=tuple(steps),
        last_dose=last_dose,
        blockade_ends=blockade_ends,
        follow_up=follow_up_dates(anchor, follow_up),
        warnings=tuple(_warnings(inp, last_dose, blockade_ends)),
        reason=inp.reason,
    )


def discontinuation_from_json(payload: Any) -> DiscontinuationInput:
    """Parse the discontinuation JSON object (docs/calculators.md); raises ``InputError``."""
    obj = as_object(
        payload,
        "",
        required=("start", "formulation", "current_dose_mg", "strategy"),
        optional=("last_injection", "step_days", "reason"),
    )
    step_days = obj.get("step_days")
    inp = DiscontinuationInput(
        start=as_date(obj["start"], "start"),
        formulation=as_choice(obj["formulation"], "formulation", FORMULATIONS),
        current_dose_mg=as_int(obj["current_dose_mg"], "current_dose_mg", minimum=1),
        strategy=as_choice(obj["strategy"], "strategy", STRATEGIES),
        last_injection=as_optional_date(obj.get("last_injection"), "last_injection"),
        step_days=None if step_days is None else as_int(step_days, "step_days"),
        reason=as_str(obj.get("reason", ""), "reason", max_length=REASON_MAX_LENGTH),
    )
    validate(inp)
    return inp


def discontinuation_json(
    payload: Any, *, follow_up: FollowUpPolicy | None = None
) -> dict[str, Any]:
    """Parse, plan and answer in JSON (the CLI and HTTP doors); raises ``InputError``."""
    return plan_discontinuation(discontinuation_from_json(payload), follow_up=follow_up).to_json()
