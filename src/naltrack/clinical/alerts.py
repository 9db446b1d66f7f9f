"""Alert rules: from one patient's recent data, the alerts a clinician must see.

``evaluate(snapshot)`` is a pure function of a ``PatientSnapshot`` (its ``as_of`` date is "today":
the clock is never read) and of the clinic's ``Thresholds``. Data dated after ``as_of`` is ignored.

Each ``AlertFinding`` carries a ``key`` naming its cause, so the caller can keep one open alert
per key, and close an open alert whose key ``evaluate`` no longer returns (the cause has passed).
Rules about a single event key on that event (``injection_overdue:<last injection>``); rules about
a rolling window key on the rule alone (``heavy_drinking_days``), so the alert stays the same one
while the window slides and the condition persists.

Severity, three levels:

- ``urgent``: act today (risk of overdose or of suicide, markedly raised liver enzymes);
- ``high``: act within days (overdue injection, stopped without follow-up, severe depression
  symptoms, raised liver enzymes, missed doses in opioid use disorder);
- ``routine``: review at the next contact (cravings, heavy drinking, missed doses in alcohol use
  disorder).

Counting days: "in the last N days" means the N days ending on ``as_of``, ``as_of`` included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, TypeAlias

from naltrack.clinical.evidence import check_source, rule
from naltrack.clinical.formulary import XR_INTERVAL_DAYS, Formulation
from naltrack.clinical.instruments import SUICIDAL_IDEATION
from naltrack.clinical.instruments.spec import InstrumentId, Sex
from naltrack.clinical.liver import LIVER_ENZYMES, LIVER_REVIEW_MULTIPLE, LIVER_WARN_MULTIPLE

EpisodeState = Literal["screening", "induction", "maintenance", "tapering", "stopped"]
Indication = Literal["AUD", "OUD", "OUD_AUD"]
AlertSeverity = Literal["urgent", "high", "routine"]
DoseStatus = Literal["taken", "missed"]

JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None

SEVERITY_ORDER: Final[dict[AlertSeverity, int]] = {"urgent": 0, "high": 1, "routine": 2}

# States in which the patient is taking naltrexone (screening is before the first dose).
ON_NALTREXONE: Final[frozenset[EpisodeState]] = frozenset({"induction", "maintenance", "tapering"})


# ---------------------------------------------------------------------------------------------
# The snapshot


@dataclass(frozen=True)
class OralDoseEvent:
    on: dt.date
    status: DoseStatus


@dataclass(frozen=True)
class CheckIn:
    """A patient check-in: craving 0-10, standard drinks that day (None: not asked), opioid use."""

    on: dt.date
    craving: int
    drinks: int | None = None
    opioid_use: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.craving <= 10:
            raise ValueError("craving must be 0-10")
        if self.drinks is not None and self.drinks < 0:
            raise ValueError("drinks cannot be negative")


@dataclass(frozen=True)
class LabResult:
    on: dt.date
    test: str
    value: float
    upper_limit_normal: float

    def __post_init__(self) -> None:
        if self.upper_limit_normal <= 0:
            raise ValueError("upper_limit_normal must be positive")

    @property
    def multiple_of_uln(self) -> float:
        return self.value / self.upper_limit_normal


@dataclass(frozen=True)
class UrineDrugScreen:
    on: dt.date
    opioids_positive: bool


@dataclass(frozen=True)
class InstrumentScore:
    """A stored result of ``instruments.score``."""

    on: dt.date
    instrument: InstrumentId
    score: int
    band: str | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PatientSnapshot:
    """One patient's current episode and recent data, as of one date.

    ``stopped_on`` is the date the episode was stopped (required when ``state`` is ``stopped``);
    ``follow_up_contacts`` are the dates of contacts with the patient after stopping.
    ``last_dose_on`` is carried for the caller's display; no current rule reads it.
    Sequences are stored as tuples; their order does not matter.
    """

    as_of: dt.date
    state: EpisodeState
    indication: Indication
    formulation: Formulation | None = None
    sex: Sex | None = None
    stopped_on: dt.date | None = None
    last_dose_on: dt.date | None = None
    injections: Sequence[dt.date] = ()
    oral_doses: Sequence[OralDoseEvent] = ()
    check_ins: Sequence[CheckIn] = ()
    labs: Sequence[LabResult] = ()
    drug_screens: Sequence[UrineDrugScreen] = ()
    scores: Sequence[InstrumentScore] = ()
    follow_up_contacts: Sequence[dt.date] = ()
    follow_ups_booked: Sequence[dt.date] = ()

    def __post_init__(self) -> None:
        if self.state == "stopped" and self.stopped_on is None:
            raise ValueError("a stopped episode needs stopped_on")
        for name in (
            "injections",
            "oral_doses",
            "check_ins",
            "labs",
            "drug_screens",
            "scores",
            "follow_up_contacts",
            "follow_ups_booked",
        ):
            object.__setattr__(self, name, tuple(getattr(self, name)))


# ---------------------------------------------------------------------------------------------
# Thresholds


@dataclass(frozen=True)
class Thresholds:
    """The alert thresholds; a clinic may change any of them.

    Attributes, with the source of each default:
        liver_warn_multiple: ALT or AST above this multiple of the upper limit of normal raises a
            ``high`` alert. 3.0 (NALTRACK, informed by TIP63/AUDGUIDE monitoring advice and the
            >3 times ULN exclusion of the Vivitrol OUD trial, VIVITROL).
        liver_urgent_multiple: above this multiple, an ``urgent`` alert. 5.0 (NALTRACK, informed
            by the >5 times ULN exclusion of X:BOT, XBOT).
        injection_overdue_days: an injection is overdue when ``as_of`` is more than this many
            days after the last one. 28 (VIVITROL: every 4 weeks; blockade counts as ended at 28).
        missed_doses_window_days / missed_doses_count: this many missed oral doses in that many
            days raise an alert. 7 days, 3 doses (NALTRACK).
        craving_high: a craving at or above this on the latest check-in. 7 (NALTRACK: the "high"
            band of the craving scale).
        craving_rise_window_days / craving_rise_points: the mean craving of the last window is at
            least this many points above the mean of the window before. 7 days, 2.0 (NALTRACK).
        heavy_drinking_drinks_female / heavy_drinking_drinks_male: drinks in a day that make it a
            heavy drinking day; the lower (female) figure when sex is unknown. 4 / 5 (NALTRACK,
            following the common NIAAA definition of a heavy drinking day).
        heavy_drinking_days / heavy_drinking_window_days: this many heavy drinking days in that
            many days. 2 in 7 (NALTRACK).
        opioid_use_lookback_days: reported opioid use or an opioid-positive screen counts for this
            many days. 14 (NALTRACK).
        high_risk_window_days: after stopping, the window of highest overdose vulnerability.
            90 (NALTRACK, from the overdose warnings of REVIA, VIVITROL and TIP63).
        follow_up_gap_days: within that window, an alert when there has been no follow-up contact
            for this many days (counted from the stop when there has been none). 14 (NALTRACK).
    """

    liver_warn_multiple: float = LIVER_WARN_MULTIPLE  # source: NALTRACK (see clinical.liver)
    liver_urgent_multiple: float = LIVER_REVIEW_MULTIPLE  # source: NALTRACK (see clinical.liver)
    injection_overdue_days: int = XR_INTERVAL_DAYS  # source: VIVITROL (28 days)
    missed_doses_window_days: int = 7  # source: NALTRACK
    missed_doses_count: int = 3  # source: NALTRACK
    craving_high: int = 7  # source: NALTRACK (craving scale band "high" is 7-10)
    craving_rise_window_days: int = 7  # source: NALTRACK
    craving_rise_points: float = 2.0  # source: NALTRACK
    heavy_drinking_drinks_female: int = 4  # source: NALTRACK (common NIAAA definition)
    heavy_drinking_drinks_male: int = 5  # source: NALTRACK (common NIAAA definition)
    heavy_drinking_days: int = 2  # source: NALTRACK
    heavy_drinking_window_days: int = 7  # source: NALTRACK
    opioid_use_lookback_days: int = 14  # source: NALTRACK
    high_risk_window_days: int = 90  # source: NALTRACK (REVIA+VIVITROL+TIP63 overdose warnings)
    follow_up_gap_days: int = 14  # source: NALTRACK
    follow_up_grace_days: int = 3  # source: NALTRACK

    def __post_init__(self) -> None:
        if not 0 < self.liver_warn_multiple <= self.liver_urgent_multiple:
            raise ValueError("liver multiples must be positive, warn <= urgent")
        if not 0 <= self.craving_high <= 10:
            raise ValueError("craving_high must be 0-10")
        if self.craving_rise_points <= 0:
            raise ValueError("craving_rise_points must be positive")
        for name in (
            "injection_overdue_days",
            "missed_doses_window_days",
            "missed_doses_count",
            "craving_rise_window_days",
            "heavy_drinking_drinks_female",
            "heavy_drinking_drinks_male",
            "heavy_drinking_days",
            "heavy_drinking_window_days",
            "opioid_use_lookback_days",
            "high_risk_window_days",
            "follow_up_gap_days",
            "follow_up_grace_days",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")


DEFAULT_THRESHOLDS: Final = Thresholds()
_D: Final = DEFAULT_THRESHOLDS


# ---------------------------------------------------------------------------------------------
# The finding


@dataclass(frozen=True)
class AlertFinding:
    code: str
    severity: AlertSeverity
    message: str
    evidence: Mapping[str, JSONValue]
    source: str
    key: str

    def __post_init__(self) -> None:
        check_source(self.source)
        object.__setattr__(self, "evidence", MappingProxyType(dict(self.evidence)))

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "evidence": dict(self.evidence),
            "source": self.source,
            "key": self.key,
        }


# ---------------------------------------------------------------------------------------------
# The rules

LIVER_HIGH = rule(
    code="liver_enzymes_high",
    area="alerts",
    summary="On naltrexone, the latest ALT or AST is raised: review liver function (high)",
    threshold=f"> {_D.liver_warn_multiple:g} times the upper limit of normal (Naltrack default, "
    "clinic-configurable; informed by TIP63/AUDGUIDE and the Vivitrol OUD trial's exclusion)",
    source="NALTRACK+VIVITROL",
)
LIVER_VERY_HIGH = rule(
    code="liver_enzymes_very_high",
    area="alerts",
    summary="On naltrexone, the latest ALT or AST is markedly raised: a clinician decides today "
    "(urgent)",
    threshold=f"> {_D.liver_urgent_multiple:g} times the upper limit of normal (Naltrack default, "
    "clinic-configurable; informed by the X:BOT trial's exclusion)",
    source="NALTRACK+XBOT+VIVITROL",
)
INJECTION_OVERDUE = rule(
    code="injection_overdue",
    area="alerts",
    summary="Extended-release injection overdue: blockade can no longer be relied on (high)",
    threshold=f"today later than the last injection + {_D.injection_overdue_days} days",
    source="VIVITROL",
)
ORAL_DOSES_MISSED = rule(
    code="oral_doses_missed",
    area="alerts",
    summary="Oral doses missed while on naltrexone (high in opioid use disorder, routine in "
    "alcohol use disorder)",
    threshold=f"≥ {_D.missed_doses_count} missed doses in the last {_D.missed_doses_window_days} "
    "days (Naltrack default, clinic-configurable)",
    source="NALTRACK+REVIA",
)
CRAVING_HIGH = rule(
    code="craving_high",
    area="alerts",
    summary="High craving on the latest check-in (routine)",
    threshold=f"craving ≥ {_D.craving_high} of 10 (Naltrack default: the scale's 'high' band)",
    source="NALTRACK",
)
CRAVING_RISING = rule(
    code="craving_rising",
    area="alerts",
    summary="Cravings rising (routine)",
    threshold=f"mean craving of the last {_D.craving_rise_window_days} days ≥ "
    f"{_D.craving_rise_points:g} points above the mean of the {_D.craving_rise_window_days} days "
    "before (Naltrack default, clinic-configurable)",
    source="NALTRACK",
)
HEAVY_DRINKING = rule(
    code="heavy_drinking_days",
    area="alerts",
    summary="Repeated heavy drinking days (routine)",
    threshold=f"≥ {_D.heavy_drinking_days} heavy drinking days in the last "
    f"{_D.heavy_drinking_window_days} days; a heavy drinking day is ≥ "
    f"{_D.heavy_drinking_drinks_female} drinks for women (or sex unknown), ≥ "
    f"{_D.heavy_drinking_drinks_male} for men, following the common NIAAA definition "
    "(Naltrack default, clinic-configurable)",
    source="NALTRACK",
)
OPIOID_USE_ON_NALTREXONE = rule(
    code="opioid_use_on_naltrexone",
    area="alerts",
    summary="Opioid use reported, or an opioid-positive urine screen, while on naltrexone: "
    "overcoming the blockade with large doses can cause fatal overdose (urgent)",
    threshold=f"any, in the last {_D.opioid_use_lookback_days} days (Naltrack default look-back)",
    source="REVIA+VIVITROL+TIP63",
)
OPIOID_USE_AFTER_STOPPING = rule(
    code="opioid_use_after_stopping",
    area="alerts",
    summary="Opioid use reported, or an opioid-positive urine screen, after stopping naltrexone: "
    "tolerance is low, so a previously tolerated dose can be fatal (urgent)",
    threshold=f"any, in the last {_D.opioid_use_lookback_days} days, within "
    f"{_D.high_risk_window_days} days of stopping (Naltrack defaults)",
    source="REVIA+VIVITROL+TIP63",
)
FOLLOW_UP_MISSING = rule(
    code="follow_up_missing_after_stop",
    area="alerts",
    summary="Stopped naltrexone recently and no follow-up contact: overdose vulnerability (high)",
    threshold=f"stopped in the last {_D.high_risk_window_days} days and a booked follow-up "
    f"contact more than {_D.follow_up_grace_days} days late; with none booked, no contact for "
    f"{_D.follow_up_gap_days} days or more, counted from the stop if none since (Naltrack "
    "defaults)",
    source="NALTRACK+REVIA+VIVITROL+TIP63",
)
SUICIDAL_IDEATION_ALERT = rule(
    code="suicidal_ideation",
    area="alerts",
    summary="Latest PHQ-9: thoughts of being better off dead or of self-harm (urgent)",
    threshold="PHQ-9 item 9 > 0, whatever the total",
    source="PHQ9",
)
DEPRESSION_HIGH = rule(
    code="depression_symptoms_high",
    area="alerts",
    summary="Latest PHQ-9 moderately severe or severe: depression has been reported in people "
    "treated with naltrexone; review (high)",
    threshold="PHQ-9 total ≥ 15 (band moderately_severe or severe)",
    source="PHQ9+REVIA+VIVITROL",
)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _days_ago(snapshot: PatientSnapshot, day: dt.date) -> int:
    return (snapshot.as_of - day).days


def _in_last(snapshot: PatientSnapshot, day: dt.date, days: int, *, skip: int = 0) -> bool:
    """Whether ``day`` falls in the ``days`` days ending ``skip`` days before ``as_of``."""
    return skip <= _days_ago(snapshot, day) < skip + days


def _up_to_today(snapshot: PatientSnapshot, days: Iterable[dt.date]) -> list[dt.date]:
    return sorted(day for day in days if day <= snapshot.as_of)


def _times(multiple: float) -> str:
    return f"{round(multiple, 2):g}"


def _number(value: float) -> str:
    return f"{value:g}"


def _liver(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    if snapshot.state not in ON_NALTREXONE:
        return []
    alerts: list[AlertFinding] = []
    for test in LIVER_ENZYMES:
        results = [
            lab
            for lab in snapshot.labs
            if lab.test.strip().upper() == test and lab.on <= snapshot.as_of
        ]
        if not results:
            continue
        latest = max(results, key=lambda lab: lab.on)
        multiple = latest.multiple_of_uln
        evidence: dict[str, JSONValue] = {
            "test": test,
            "date": _iso(latest.on),
            "value": latest.value,
            "upper_limit_normal": latest.upper_limit_normal,
            "multiple_of_uln": round(multiple, 2),
        }
        stated = (
            f"{test} was {_number(latest.value)} on {_iso(latest.on)}, "
            f"{_times(multiple)} times the upper limit of normal "
            f"({_number(latest.upper_limit_normal)})"
        )
        # source: NALTRACK, informed by XBOT (>5x ULN) and VIVITROL §5.4 (stop at acute hepatitis)
        if multiple > t.liver_urgent_multiple:
            evidence["threshold_multiple"] = t.liver_urgent_multiple
            alerts.append(
                AlertFinding(
                    code=LIVER_VERY_HIGH,
                    severity="urgent",
                    message=f"{stated}: above the clinic's limit of "
                    f"{_number(t.liver_urgent_multiple)} times. A clinician should review today: "
                    "check for signs or symptoms of acute hepatitis, and stop naltrexone if there "
                    "are any.",
                    evidence=evidence,
                    source="NALTRACK+XBOT+VIVITROL",
                    key=f"{LIVER_VERY_HIGH}:{test}",
                )
            )
        # source: NALTRACK, informed by TIP63/AUDGUIDE and VIVITROL (trial exclusion >3x ULN)
        elif multiple > t.liver_warn_multiple:
            evidence["threshold_multiple"] = t.liver_warn_multiple
            alerts.append(
                AlertFinding(
                    code=LIVER_HIGH,
                    severity="high",
                    message=f"{stated}: above the clinic's limit of "
                    f"{_number(t.liver_warn_multiple)} times. Review liver function, repeat the "
                    "tests sooner, and stop naltrexone if there are signs or symptoms of acute "
                    "hepatitis.",
                    evidence=evidence,
                    source="NALTRACK+VIVITROL",
                    key=f"{LIVER_HIGH}:{test}",
                )
            )
    return alerts


def _injection_overdue(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    # Only while injections are meant to continue: not in screening, tapering or after stopping.
    if snapshot.formulation != "xr_injection" or snapshot.state not in ("induction", "maintenance"):
        return []
    given = _up_to_today(snapshot, snapshot.injections)
    if not given:
        return []
    last = given[-1]
    due = last + dt.timedelta(days=t.injection_overdue_days)
    # source: VIVITROL — every 4 weeks; overdue when today is later than last + 28 days.
    if snapshot.as_of <= due:
        return []
    days_overdue = (snapshot.as_of - due).days
    return [
        AlertFinding(
            code=INJECTION_OVERDUE,
            severity="high",
            message=f"The last injection was on {_iso(last)} and the next was due by {_iso(due)}; "
            f"it is {days_overdue} day{'s' if days_overdue != 1 else ''} overdue. Opioid blockade "
            "can no longer be relied on and tolerance to opioids may be low, so a previously "
            "tolerated dose could be fatal. Give the next injection as soon as possible; if the "
            "patient has used opioids regularly since, reassess for opioid dependence first. "
            "Make sure the patient has naloxone.",
            evidence={
                "last_injection": _iso(last),
                "due": _iso(due),
                "days_overdue": days_overdue,
                "interval_days": t.injection_overdue_days,
            },
            source="VIVITROL",
            key=f"{INJECTION_OVERDUE}:{_iso(last)}",
        )
    ]


def _missed_doses(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    if snapshot.formulation != "oral" or snapshot.state not in ON_NALTREXONE:
        return []
    missed = sorted(
        {
            event.on
            for event in snapshot.oral_doses
            if event.status == "missed" and _in_last(snapshot, event.on, t.missed_doses_window_days)
        }
    )
    # source: NALTRACK — N missed doses in the last 7 days.
    if len(missed) < t.missed_doses_count:
        return []
    opioid = snapshot.indication in ("OUD", "OUD_AUD")
    advice = (
        "Blockade ends about a day after a missed dose, and tolerance to opioids may be low: "
        "talk with the patient about overdose risk, naloxone and whether supervised dosing or "
        "an injection would help."
        if opioid
        else "Talk with the patient about what gets in the way, and whether supervised dosing "
        "or an injection would help."
    )
    return [
        AlertFinding(
            code=ORAL_DOSES_MISSED,
            severity="high" if opioid else "routine",
            message=f"{len(missed)} oral doses were missed in the last "
            f"{t.missed_doses_window_days} days. {advice}",
            evidence={
                "missed_dates": [_iso(day) for day in missed],
                "window_days": t.missed_doses_window_days,
                "threshold_count": t.missed_doses_count,
            },
            source="NALTRACK+REVIA" if opioid else "NALTRACK",
            key=ORAL_DOSES_MISSED,
        )
    ]


def _check_ins(snapshot: PatientSnapshot) -> list[CheckIn]:
    return sorted((c for c in snapshot.check_ins if c.on <= snapshot.as_of), key=lambda c: c.on)


def _craving_high(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    check_ins = _check_ins(snapshot)
    if not check_ins:
        return []
    latest_day = check_ins[-1].on
    # The highest craving reported on the latest check-in day.
    craving = max(c.craving for c in check_ins if c.on == latest_day)
    # source: NALTRACK — craving scale band "high" (7-10).
    if craving < t.craving_high:
        return []
    return [
        AlertFinding(
            code=CRAVING_HIGH,
            severity="routine",
            message=f"The patient reported a craving of {craving} out of 10 on {_iso(latest_day)}. "
            "Talk about cravings and triggers, and consider more support.",
            evidence={"date": _iso(latest_day), "craving": craving, "threshold": t.craving_high},
            source="NALTRACK",
            key=f"{CRAVING_HIGH}:{_iso(latest_day)}",
        )
    ]


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values)


def _craving_rising(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    window = t.craving_rise_window_days
    check_ins = _check_ins(snapshot)
    recent = [c.craving for c in check_ins if _in_last(snapshot, c.on, window)]
    before = [c.craving for c in check_ins if _in_last(snapshot, c.on, window, skip=window)]
    if not recent or not before:
        return []
    rise = _mean(recent) - _mean(before)
    # source: NALTRACK — a rise of >= 2 points between consecutive 7-day means.
    if rise < t.craving_rise_points:
        return []
    return [
        AlertFinding(
            code=CRAVING_RISING,
            severity="routine",
            message=f"Cravings are rising: a mean of {_mean(recent):.1f} out of 10 in the last "
            f"{window} days against {_mean(before):.1f} in the {window} days before. Talk about "
            "what has changed, and consider more support.",
            evidence={
                "recent_mean": round(_mean(recent), 2),
                "previous_mean": round(_mean(before), 2),
                "rise": round(rise, 2),
                "window_days": window,
                "threshold_points": t.craving_rise_points,
            },
            source="NALTRACK",
            key=CRAVING_RISING,
        )
    ]


def _heavy_drinking(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    # source: NALTRACK, following the common NIAAA definition: >= 4 drinks (women), >= 5 (men);
    # the lower figure when sex is unknown.
    limit = (
        t.heavy_drinking_drinks_male if snapshot.sex == "male" else t.heavy_drinking_drinks_female
    )
    per_day: dict[dt.date, int] = {}
    for check_in in _check_ins(snapshot):
        if check_in.drinks is not None and _in_last(
            snapshot, check_in.on, t.heavy_drinking_window_days
        ):
            per_day[check_in.on] = per_day.get(check_in.on, 0) + check_in.drinks
    heavy = sorted(day for day, drinks in per_day.items() if drinks >= limit)
    if len(heavy) < t.heavy_drinking_days:
        return []
    return [
        AlertFinding(
            code=HEAVY_DRINKING,
            severity="routine",
            message=f"{len(heavy)} heavy drinking days ({limit} or more drinks) in the last "
            f"{t.heavy_drinking_window_days} days. Review the treatment plan and support with "
            "the patient.",
            evidence={
                "heavy_days": [_iso(day) for day in heavy],
                "drinks": {_iso(day): per_day[day] for day in heavy},
                "drinks_threshold": limit,
                "window_days": t.heavy_drinking_window_days,
                "threshold_days": t.heavy_drinking_days,
            },
            source="NALTRACK",
            key=HEAVY_DRINKING,
        )
    ]


def _days_since_stop(snapshot: PatientSnapshot) -> int | None:
    if snapshot.state != "stopped" or snapshot.stopped_on is None:
        return None
    return _days_ago(snapshot, snapshot.stopped_on)


def _in_high_risk_window(snapshot: PatientSnapshot, t: Thresholds) -> bool:
    days = _days_since_stop(snapshot)
    # source: NALTRACK — stopped within the last 90 days (REVIA+VIVITROL+TIP63 overdose warnings).
    return days is not None and 0 <= days < t.high_risk_window_days


def _opioid_use(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    on_treatment = snapshot.state in ON_NALTREXONE
    after_stop = _in_high_risk_window(snapshot, t)
    if not on_treatment and not after_stop:
        return []
    lookback = t.opioid_use_lookback_days
    reported = sorted(
        {c.on for c in _check_ins(snapshot) if c.opioid_use and _in_last(snapshot, c.on, lookback)}
    )
    positive = sorted(
        {
            s.on
            for s in snapshot.drug_screens
            if s.opioids_positive and s.on <= snapshot.as_of and _in_last(snapshot, s.on, lookback)
        }
    )
    if not reported and not positive:
        return []
    latest = max(reported + positive)
    parts = []
    if reported:
        parts.append(f"opioid use was reported on {', '.join(_iso(d) for d in reported)}")
    if positive:
        dates = ", ".join(_iso(d) for d in positive)
        parts.append(f"a urine drug screen was positive for opioids on {dates}")
    what = " and ".join(parts)
    what = what[0].upper() + what[1:]
    evidence: dict[str, JSONValue] = {
        "reported_use": [_iso(d) for d in reported],
        "positive_screens": [_iso(d) for d in positive],
        "state": snapshot.state,
        "lookback_days": lookback,
    }
    if on_treatment:
        # source: REVIA, VIVITROL, TIP63 — trying to overcome the blockade can cause fatal overdose.
        return [
            AlertFinding(
                code=OPIOID_USE_ON_NALTREXONE,
                severity="urgent",
                message=f"{what} during naltrexone treatment. Trying to overcome the "
                "blockade with large amounts of opioids can cause a fatal overdose, and "
                "tolerance is lower near the end of a dosing interval or after missed doses. "
                "Contact the patient today, review the plan, and make sure they have naloxone.",
                evidence=evidence,
                source="REVIA+VIVITROL+TIP63",
                key=f"{OPIOID_USE_ON_NALTREXONE}:{_iso(latest)}",
            )
        ]
    assert snapshot.stopped_on is not None
    evidence["stopped_on"] = _iso(snapshot.stopped_on)
    # source: REVIA, VIVITROL, TIP63 — after stopping, tolerance is low: overdose risk.
    return [
        AlertFinding(
            code=OPIOID_USE_AFTER_STOPPING,
            severity="urgent",
            message=f"{what}; naltrexone was stopped on {_iso(snapshot.stopped_on)}. "
            "After stopping, tolerance to opioids is lower than before, so a dose once "
            "tolerated can cause a fatal overdose. Contact the patient today, make sure they "
            "have naloxone, and offer treatment again.",
            evidence=evidence,
            source="REVIA+VIVITROL+TIP63",
            key=f"{OPIOID_USE_AFTER_STOPPING}:{_iso(latest)}",
        )
    ]


def _follow_up_missing(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    """A stopped patient the clinic has lost touch with.

    With contacts booked by the stop plan, a booked contact more than the grace days late with
    no contact since (a day or so early counts) raises it, so a plan kept to the letter never
    alerts between its monthly contacts. With none booked, a plain gap since the last contact.
    """
    if not _in_high_risk_window(snapshot, t):
        return []
    stopped_on = snapshot.stopped_on
    assert stopped_on is not None
    contacts = [d for d in _up_to_today(snapshot, snapshot.follow_up_contacts) if d >= stopped_on]
    since = contacts[-1] if contacts else stopped_on
    gap = _days_ago(snapshot, since)
    grace = dt.timedelta(days=t.follow_up_grace_days)
    late = [
        booked
        for booked in sorted(snapshot.follow_ups_booked)
        if booked + grace < snapshot.as_of and not any(c >= booked - grace for c in contacts)
    ]
    # source: NALTRACK — a booked contact 3 days late, or (none booked) 14 days without contact.
    if snapshot.follow_ups_booked and not late:
        return []
    if not snapshot.follow_ups_booked and gap < t.follow_up_gap_days:
        return []
    if late:
        when = f"the follow-up contact booked for {_iso(late[0])} has not happened"
    elif contacts:
        when = f"the last follow-up contact was {gap} days ago, on {_iso(since)}"
    else:
        when = "there has been no follow-up contact since"
    risk = (
        "Tolerance to opioids is lower after stopping, so a previously tolerated dose can cause a "
        "fatal overdose."
        if snapshot.indication in ("OUD", "OUD_AUD")
        else "Cravings and drinking may return; and if the patient uses opioids, tolerance is low, "
        "so a previously tolerated dose can cause a fatal overdose."
    )
    return [
        AlertFinding(
            code=FOLLOW_UP_MISSING,
            severity="high",
            message=f"Naltrexone was stopped on {_iso(stopped_on)} "
            f"({_days_ago(snapshot, stopped_on)} days ago) and {when}. {risk} Contact the "
            "patient, ask about cravings and drug or alcohol use, and make sure they have "
            "naloxone.",
            evidence={
                "stopped_on": _iso(stopped_on),
                "last_contact": _iso(contacts[-1]) if contacts else None,
                "days_without_contact": gap,
                "gap_threshold_days": t.follow_up_gap_days,
                "late_booked_contacts": [_iso(d) for d in late],
                "window_days": t.high_risk_window_days,
            },
            source="NALTRACK+REVIA+VIVITROL+TIP63",
            key=f"{FOLLOW_UP_MISSING}:{_iso(since)}",
        )
    ]


def _phq9(snapshot: PatientSnapshot) -> list[AlertFinding]:
    results = [s for s in snapshot.scores if s.instrument == "phq9" and s.on <= snapshot.as_of]
    if not results:
        return []
    latest = max(results, key=lambda s: s.on)
    day = _iso(latest.on)
    evidence: dict[str, JSONValue] = {
        "date": day,
        "score": latest.score,
        "band": latest.band,
        "flags": list(latest.flags),
    }
    alerts: list[AlertFinding] = []
    # source: PHQ9 — item 9 > 0: alert the clinician at once, whatever the total.
    if SUICIDAL_IDEATION in latest.flags:
        alerts.append(
            AlertFinding(
                code=SUICIDAL_IDEATION_ALERT,
                severity="urgent",
                message=f"On the PHQ-9 of {day} the patient reported thoughts of being better off "
                "dead or of self-harm (item 9). Assess suicide risk today. Make sure the patient "
                "knows they can call or text 988 (Suicide & Crisis Lifeline) at any time, or 911 "
                "in an emergency.",
                evidence=evidence,
                source="PHQ9",
                key=f"{SUICIDAL_IDEATION_ALERT}:{day}",
            )
        )
    # source: PHQ9 bands; REVIA/VIVITROL — depression reported in people treated: monitor.
    if latest.band in ("moderately_severe", "severe"):
        band = latest.band.replace("_", " ")
        alerts.append(
            AlertFinding(
                code=DEPRESSION_HIGH,
                severity="high",
                message=f"The PHQ-9 of {day} scored {latest.score} of 27 ({band} depression "
                "symptoms). Depression and suicidal thoughts have been reported in people "
                "treated for substance use: review with the patient and consider referral.",
                evidence=evidence,
                source="PHQ9+REVIA+VIVITROL",
                key=f"{DEPRESSION_HIGH}:{day}",
            )
        )
    return alerts


def evaluate(
    snapshot: PatientSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[AlertFinding]:
    """Every alert the snapshot raises, most severe first (then by code and key)."""
    alerts = [
        *_opioid_use(snapshot, thresholds),
        *_phq9(snapshot),
        *_liver(snapshot, thresholds),
        *_injection_overdue(snapshot, thresholds),
        *_follow_up_missing(snapshot, thresholds),
        *_missed_doses(snapshot, thresholds),
        *_craving_high(snapshot, thresholds),
        *_craving_rising(snapshot, thresholds),
        *_heavy_drinking(snapshot, thresholds),
    ]
    return sorted(alerts, key=lambda a: (SEVERITY_ORDER[a.severity], a.code, a.key))
