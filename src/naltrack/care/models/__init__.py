"""The clinical record. Every table carries its clinic; every query starts from ``visible_to``.

One module per part of the record; this package is what the rest of Naltrack imports.
"""

from naltrack.care.models.alerts import Alert
from naltrack.care.models.cravings import CravingEpisode, CravingPlan
from naltrack.care.models.monitoring import (
    CheckIn,
    ClinicalNote,
    DrugScreen,
    InstrumentResponse,
    LabResult,
    TherapySession,
)
from naltrack.care.models.patient import (
    ClinicalQuerySet,
    Patient,
    PatientQuerySet,
    PatientRow,
    full_name_of,
)
from naltrack.care.models.treatment import (
    SITE_CHOICES,
    DoseEvent,
    Episode,
    FollowUp,
    Injection,
    OpioidExposure,
    Regimen,
    StartCheck,
    TaperPlan,
    WithdrawnDoseReport,
)

__all__ = [
    "SITE_CHOICES",
    "Alert",
    "CheckIn",
    "ClinicalNote",
    "ClinicalQuerySet",
    "CravingEpisode",
    "CravingPlan",
    "DoseEvent",
    "DrugScreen",
    "Episode",
    "FollowUp",
    "Injection",
    "InstrumentResponse",
    "LabResult",
    "OpioidExposure",
    "Patient",
    "PatientQuerySet",
    "PatientRow",
    "Regimen",
    "StartCheck",
    "TaperPlan",
    "TherapySession",
    "WithdrawnDoseReport",
    "full_name_of",
]
