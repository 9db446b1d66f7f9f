"""``evaluate``: every alert one patient's snapshot raises — or those of the rules a write feeds.

Each rule is listed with the snapshot's record fields it reads and the codes it can raise, so
a write that changed one kind of row (a check-in, a dose) re-runs only the rules that read it
and settles only those rules' alerts (``care.services.alerts``). Every rule also reads the
episode's own fields (``EPISODE_FIELDS``); a write that changes one of those asks for all rules.
tests/clinical/test_alert_rule_reads.py watches every field each rule reads on random
snapshots, so a rule cannot start reading a field this table does not list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from naltrack.clinical.alerts.after_stopping import follow_up_missing
from naltrack.clinical.alerts.cravings import craving_high, craving_rising
from naltrack.clinical.alerts.doses import dose_reports_differ, injection_overdue, missed_doses
from naltrack.clinical.alerts.drinking import heavy_drinking
from naltrack.clinical.alerts.finding import SEVERITY_ORDER, AlertFinding
from naltrack.clinical.alerts.liver_enzymes import liver_enzymes
from naltrack.clinical.alerts.opioid_use import opioid_use
from naltrack.clinical.alerts.phq9 import phq9
from naltrack.clinical.alerts.rules import (
    CRAVING_HIGH,
    CRAVING_RISING,
    DEPRESSION_HIGH,
    DOSE_REPORT_DIFFERS,
    FOLLOW_UP_MISSING,
    HEAVY_DRINKING,
    INJECTION_OVERDUE,
    LIVER_HIGH,
    LIVER_VERY_HIGH,
    OPIOID_USE_AFTER_STOPPING,
    OPIOID_USE_IN_SCREENING,
    OPIOID_USE_ON_NALTREXONE,
    ORAL_DOSES_MISSED,
    SUICIDAL_IDEATION_ALERT,
)
from naltrack.clinical.alerts.snapshot import RECORD_FIELDS, PatientSnapshot
from naltrack.clinical.alerts.thresholds import DEFAULT_THRESHOLDS, Thresholds

# The episode's own fields, which any rule may read.
EPISODE_FIELDS: Final = frozenset(
    {"as_of", "state", "indication", "formulation", "sex", "stopped_on", "last_dose_on"}
)


@dataclass(frozen=True)
class AlertRule:
    """One rule: what it raises, from which of the snapshot's record fields."""

    check: Callable[[PatientSnapshot, Thresholds], list[AlertFinding]]
    reads: frozenset[str]
    codes: frozenset[str]


RULES: Final[tuple[AlertRule, ...]] = (
    AlertRule(
        opioid_use,
        frozenset({"check_ins", "drug_screens", "opioid_exposures", "cravings_used"}),
        frozenset({OPIOID_USE_IN_SCREENING, OPIOID_USE_ON_NALTREXONE, OPIOID_USE_AFTER_STOPPING}),
    ),
    AlertRule(
        lambda snapshot, _: phq9(snapshot),
        frozenset({"scores"}),
        frozenset({SUICIDAL_IDEATION_ALERT, DEPRESSION_HIGH}),
    ),
    AlertRule(liver_enzymes, frozenset({"labs"}), frozenset({LIVER_HIGH, LIVER_VERY_HIGH})),
    AlertRule(injection_overdue, frozenset({"injections"}), frozenset({INJECTION_OVERDUE})),
    AlertRule(
        follow_up_missing,
        frozenset({"follow_up_contacts", "follow_ups_booked"}),
        frozenset({FOLLOW_UP_MISSING}),
    ),
    AlertRule(missed_doses, frozenset({"oral_doses"}), frozenset({ORAL_DOSES_MISSED})),
    AlertRule(
        lambda snapshot, _: dose_reports_differ(snapshot),
        frozenset({"oral_doses"}),
        frozenset({DOSE_REPORT_DIFFERS}),
    ),
    AlertRule(craving_high, frozenset({"check_ins"}), frozenset({CRAVING_HIGH})),
    AlertRule(craving_rising, frozenset({"check_ins"}), frozenset({CRAVING_RISING})),
    AlertRule(heavy_drinking, frozenset({"check_ins"}), frozenset({HEAVY_DRINKING})),
)


def rules_reading(fields: Iterable[str]) -> tuple[AlertRule, ...]:
    """The rules a change to these fields can change the answer of (all of them for a change
    to the episode's own fields)."""
    changed = frozenset(fields)
    unknown = changed - RECORD_FIELDS - EPISODE_FIELDS
    if unknown:
        raise ValueError(f"not a field of the snapshot: {', '.join(sorted(unknown))}")
    if changed & EPISODE_FIELDS:
        return RULES
    return tuple(rule for rule in RULES if rule.reads & changed)


def evaluate(
    snapshot: PatientSnapshot,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    rules: Iterable[AlertRule] = RULES,
) -> list[AlertFinding]:
    """Every alert the rules raise on the snapshot, most severe first (then by code and key)."""
    alerts = [finding for rule in rules for finding in rule.check(snapshot, thresholds)]
    return sorted(alerts, key=lambda a: (SEVERITY_ORDER[a.severity], a.code, a.key))
