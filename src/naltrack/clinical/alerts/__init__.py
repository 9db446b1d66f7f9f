"""Alert rules: from one patient's recent data, the alerts a clinician must see.

``evaluate(snapshot)`` is a pure function of a ``PatientSnapshot`` (its ``as_of`` date is "today":
the clock is never read) and of the clinic's ``Thresholds``. Data dated after ``as_of`` is ignored.

Each ``AlertFinding`` carries a ``key`` naming its cause, so the caller can keep one open alert
per key, and close an open alert whose key ``evaluate`` no longer returns (the cause has passed).
Rules about a single event key on that event (``injection_overdue:<last injection>``); rules about
a rolling window key on the rule alone (``heavy_drinking_days``), so the alert stays the same one
while the window slides and the condition persists.

One exception to "close when the key is gone": a finding whose evidence has
``acknowledge_to_close: true`` (the liver alerts) is closed only by a clinician's
acknowledgement. The rule keeps returning it for a run of raised results while that run is in the
look-back, even after a normal result (see ``liver_enzymes``); the caller keeps such an alert
open until it is acknowledged, even when its key is no longer returned, and does not open a new
alert for a key that a clinician has already acknowledged.

Severity, three levels:

- ``urgent``: act today (opioid use in any state, suicidal thoughts, markedly raised liver
  enzymes, no follow-up after stopping in opioid use disorder);
- ``high``: act within days (overdue injection, no follow-up after stopping in alcohol use
  disorder, depression symptoms at PHQ-9 10 or more, raised liver enzymes, missed doses in
  opioid use disorder);
- ``routine``: review at the next contact (cravings, heavy drinking, missed doses in alcohol use
  disorder).

Counting days: "in the last N days" means the N days ending on ``as_of``, ``as_of`` included.
"""

from naltrack.clinical.alerts.evaluation import (
    RULES,
    AlertRule,
    evaluate,
    rules_reading,
)
from naltrack.clinical.alerts.finding import SEVERITY_ORDER, AlertFinding
from naltrack.clinical.alerts.rules import SUICIDAL_IDEATION_ALERT
from naltrack.clinical.alerts.snapshot import (
    RECORD_FIELDS,
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
    "RECORD_FIELDS",
    "RULES",
    "SEVERITY_ORDER",
    "SUICIDAL_IDEATION_ALERT",
    "AlertFinding",
    "AlertRule",
    "CheckIn",
    "InstrumentScore",
    "LabResult",
    "OpioidExposure",
    "OralDoseEvent",
    "PatientSnapshot",
    "Thresholds",
    "UrineDrugScreen",
    "evaluate",
    "rules_reading",
]
