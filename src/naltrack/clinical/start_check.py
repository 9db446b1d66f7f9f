"""The start check: can this patient start (or restart) naltrexone on a given date?

The ``start-check`` calculator of shared/CALCULATORS.md. Restarting after a lapse or a stop is a
new start (REVIA, TIP63): call the same function, with the opioid use, screen and challenge of the
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
  opioid-positive urine screen must be repeated, and when a repeat will be negative is unknown.
  A positive naloxone challenge may be repeated 24 hours later (REVIA), so it gives the day after
  the challenge.

Decisions where the contract is silent (Naltrack conventions, source NALTRACK):

- Required JSON fields: ``date``, ``indication``, ``formulation``, ``opioid_exposures``,
  ``current_medications`` and the safety questions (``acute_hepatitis_or_liver_failure``,
  ``needs_opioid_analgesics``, ``pregnant`` (null allowed: unknown),
  ``naltrexone_hypersensitivity``): a missing answer must not read as "no". ``urine_drug_screen``,
  ``naloxone_challenge`` (default null) and ``labs`` (default empty) are optional, since their
  absence is itself judged by a rule.
- A date after ``date`` (opioid use, screen, challenge, lab) is an input error.
- A negative urine screen or a passed naloxone challenge counts only if taken after the last
  reported opioid use and no more than ``StartCheckPolicy.test_max_age_days`` (7) days before
  ``date``; otherwise it counts as missing. A missing screen is ``review`` for OUD (and OUD_AUD)
  and for anyone with reported opioid use; for AUD with no reported opioid use it is a warning.
  A missing naloxone challenge is a warning in the same cases, and not mentioned otherwise.
- Lab tests accepted: ALT, AST, bilirubin, GGT (case-insensitive); the latest result of each
  counts, if no more than ``StartCheckPolicy.lab_max_age_days`` (90) days old. No recent ALT or
  AST is ``review``; ALT or AST above ``LiverThresholds`` multiples of the upper limit of normal
  is a warning (3x) or ``review`` (5x); bilirubin above the upper limit is a warning; GGT is
  accepted and not judged.
- Pregnancy unknown is a warning (sex is not known here), pregnancy is ``review``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Final, Literal

from naltrack.clinical.contract import (
    InputError,
    as_bool,
    as_choice,
    as_date,
    as_list,
    as_number,
    as_object,
    as_optional_bool,
    as_str,
    path,
)
from naltrack.clinical.evidence import rule
from naltrack.clinical.findings import Effect, Finding
from naltrack.clinical.formulary import FORMULATIONS, Formulation
from naltrack.clinical.liver import LIVER_ENZYMES, LiverThresholds
from naltrack.clinical.medicines import (
    MEDICINE_GROUPS,
    NALTREXONE_COMBINATION,
    NALTREXONE_LISTED,
    MedicineGroup,
)
from naltrack.clinical.regimens import INDICATIONS, Indication

Status = Literal["ready", "not_yet", "review", "contraindicated"]
ExposureKind = Literal["short_acting", "methadone", "buprenorphine", "other_long_acting"]
EXPOSURE_KINDS: Final[tuple[ExposureKind, ...]] = (
    "short_acting",
    "methadone",
    "buprenorphine",
    "other_long_acting",
)
LabTest = Literal["ALT", "AST", "bilirubin", "GGT"]
LAB_TESTS: Final[tuple[LabTest, ...]] = ("ALT", "AST", "bilirubin", "GGT")

# source: NALTRACK reading of REVIA (7-10 days after short-acting opioids) and VIVITROL (up to two
# weeks after methadone or buprenorphine): minimum window, then the upper bound a warning covers.
OPIOID_FREE_DAYS: Final[dict[ExposureKind, tuple[int, int]]] = {
    "short_acting": (7, 10),
    "methadone": (10, 14),
    "buprenorphine": (10, 14),
    "other_long_acting": (10, 14),
}
_EXPOSURE_LABEL: Final[dict[ExposureKind, str]] = {
    "short_acting": "a short-acting opioid",
    "methadone": "methadone",
    "buprenorphine": "buprenorphine",
    "other_long_acting": "a long-acting opioid",
}
# source: REVIA — a positive naloxone challenge may be repeated in 24 hours.
CHALLENGE_REPEAT_DAYS: Final = 1


@dataclass(frozen=True)
class StartCheckPolicy:
    """How recent tests must be to count (NALTRACK defaults, clinic-configurable)."""

    test_max_age_days: int = 7  # source: NALTRACK — urine screen and naloxone challenge
    lab_max_age_days: int = 90  # source: NALTRACK — baseline liver tests (TIP63/AUDGUIDE)

    def __post_init__(self) -> None:
        if self.test_max_age_days < 0 or self.lab_max_age_days < 0:
            raise ValueError("test ages must not be negative")


@dataclass(frozen=True)
class OpioidExposure:
    kind: ExposureKind
    last_use: dt.date


@dataclass(frozen=True)
class DrugScreen:
    date: dt.date
    opioids_positive: bool


@dataclass(frozen=True)
class NaloxoneChallenge:
    date: dt.date
    withdrawal_signs: bool


@dataclass(frozen=True)
class LabResult:
    test: LabTest
    value: float
    upper_limit_normal: float
    date: dt.date


@dataclass(frozen=True, kw_only=True)
class StartCheckInput:
    date: dt.date
    indication: Indication
    formulation: Formulation
    opioid_exposures: tuple[OpioidExposure, ...]
    acute_hepatitis_or_liver_failure: bool
    needs_opioid_analgesics: bool
    pregnant: bool | None
    naltrexone_hypersensitivity: bool
    current_medications: tuple[str, ...]
    urine_drug_screen: DrugScreen | None = None
    naloxone_challenge: NaloxoneChallenge | None = None
    labs: tuple[LabResult, ...] = ()


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


# --- the rules -------------------------------------------------------------------------------

AREA = "start_check"
OPIOID_WINDOW_NOT_MET = rule(
    code="opioid_free_window_not_met",
    area=AREA,
    summary="Opioid-free window before the first dose not reached: not yet",
    threshold="7 days after a short-acting opioid; 10 days after methadone, buprenorphine or "
    "another long-acting opioid (Naltrack reading of the labels' 7-10 days / up to two weeks)",
    source="NALTRACK+REVIA+VIVITROL",
)
OPIOID_WINDOW_BORDERLINE = rule(
    code="opioid_free_window_borderline",
    area=AREA,
    summary="Opioid-free window met but inside the labels' upper bound: warning",
    threshold="day 7-9 after a short-acting opioid; day 10-13 after a long-acting one",
    source="NALTRACK+REVIA+VIVITROL",
)
SCREEN_POSITIVE = rule(
    code="urine_screen_opioid_positive",
    area=AREA,
    summary="Opioid-positive urine drug screen: not yet; repeat the screen",
    threshold="any opioid-positive screen",
    source="REVIA+TIP63",
)
SCREEN_NEEDED = rule(
    code="urine_screen_needed",
    area=AREA,
    summary="No current negative urine drug screen for OUD or reported opioid use: review",
    threshold="negative screen after the last opioid use and at most 7 days old (Naltrack default)",
    source="REVIA+TIP63",
)
SCREEN_RECOMMENDED = rule(
    code="urine_screen_recommended",
    area=AREA,
    summary="AUD with no reported opioid use and no current urine drug screen: warning",
    threshold="negative screen at most 7 days old (Naltrack default)",
    source="REVIA+TIP63",
)
CHALLENGE_POSITIVE = rule(
    code="naloxone_challenge_positive",
    area=AREA,
    summary="Withdrawal signs at the naloxone challenge: not yet; repeat after 24 hours",
    threshold="any withdrawal sign; earliest start the day after the challenge",
    source="REVIA",
)
CHALLENGE_RECOMMENDED = rule(
    code="naloxone_challenge_recommended",
    area=AREA,
    summary="No current naloxone challenge where occult opioid dependence is possible: warning",
    threshold="OUD or reported opioid use; challenge after the last use, at most 7 days old",
    source="REVIA",
)
LIVER_BASELINE_NEEDED = rule(
    code="baseline_liver_tests_needed",
    area=AREA,
    summary="No baseline liver tests: review",
    threshold="no ALT or AST result in the last 90 days (Naltrack default)",
    source="TIP63+AUDGUIDE",
)
LIVER_PANEL_INCOMPLETE = rule(
    code="liver_panel_incomplete",
    area=AREA,
    summary="Baseline liver panel incomplete: warning",
    threshold="one of ALT, AST, bilirubin missing in the last 90 days",
    source="TIP63+AUDGUIDE",
)
LIVER_RAISED = rule(
    code="liver_enzymes_raised",
    area=AREA,
    summary="ALT or AST raised: warning, start with closer monitoring",
    threshold="> 3x the upper limit of normal (Naltrack default, clinic-configurable)",
    source="NALTRACK+TIP63+AUDGUIDE",
)
LIVER_MARKEDLY_RAISED = rule(
    code="liver_enzymes_markedly_raised",
    area=AREA,
    summary="ALT or AST markedly raised: review, a clinician decides before starting",
    threshold="> 5x the upper limit of normal (Naltrack default, clinic-configurable)",
    source="NALTRACK+TIP63+AUDGUIDE",
)
BILIRUBIN_RAISED = rule(
    code="bilirubin_raised",
    area=AREA,
    summary="Bilirubin above the upper limit of normal: warning, look for acute hepatitis",
    threshold="> 1x the upper limit of normal (Naltrack default)",
    source="NALTRACK+TIP63",
)
ACUTE_HEPATITIS = rule(
    code="acute_hepatitis_or_liver_failure",
    area=AREA,
    summary="Acute hepatitis or liver failure: contraindicated",
    threshold="present",
    source="REVIA+VIVITROL",
)
NEEDS_OPIOIDS = rule(
    code="needs_opioid_analgesics",
    area=AREA,
    summary="Taking or needing opioid analgesics: contraindicated",
    threshold="present",
    source="REVIA+VIVITROL",
)
HYPERSENSITIVITY = rule(
    code="naltrexone_hypersensitivity",
    area=AREA,
    summary="Known hypersensitivity to naltrexone (XR: also its polymer or diluent): "
    "contraindicated",
    threshold="present",
    source="REVIA+VIVITROL",
)
PREGNANCY = rule(
    code="pregnancy",
    area=AREA,
    summary="Pregnancy: review, a clinician weighs risk and benefit",
    threshold="pregnant",
    source="REVIA+VIVITROL+TIP63",
)
PREGNANCY_UNKNOWN = rule(
    code="pregnancy_status_unknown",
    area=AREA,
    summary="Pregnancy status not recorded: warning",
    threshold="unknown",
    source="NALTRACK",
)
OUD_FIRST_DOSE = rule(
    code="oud_first_dose",
    area=AREA,
    summary="OUD oral start or restart: 25 mg on the first day, then 50 mg daily",
    threshold="25 mg, then 50 mg if no withdrawal signs",
    source="REVIA",
)
AUD_DRINKING = rule(
    code="aud_stop_or_reduce_drinking",
    area=AREA,
    summary="AUD: works best after stopping or cutting down drinking; it does not treat "
    "alcohol withdrawal",
    threshold="every AUD start",
    source="VIVITROL+AUDGUIDE",
)
OVERDOSE_COUNSELLING = rule(
    code="overdose_risk_counselling",
    area=AREA,
    summary="Counsel on opioid overdose risk and offer naloxone at every start",
    threshold="every start",
    source="REVIA+VIVITROL+TIP63",
)

# One rule per medicine group, listed after the rules above.
MEDICINE_RULES: Final[tuple[str, ...]] = tuple(
    rule(
        code=group.code,
        area=AREA,
        summary=group.summary,
        threshold=", ".join(group.names),
        source=group.source,
    )
    for group in (*MEDICINE_GROUPS, NALTREXONE_LISTED)
)


@dataclass(frozen=True)
class _Outcome:
    finding: Finding
    effect: Effect | None = None
    earliest: dt.date | None = None  # for not_yet: the first date this rule allows


def _info(code: str, message: str, source: str) -> _Outcome:
    return _Outcome(Finding(code, "info", message, source))


def _warn(code: str, message: str, source: str) -> _Outcome:
    return _Outcome(Finding(code, "warning", message, source))


def _block(
    code: str, effect: Effect, message: str, source: str, earliest: dt.date | None = None
) -> _Outcome:
    return _Outcome(Finding(code, "block", message, source), effect, earliest)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


# --- checks ------------------------------------------------------------------------------------


def _contraindications(inp: StartCheckInput) -> list[_Outcome]:
    out: list[_Outcome] = []
    if inp.acute_hepatitis_or_liver_failure:
        out.append(
            _block(
                ACUTE_HEPATITIS,
                "contraindicated",
                "Acute hepatitis or liver failure: do not start naltrexone. Older tablet labels "
                "list it as a contraindication, and current labels say to stop naltrexone at signs "
                "of acute hepatitis.",
                "REVIA+VIVITROL",  # source: REVIA (older label), VIVITROL §5.4
            )
        )
    if inp.needs_opioid_analgesics:
        out.append(
            _block(
                NEEDS_OPIOIDS,
                "contraindicated",
                "The patient takes or needs opioid pain medicine. Naltrexone blocks opioid "
                "analgesics and must not be started while they are taken or needed; plan pain "
                "care without opioids first, then check again.",
                "REVIA+VIVITROL",
            )
        )
    if inp.naltrexone_hypersensitivity:
        if inp.formulation == "xr_injection":
            message = (
                "Known hypersensitivity to naltrexone: do not give the injection. Hypersensitivity "
                "to its polylactide-co-glycolide (PLG) microspheres or to the "
                "carboxymethylcellulose diluent also rules it out."
            )
            source = "VIVITROL"
        else:
            message = "Known hypersensitivity to naltrexone: do not start it."
            source = "REVIA+VIVITROL"
        out.append(_block(HYPERSENSITIVITY, "contraindicated", message, source))
    return out


def _opioid_windows(inp: StartCheckInput) -> list[_Outcome]:
    out: list[_Outcome] = []
    source = "NALTRACK+REVIA+VIVITROL"
    if not inp.opioid_exposures:
        return [
            _info(
                "no_recent_opioid_use_reported",
                "No opioid use reported in the last 30 days.",
                source,
            )
        ]
    for exposure in inp.opioid_exposures:
        window, upper = OPIOID_FREE_DAYS[exposure.kind]
        label = _EXPOSURE_LABEL[exposure.kind]
        since = (inp.date - exposure.last_use).days
        if since < window:
            earliest = exposure.last_use + dt.timedelta(days=window)
            when = (
                "the day of this check"
                if since == 0
                else f"{_days(since)} before {inp.date.isoformat()}"
            )
            message = (
                f"The last use of {label} was on {exposure.last_use.isoformat()}, "
                f"{when}. Naltrexone needs at least "
                f"{_days(window)} without opioids after {label} (Naltrack default, from the "
                "labels); starting earlier can precipitate opioid withdrawal, which can be "
                f"severe. This window is met on {earliest.isoformat()}."
            )
            if inp.indication == "AUD":
                message += " This applies to alcohol use disorder too."
            out.append(_block(OPIOID_WINDOW_NOT_MET, "not_yet", message, source, earliest))
        elif since < upper:
            out.append(
                _warn(
                    OPIOID_WINDOW_BORDERLINE,
                    f"{_days(since)} since the last use of {label}: the Naltrack minimum of "
                    f"{_days(window)} is met, but the labels' window runs to {_days(upper)}, so "
                    "precipitated withdrawal is still possible. Watch closely after the first "
                    "dose; a naloxone challenge helps rule out remaining opioid dependence.",
                    source,
                )
            )
        else:
            out.append(
                _info(
                    "opioid_free_window_met",
                    f"{_days(since)} since the last use of {label}: the opioid-free window "
                    f"(up to {_days(upper)}) is met.",
                    source,
                )
            )
    return out


def _latest_use(inp: StartCheckInput) -> dt.date | None:
    return max((e.last_use for e in inp.opioid_exposures), default=None)


def _opioid_risk(inp: StartCheckInput) -> bool:
    """OUD, or reported opioid use: occult opioid dependence is possible."""
    return inp.indication in ("OUD", "OUD_AUD") or bool(inp.opioid_exposures)


def _why_not_current(
    test_date: dt.date, inp: StartCheckInput, policy: StartCheckPolicy
) -> str | None:
    latest = _latest_use(inp)
    if latest is not None and test_date <= latest:
        return f"was taken on {test_date.isoformat()}, not after the last reported opioid use"
    age = (inp.date - test_date).days
    if age > policy.test_max_age_days:
        return (
            f"is {_days(age)} old (the Naltrack default accepts up to "
            f"{_days(policy.test_max_age_days)})"
        )
    return None


def _urine_screen(inp: StartCheckInput, policy: StartCheckPolicy) -> list[_Outcome]:
    screen = inp.urine_drug_screen
    if screen is not None and screen.opioids_positive:
        return [
            _block(
                SCREEN_POSITIVE,
                "not_yet",
                f"The urine drug screen of {screen.date.isoformat()} is positive for opioids: do "
                "not start naltrexone. Repeat the screen; when it will be negative is not known.",
                "REVIA+TIP63",
            )
        ]
    if screen is None:
        problem = "No urine drug screen is recorded."
    else:
        reason = _why_not_current(screen.date, inp, policy)
        if reason is None:
            return [
                _info(
                    "urine_screen_negative",
                    f"The urine drug screen of {screen.date.isoformat()} is negative for opioids.",
                    "REVIA+TIP63",
                )
            ]
        problem = f"The negative urine drug screen {reason}."
    if _opioid_risk(inp):
        return [
            _block(
                SCREEN_NEEDED,
                "review",
                f"{problem} A urine drug screen is needed to confirm the patient is opioid-free "
                "before starting.",
                "REVIA+TIP63",
            )
        ]
    return [
        _warn(
            SCREEN_RECOMMENDED,
            f"{problem} No opioid use is reported, but a urine drug screen is recommended to "
            "confirm the patient is opioid-free: opioid use would make the first dose unsafe.",
            "REVIA+TIP63",
        )
    ]


def _naloxone_challenge(inp: StartCheckInput, policy: StartCheckPolicy) -> list[_Outcome]:
    challenge = inp.naloxone_challenge
    if challenge is not None and challenge.withdrawal_signs:
        repeat = challenge.date + dt.timedelta(days=CHALLENGE_REPEAT_DAYS)
        return [
            _block(
                CHALLENGE_POSITIVE,
                "not_yet",
                f"The naloxone challenge of {challenge.date.isoformat()} caused withdrawal signs: "
                "do not give naltrexone. The challenge may be repeated after 24 hours, from "
                f"{repeat.isoformat()}.",
                "REVIA",
                max(inp.date, repeat),
            )
        ]
    if challenge is not None:
        reason = _why_not_current(challenge.date, inp, policy)
        if reason is None:
            return [
                _info(
                    "naloxone_challenge_passed",
                    f"The naloxone challenge of {challenge.date.isoformat()} caused no withdrawal "
                    "signs.",
                    "REVIA",
                )
            ]
        problem = f"The naloxone challenge {reason}."
    elif _opioid_risk(inp):
        problem = "No naloxone challenge is recorded."
    else:
        return []
    return [
        _warn(
            CHALLENGE_RECOMMENDED,
            f"{problem} A naloxone challenge is recommended when hidden opioid dependence is "
            "possible: naloxone 0.8 mg under the skin and 20 minutes' observation (or 0.2 mg IV, "
            "30 seconds, then 0.6 mg IV, 20 minutes). Withdrawal signs mean do not start.",
            "REVIA",
        )
    ]


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


def _liver(
    inp: StartCheckInput, liver: LiverThresholds, policy: StartCheckPolicy
) -> list[_Outcome]:
    labs = _latest_labs(inp, policy)
    enzymes = [labs[test] for test in LIVER_ENZYMES if test in labs]
    if not enzymes:
        return [
            _block(
                LIVER_BASELINE_NEEDED,
                "review",
                f"No ALT or AST result from the last {_days(policy.lab_max_age_days)}. Baseline "
                "liver tests (ALT, AST, bilirubin) are needed before starting; a clinician decides "
                "whether to start before the results are back.",
                "TIP63+AUDGUIDE",
            )
        ]
    out: list[_Outcome] = []
    worst = max(enzymes, key=lambda lab: lab.value / lab.upper_limit_normal)
    ratio = worst.value / worst.upper_limit_normal
    if ratio > liver.review_multiple:
        out.append(
            _block(
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
            _warn(
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
            _warn(
                BILIRUBIN_RAISED,
                f"{_describe(bilirubin)}: above the upper limit of normal. Look for signs of "
                "acute hepatitis or liver failure, which rule out starting.",
                "NALTRACK+TIP63",
            )
        )
    missing = [test for test in ("ALT", "AST", "bilirubin") if test not in labs]
    if missing:
        out.append(
            _warn(
                LIVER_PANEL_INCOMPLETE,
                f"No recent {' or '.join(missing)} result: the baseline liver tests are ALT, AST "
                "and bilirubin.",
                "TIP63+AUDGUIDE",
            )
        )
    if ratio <= liver.warn_multiple and not bilirubin_raised:
        present = [labs[test] for test in ("ALT", "AST", "bilirubin") if test in labs]
        out.append(
            _info(
                "liver_tests_within_limits",
                "Liver tests within the clinic's limits: "
                + "; ".join(_describe(lab) for lab in present)
                + ".",
                "NALTRACK+TIP63+AUDGUIDE",
            )
        )
    return out


def _pregnancy(inp: StartCheckInput) -> list[_Outcome]:
    if inp.pregnant is None:
        return [
            _warn(
                PREGNANCY_UNKNOWN,
                "Pregnancy status is not recorded. If the patient could be pregnant, ask or test "
                "before starting: in pregnancy a clinician must weigh the risks and benefits.",
                "NALTRACK",
            )
        ]
    if inp.pregnant:
        return [
            _block(
                PREGNANCY,
                "review",
                "The patient is pregnant. Data on naltrexone in pregnancy are limited: a clinician "
                "weighs the risks and benefits before starting.",
                "REVIA+VIVITROL+TIP63",
            )
        ]
    return []


def _outcome(group: MedicineGroup, entry: str, name: str) -> _Outcome:
    template = group.message
    if name.casefold() == entry.casefold():  # "Contrave" (Contrave): say it once
        template = template.replace(" ({name})", "")
    message = template.format(entry=entry, name=name)
    finding = Finding(group.code, group.severity, message, group.source)
    return _Outcome(finding, group.effect)


def _medicines(inp: StartCheckInput) -> list[_Outcome]:
    out: list[_Outcome] = []
    for entry in inp.current_medications:
        text = " ".join(entry.split())
        combination = NALTREXONE_COMBINATION.pattern.search(text)
        for group in MEDICINE_GROUPS:
            match = group.pattern.search(text)
            if match:
                out.append(_outcome(group, text, match.group(0)))
        has_bupropion = re.search(r"(?<![a-z0-9])bupropion(?![a-z0-9])", text, re.IGNORECASE)
        listed = NALTREXONE_LISTED.pattern.search(text)
        if listed and not combination:
            if has_bupropion:
                out.append(_outcome(NALTREXONE_COMBINATION, text, "naltrexone with bupropion"))
            else:
                out.append(_outcome(NALTREXONE_LISTED, text, listed.group(0)))
    return out


def _counselling(inp: StartCheckInput) -> list[_Outcome]:
    out: list[_Outcome] = []
    if inp.indication in ("OUD", "OUD_AUD") and inp.formulation == "oral":
        out.append(
            _info(
                OUD_FIRST_DOSE,
                "For opioid use disorder, give 25 mg (half a tablet) on the first day and watch "
                "for withdrawal signs; if there are none, 50 mg daily after that. This applies to "
                "a restart too.",
                "REVIA",
            )
        )
    if inp.indication in ("AUD", "OUD_AUD"):
        out.append(
            _info(
                AUD_DRINKING,
                "Naltrexone works best when the patient has stopped or cut down drinking before "
                "starting. It does not treat alcohol withdrawal.",
                "VIVITROL+AUDGUIDE",
            )
        )
    out.append(
        _info(
            OVERDOSE_COUNSELLING,
            "Counsel about overdose: after detoxification, after a missed dose, near the end of "
            "an injection interval and after naltrexone stops, tolerance to opioids is lower, and "
            "a dose once taken safely can be fatal. Trying to override the blockade with large "
            "opioid doses can also be fatal. Offer naloxone.",
            "REVIA+VIVITROL+TIP63",
        )
    )
    return out


# --- the calculator ---------------------------------------------------------------------------

_SEVERITY_ORDER: Final[dict[str, int]] = {"block": 0, "warning": 1, "info": 2}


def validate(inp: StartCheckInput) -> None:
    """Check dates that only make sense together; raise ``InputError`` naming the field."""
    for i, exposure in enumerate(inp.opioid_exposures):
        if exposure.last_use > inp.date:
            raise InputError(f"opioid_exposures.{i}.last_use", "must not be after date")
    if inp.urine_drug_screen is not None and inp.urine_drug_screen.date > inp.date:
        raise InputError("urine_drug_screen.date", "must not be after date")
    if inp.naloxone_challenge is not None and inp.naloxone_challenge.date > inp.date:
        raise InputError("naloxone_challenge.date", "must not be after date")
    for i, lab in enumerate(inp.labs):
        if lab.date > inp.date:
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
    """Judge a start (or restart) of naltrexone on ``inp.date``; see the module docstring."""
    validate(inp)
    liver = liver or LiverThresholds()
    policy = policy or StartCheckPolicy()
    outcomes = [
        *_contraindications(inp),
        *_opioid_windows(inp),
        *_urine_screen(inp, policy),
        *_naloxone_challenge(inp, policy),
        *_liver(inp, liver, policy),
        *_pregnancy(inp),
        *_medicines(inp),
        *_counselling(inp),
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


# --- JSON -------------------------------------------------------------------------------------

_REQUIRED: Final = (
    "date",
    "indication",
    "formulation",
    "opioid_exposures",
    "acute_hepatitis_or_liver_failure",
    "needs_opioid_analgesics",
    "pregnant",
    "naltrexone_hypersensitivity",
    "current_medications",
)
_OPTIONAL: Final = ("urine_drug_screen", "naloxone_challenge", "labs")
_LAB_NAMES: Final[dict[str, LabTest]] = {test.casefold(): test for test in LAB_TESTS}


def _lab_test(value: Any, field_path: str) -> LabTest:
    text = as_str(value, field_path, max_length=20)
    test = _LAB_NAMES.get(text.strip().casefold())
    if test is None:
        raise InputError(field_path, "must be one of " + ", ".join(repr(t) for t in LAB_TESTS))
    return test


def _exposures(value: Any) -> tuple[OpioidExposure, ...]:
    out = []
    for i, item in enumerate(as_list(value, "opioid_exposures", max_items=50)):
        where = path("opioid_exposures", i)
        obj = as_object(item, where, required=("kind", "last_use"))
        out.append(
            OpioidExposure(
                kind=as_choice(obj["kind"], path(where, "kind"), EXPOSURE_KINDS),
                last_use=as_date(obj["last_use"], path(where, "last_use")),
            )
        )
    return tuple(out)


def _screen(value: Any) -> DrugScreen | None:
    if value is None:
        return None
    where = "urine_drug_screen"
    obj = as_object(value, where, required=("date", "opioids_positive"))
    return DrugScreen(
        date=as_date(obj["date"], path(where, "date")),
        opioids_positive=as_bool(obj["opioids_positive"], path(where, "opioids_positive")),
    )


def _challenge(value: Any) -> NaloxoneChallenge | None:
    if value is None:
        return None
    where = "naloxone_challenge"
    obj = as_object(value, where, required=("date", "withdrawal_signs"))
    return NaloxoneChallenge(
        date=as_date(obj["date"], path(where, "date")),
        withdrawal_signs=as_bool(obj["withdrawal_signs"], path(where, "withdrawal_signs")),
    )


def _labs(value: Any) -> tuple[LabResult, ...]:
    out = []
    for i, item in enumerate(as_list(value, "labs", max_items=100)):
        where = path("labs", i)
        obj = as_object(item, where, required=("test", "value", "upper_limit_normal", "date"))
        uln_path = path(where, "upper_limit_normal")
        uln = as_number(obj["upper_limit_normal"], uln_path)
        if uln <= 0:
            raise InputError(uln_path, "must be greater than 0")
        out.append(
            LabResult(
                test=_lab_test(obj["test"], path(where, "test")),
                value=as_number(obj["value"], path(where, "value"), minimum=0),
                upper_limit_normal=uln,
                date=as_date(obj["date"], path(where, "date")),
            )
        )
    return tuple(out)


def _medications(value: Any) -> tuple[str, ...]:
    items = as_list(value, "current_medications", max_items=100)
    return tuple(
        as_str(item, path("current_medications", i), max_length=200) for i, item in enumerate(items)
    )


def start_check_from_json(payload: Any) -> StartCheckInput:
    """Parse the start-check JSON object of CALCULATORS.md; raise ``InputError`` on any problem."""
    obj = as_object(payload, "", required=_REQUIRED, optional=_OPTIONAL)
    inp = StartCheckInput(
        date=as_date(obj["date"], "date"),
        indication=as_choice(obj["indication"], "indication", INDICATIONS),
        formulation=as_choice(obj["formulation"], "formulation", FORMULATIONS),
        opioid_exposures=_exposures(obj["opioid_exposures"]),
        urine_drug_screen=_screen(obj.get("urine_drug_screen")),
        naloxone_challenge=_challenge(obj.get("naloxone_challenge")),
        labs=_labs(obj.get("labs", [])),
        acute_hepatitis_or_liver_failure=as_bool(
            obj["acute_hepatitis_or_liver_failure"], "acute_hepatitis_or_liver_failure"
        ),
        needs_opioid_analgesics=as_bool(obj["needs_opioid_analgesics"], "needs_opioid_analgesics"),
        pregnant=as_optional_bool(obj["pregnant"], "pregnant"),
        naltrexone_hypersensitivity=as_bool(
            obj["naltrexone_hypersensitivity"], "naltrexone_hypersensitivity"
        ),
        current_medications=_medications(obj["current_medications"]),
    )
    validate(inp)
    return inp


def start_check_json(
    payload: Any,
    *,
    liver: LiverThresholds | None = None,
    policy: StartCheckPolicy | None = None,
) -> dict[str, Any]:
    """Parse, check and answer in JSON (the CLI and HTTP doors); raises ``InputError``."""
    return start_check(start_check_from_json(payload), liver=liver, policy=policy).to_json()
