"""A plan for stopping naltrexone: the ``discontinuation`` calculator of docs/calculators.md.

The facts (sources: docs/clinical-sources.md): naltrexone causes no physical dependence, so
stopping it causes no withdrawal syndrome of its own and no taper is required (REVIA). The danger
after stopping is different: once the blockade ends, tolerance to opioids is lower than before, so
a dose the patient once took can cause a fatal overdose (REVIA, VIVITROL, TIP63). Every plan for
opioid use disorder, or without an indication, says so, with naloxone advice; a plan for alcohol
use disorder alone speaks of alcohol and cravings (``advice``). Every plan books follow-up
contacts (``follow_up``).

Strategies:

- ``stop``: ``start`` is the first day without naltrexone; the last dose is the day before. A
  patient on an intermittent schedule (100 or 150 mg doses) is planned this way, from the last
  dose actually given (``inputs``).
- ``step_down``: one step of ``step_days`` days at half the current daily dose (50 → 25 mg; 25 mg
  stays 25 mg), then stop.
- ``gradual``: steps of ``step_days`` days, each 25 mg lower, down to 25 mg, then stop; from a
  daily dose of at most 50 mg this is the same single 25 mg step.
  Tapers are a clinician's choice (the patient's confidence, side effects), never a need: the plan
  says so. Step doses and the step design are Naltrack conventions (NALTRACK).
- ``xr_injection``: an injection cannot be tapered, so only ``stop`` is accepted (any other
  strategy is an input error). ``last_injection`` is required and must not be after ``start``;
  ``start`` is the day the plan is made (typically the day the next injection would be due).
  The last dose is the last injection and blockade ends 28 days later (VIVITROL).

Follow-up anchor: the last dose for oral naltrexone; for the injection the day the blockade ends
(or ``start`` if that is later), because contacts 1-4 weeks after an injection would all fall
while it still blocks opioids, and the risk begins when the blockade ends.

Surgery (``surgery_date``): the plan adds ``surgery_opioids_from``, 72 hours after the last oral
dose or 30 days after the last injection (ASAM2015), and a ``block`` warning when the surgery
falls before it. ``blockade_ends`` is not moved: it stays the cautious date for overdose
counselling.
"""

from naltrack.clinical.discontinuation.follow_up import (
    FollowUpPolicy,
    add_months,
    follow_up_dates,
    on_a_weekday,
)
from naltrack.clinical.discontinuation.inputs import (
    STRATEGIES,
    DiscontinuationInput,
    Strategy,
    discontinuation_from_json,
    validate,
)
from naltrack.clinical.discontinuation.plan import (
    DiscontinuationPlan,
    Step,
    discontinuation_json,
    plan_discontinuation,
    step_doses,
)

__all__ = [
    "STRATEGIES",
    "DiscontinuationInput",
    "DiscontinuationPlan",
    "FollowUpPolicy",
    "Step",
    "Strategy",
    "add_months",
    "discontinuation_from_json",
    "discontinuation_json",
    "follow_up_dates",
    "on_a_weekday",
    "plan_discontinuation",
    "step_doses",
    "validate",
]
