"""The start check: can this patient start (or restart) naltrexone on a given date?

The ``start-check`` calculator of docs/calculators.md. Restarting after a lapse or a stop is a new
start (REVIA, TIP63): call the same function, with the opioid use, screen and challenge of the
restart.

How the answer is put together:

- Each rule yields findings (``info``, ``warning`` or ``block``). A ``block`` finding stops a start
  on ``date``: because of a contraindication, a wait or a repeatable test (``not_yet``), or until a
  clinician decides (``review``). ``warning`` findings allow a start with care, ``info`` findings
  record what was checked and passed, or counselling due at every start.
- ``status`` is the strongest outcome: ``contraindicated`` > ``not_yet`` > ``review`` > ``ready``.
- ``earliest_start``: ``ready`` and ``review`` give ``date`` (for ``review`` the clinician may
  decide to start that day); ``contraindicated`` gives ``null``; ``not_yet`` gives the first date
  every waiting rule allows (the latest of them), or ``null`` when one of them has no known date: an
  opioid-positive urine screen must be repeated, and when a repeat will be negative is unknown; a
  positive naloxone challenge stands until a repeat (24 hours later at the earliest) is negative
  (REVIA); a patient still drinking waits for the injection until they have stopped (VIVITROL).

Decisions where the contract is silent (Naltrack conventions, source NALTRACK):

- Required JSON fields: ``date``, ``indication``, ``formulation``, ``opioid_exposures``,
  ``current_medications`` and the safety questions (``acute_hepatitis_or_liver_failure``,
  ``needs_opioid_analgesics``, ``pregnant`` (null allowed: unknown),
  ``naltrexone_hypersensitivity``): a missing answer must not read as "no". ``urine_drug_screen``,
  ``naloxone_challenge`` (default null) and ``labs`` (default empty) are optional, since their
  absence is itself judged by a rule. ``age_years``, ``currently_drinking`` and
  ``bleeding_risk`` are optional (null: not known), and not knowing them adds no finding.
- A date after ``date`` (opioid use, screen, challenge, lab) is an input error.
- Each exposure is an opioid taken in the last 30 days, except extended-release buprenorphine,
  whose last injection counts for 12 months (SUBLOCADE, BRIXADI). Its ``last_use`` is required
  like any other: when the day of the last injection is not known, give the check's ``date``,
  which keeps it inside the 12 months.
- A negative urine screen or a passed naloxone challenge counts only if taken after the last
  reported opioid use and no more than ``StartCheckPolicy.test_max_age_days`` (7) days before
  ``date``; otherwise it counts as missing. A missing screen is ``review`` for OUD (and OUD_AUD)
  and for anyone with reported opioid use; for AUD with no reported opioid use it is a warning.
  A missing naloxone challenge is a warning in the same cases, and not mentioned otherwise.
- A negative screen proves only what its panel tested (TIP63): in the same cases, a screen whose
  panel did not test for fentanyl (OUD, OUD_AUD) or the reported opioid is ``review``, and one with
  no recorded panel is a warning. A panel that tested nothing is no screen at all.
- Lab tests accepted: ALT, AST, bilirubin, GGT (case-insensitive); the latest result of each
  counts, if no more than ``StartCheckPolicy.lab_max_age_days`` (90) days old. No recent ALT or
  AST is ``review``; ALT or AST above ``LiverThresholds`` multiples of the upper limit of normal
  is a warning (3x) or ``review`` (5x); bilirubin above the upper limit is a warning; GGT is
  accepted and not judged.
- Pregnancy unknown is a warning (sex is not known here), pregnancy is ``review``.
- Age is in whole years on ``date`` (``age_in_years``): 18 from the 18th birthday.
"""

from naltrack.clinical.liver import LiverThresholds
from naltrack.clinical.start_check.check import StartCheckResult, start_check
from naltrack.clinical.start_check.inputs import (
    ANALYTE_RESULTS,
    ANALYTES,
    EXPOSURE_KINDS,
    LAB_TESTS,
    DrugScreen,
    LabResult,
    NaloxoneChallenge,
    OpioidExposure,
    ScreenPanel,
    StartCheckInput,
    StartCheckPolicy,
    age_in_years,
)
from naltrack.clinical.start_check.parse import start_check_from_json, start_check_json

__all__ = [
    "ANALYTES",
    "ANALYTE_RESULTS",
    "EXPOSURE_KINDS",
    "LAB_TESTS",
    "DrugScreen",
    "LabResult",
    "LiverThresholds",
    "NaloxoneChallenge",
    "OpioidExposure",
    "ScreenPanel",
    "StartCheckInput",
    "StartCheckPolicy",
    "StartCheckResult",
    "age_in_years",
    "start_check",
    "start_check_from_json",
    "start_check_json",
]
