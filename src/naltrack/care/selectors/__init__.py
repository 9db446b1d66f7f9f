"""Reading the clinical record, one module per topic. Every read is scoped by ``visible_to``.

The names below are the record's whole read surface: the pages, the API, reminders and the
alert sweep read through them.
"""

from naltrack.care.selectors.access import (
    alerts_list_audit,
    alerts_open,
    patient_get,
    patient_list_audit,
    patient_names,
    patient_own,
    patient_search,
    row_get,
)
from naltrack.care.selectors.chart import CHART_DAYS, Chart, TimelineEntry, chart_for
from naltrack.care.selectors.dose_reports import DOSE_UNDO_MINUTES, dose_report_undoable, undo_until
from naltrack.care.selectors.duplicates import LikelyDuplicate, likely_duplicates
from naltrack.care.selectors.patient_lists import (
    patient_list_filtered,
    patients_annotated,
)
from naltrack.care.selectors.record_rows import record_rows
from naltrack.care.selectors.snapshot import (
    LAB_DAYS,
    SNAPSHOT_DAYS,
    clinic_thresholds,
    patient_snapshot,
    patient_snapshots,
)
from naltrack.care.selectors.start_check import (
    StartCheckRecord,
    override_findings,
    start_check_record,
    stop_plan_indication,
)
from naltrack.care.selectors.treatment import (
    Treatment,
    current_oral_dose_mg,
    dose_calendar,
    dose_calendar_with,
    dose_due,
    episode_current,
    episode_latest,
    episode_state,
    plan_steps,
    regimen_current,
    treatment_now,
    treatment_of,
    treatments_now,
)

__all__ = [
    "CHART_DAYS",
    "DOSE_UNDO_MINUTES",
    "LAB_DAYS",
    "SNAPSHOT_DAYS",
    "Chart",
    "LikelyDuplicate",
    "StartCheckRecord",
    "TimelineEntry",
    "Treatment",
    "alerts_list_audit",
    "alerts_open",
    "chart_for",
    "clinic_thresholds",
    "current_oral_dose_mg",
    "dose_calendar",
    "dose_calendar_with",
    "dose_due",
    "dose_report_undoable",
    "episode_current",
    "episode_latest",
    "episode_state",
    "likely_duplicates",
    "override_findings",
    "patient_get",
    "patient_list_audit",
    "patient_list_filtered",
    "patient_names",
    "patient_own",
    "patient_search",
    "patient_snapshot",
    "patient_snapshots",
    "patients_annotated",
    "plan_steps",
    "record_rows",
    "regimen_current",
    "row_get",
    "start_check_record",
    "stop_plan_indication",
    "treatment_now",
    "treatment_of",
    "treatments_now",
    "undo_until",
]
