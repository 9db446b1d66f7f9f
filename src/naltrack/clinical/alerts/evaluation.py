"""``evaluate``: every alert one patient's snapshot raises."""

from __future__ import annotations

from naltrack.clinical.alerts.after_stopping import follow_up_missing
from naltrack.clinical.alerts.cravings import craving_high, craving_rising
from naltrack.clinical.alerts.doses import dose_reports_differ, injection_overdue, missed_doses
from naltrack.clinical.alerts.drinking import heavy_drinking
from naltrack.clinical.alerts.finding import SEVERITY_ORDER, AlertFinding
from naltrack.clinical.alerts.liver_enzymes import liver_enzymes
from naltrack.clinical.alerts.opioid_use import opioid_use
from naltrack.clinical.alerts.phq9 import phq9
from naltrack.clinical.alerts.snapshot import PatientSnapshot
from naltrack.clinical.alerts.thresholds import DEFAULT_THRESHOLDS, Thresholds


def evaluate(
    snapshot: PatientSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[AlertFinding]:
    """Every alert the snapshot raises, most severe first (then by code and key)."""
    alerts = [
        *opioid_use(snapshot, thresholds),
        *phq9(snapshot),
        *liver_enzymes(snapshot, thresholds),
        *injection_overdue(snapshot, thresholds),
        *follow_up_missing(snapshot, thresholds),
        *missed_doses(snapshot, thresholds),
        *dose_reports_differ(snapshot),
        *craving_high(snapshot, thresholds),
        *craving_rising(snapshot, thresholds),
        *heavy_drinking(snapshot, thresholds),
    ]
    return sorted(alerts, key=lambda a: (SEVERITY_ORDER[a.severity], a.code, a.key))
