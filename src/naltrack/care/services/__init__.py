"""Writing the clinical record: load → ask the clinical core → store → audit → recompute alerts.

Every write of a patient's record goes through a function of this package, one module per
topic, so the web pages, the API, the demo clinic and background tasks all keep the same rules.
The names below are the record's whole write surface.
"""

from naltrack.care.errors import ClinicalRuleError
from naltrack.care.services.alerts import (
    alert_acknowledge,
    alerts_deferred,
    alerts_refresh,
    alerts_refresh_many,
)
from naltrack.care.services.cravings import (
    PLAN_FIELDS,
    craving_episode_finish,
    craving_episode_start,
    craving_episode_try,
    craving_plan_save,
)
from naltrack.care.services.dose_reports import dose_report_withdraw
from naltrack.care.services.history import (
    CheckInEntry,
    DoseEntry,
    check_ins_record_many,
    doses_record_many,
)
from naltrack.care.services.monitoring import (
    check_in_record,
    drug_screen_record,
    instrument_record,
    lab_record,
    note_add,
    therapy_session_mark,
    therapy_session_schedule,
)
from naltrack.care.services.patients import patient_contacted, patient_create, patient_update
from naltrack.care.services.regimens import (
    dose_record,
    episode_open,
    injection_record,
    opioid_exposure_record,
    regimen_start,
    start_check_run,
)
from naltrack.care.services.stopping import (
    discontinuation_plan_store,
    episodes_finish_tapers,
    follow_up_record,
)

__all__ = [
    "PLAN_FIELDS",
    "CheckInEntry",
    "ClinicalRuleError",
    "DoseEntry",
    "alert_acknowledge",
    "alerts_deferred",
    "alerts_refresh",
    "alerts_refresh_many",
    "check_in_record",
    "check_ins_record_many",
    "craving_episode_finish",
    "craving_episode_start",
    "craving_episode_try",
    "craving_plan_save",
    "discontinuation_plan_store",
    "dose_record",
    "dose_report_withdraw",
    "doses_record_many",
    "drug_screen_record",
    "episode_open",
    "episodes_finish_tapers",
    "follow_up_record",
    "injection_record",
    "instrument_record",
    "lab_record",
    "note_add",
    "opioid_exposure_record",
    "patient_contacted",
    "patient_create",
    "patient_update",
    "regimen_start",
    "start_check_run",
    "therapy_session_mark",
    "therapy_session_schedule",
]
