"""The alert rules, registered in the order docs/clinical-rules.md lists them.

Thresholds are stated with the defaults of ``Thresholds``; a clinic may change them.
"""

from __future__ import annotations

from typing import Final

from naltrack.clinical.alerts.thresholds import DEFAULT_THRESHOLDS
from naltrack.clinical.evidence import rule

_D: Final = DEFAULT_THRESHOLDS
# source: NALTRACK — a difference about a dose older than two weeks no longer changes care.
DOSE_REPORT_DAYS: Final = 14

LIVER_HIGH = rule(
    code="liver_enzymes_high",
    area="alerts",
    summary="On naltrexone, an ALT or AST result is raised: review liver function (high). One "
    "alert per run of raised results of a test, kept until a clinician acknowledges it: a later "
    "normal value does not close it",
    threshold=f"> {_D.liver_warn_multiple:g} times the upper limit of normal, a result in the "
    f"last {_D.liver_lookback_days} days (Naltrack defaults, clinic-configurable; informed by "
    "TIP63/AUDGUIDE and the Vivitrol OUD trial's exclusion)",
    source="NALTRACK+VIVITROL",
)
LIVER_VERY_HIGH = rule(
    code="liver_enzymes_very_high",
    area="alerts",
    summary="On naltrexone, an ALT or AST result is markedly raised: a clinician decides today "
    "(urgent). Kept until a clinician acknowledges it, like liver_enzymes_high",
    threshold=f"> {_D.liver_urgent_multiple:g} times the upper limit of normal, a result in the "
    f"last {_D.liver_lookback_days} days (Naltrack defaults, clinic-configurable; informed by the "
    "X:BOT trial's exclusion)",
    source="NALTRACK+XBOT+VIVITROL",
)
INJECTION_OVERDUE = rule(
    code="injection_overdue",
    area="alerts",
    summary="Extended-release injection overdue: blockade can no longer be relied on (high)",
    threshold=f"today later than the last injection + {_D.injection_overdue_days} days",
    source="VIVITROL",
)
DOSE_REPORT_DIFFERS = rule(
    code="dose_report_differs",
    area="alerts",
    summary="The patient's own report of a dose differs from what staff saw: both are kept and "
    "a clinician checks which is right",
    threshold=f"a staff-observed dose in the last {DOSE_REPORT_DAYS} days that the patient later "
    "reported otherwise (Naltrack default)",
    source="NALTRACK",
)

ORAL_DOSES_MISSED = rule(
    code="oral_doses_missed",
    area="alerts",
    summary="Oral doses missed while on naltrexone (high in opioid use disorder, routine in "
    "alcohol use disorder). In opioid use disorder 2 scheduled doses missed in a row are enough: "
    "the blockade is gone about 24 hours after a dose and tolerance may be low",
    threshold=f"≥ {_D.missed_doses_count} missed doses in the last {_D.missed_doses_window_days} "
    f"days; in opioid use disorder (OUD, OUD_AUD) also ≥ {_D.missed_in_a_row} scheduled doses "
    "missed in a row, with none recorded as taken between and each within 3 days of the one "
    "before (the longest interval of any oral schedule), the last of them in those "
    f"{_D.missed_doses_window_days} days (Naltrack defaults, clinic-configurable)",
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
OPIOID_USE_IN_SCREENING = rule(
    code="opioid_use_in_screening",
    area="alerts",
    summary="Opioid use before the first dose: the wait is a time of high overdose risk, and the "
    "opioid-free window restarts from that day (urgent)",
    threshold=f"any, in the last {_D.opioid_use_lookback_days} days (Naltrack default "
    "look-back): reported at a check-in, recorded by a clinician, a craving walk-through ended "
    "'I drank or used' (opioid use disorder), or an opioid-positive urine screen",
    source="REVIA+VIVITROL+TIP63",
)
OPIOID_USE_ON_NALTREXONE = rule(
    code="opioid_use_on_naltrexone",
    area="alerts",
    summary="Opioid use while on naltrexone: overcoming the blockade with large doses can cause "
    "fatal overdose (urgent)",
    threshold=f"any, in the last {_D.opioid_use_lookback_days} days (Naltrack default "
    "look-back), from the same four sources",
    source="REVIA+VIVITROL+TIP63",
)
OPIOID_USE_AFTER_STOPPING = rule(
    code="opioid_use_after_stopping",
    area="alerts",
    summary="Opioid use after stopping naltrexone, however long ago it stopped: tolerance is "
    "low, so a previously tolerated dose can be fatal (urgent)",
    threshold=f"any, in the last {_D.opioid_use_lookback_days} days (Naltrack default "
    "look-back), from the same four sources; no limit on the time since stopping",
    source="REVIA+VIVITROL+TIP63",
)
FOLLOW_UP_MISSING = rule(
    code="follow_up_missing_after_stop",
    area="alerts",
    summary="Stopped naltrexone recently and no follow-up contact: overdose vulnerability "
    "(urgent in opioid use disorder, OUD or OUD_AUD; high in alcohol use disorder)",
    threshold=f"stopped in the last {_D.high_risk_window_days} days and a booked follow-up "
    f"contact more than {_D.follow_up_grace_days} days late; with none booked, no contact for "
    f"{_D.follow_up_gap_days} days or more, counted from the stop if none since (Naltrack "
    "defaults, from TIP63)",
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
    summary="Latest PHQ-9 at or above the cut-off for major depression: depression has been "
    "reported in people treated with naltrexone; review (high)",
    threshold="PHQ-9 total ≥ 10 (Kroenke's cut-off; bands moderate and above)",
    source="PHQ9+REVIA+VIVITROL",
)
