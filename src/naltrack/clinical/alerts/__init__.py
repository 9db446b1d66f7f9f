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

from naltrack.clinical.alerts.evaluation import evaluate
from naltrack.clinical.alerts.finding import SEVERITY_ORDER, AlertFinding
from naltrack.clinical.alerts.rules import SUICIDAL_IDEATION_ALERT
from naltrack.clinical.alerts.snapshot import (
    CheckIn,
    InstrumentScore,
    LabResult,
    OpioidExposure,
    OralDoseEvent,
    PatientSnapshot,
    UrineDrugScreen,
)
from naltrack.clinical.alerts.thresholds import DEFAULT_THRESHOLDS, Thresholds

__all__ = [
    "DEFAULT_THRESHOLDS",
    "SEVERITY_ORDER",
    "SUICIDAL_IDEATION_ALERT",
    "AlertFinding",
    "CheckIn",
    "InstrumentScore",
    "LabResult",
    "OpioidExposure",
    "OralDoseEvent",
    "PatientSnapshot",
    "Thresholds",
    "UrineDrugScreen",
    "evaluate",
]
