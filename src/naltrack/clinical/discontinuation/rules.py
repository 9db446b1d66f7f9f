"""The stopping plan's rules and numbers, each registered with its source (docs/clinical-rules.md).

Registered in the order docs/clinical-rules.md lists them.
"""

from __future__ import annotations

from typing import Final

from naltrack.clinical.evidence import rule
from naltrack.clinical.formulary import HALF_TABLET_MG, TABLET_MG

# source: REVIA §Dosage — a daily oral dose is 25 mg (half a tablet, the OUD first day) or 50 mg.
DAILY_DOSES_MG: Final[tuple[int, ...]] = (HALF_TABLET_MG, TABLET_MG)
# source: REVIA §Dosage — 100 and 150 mg are doses of the supervised intermittent schedules
# (100 mg every other day or on Saturday, 150 mg every third day; KJOME2011's Friday 150 mg),
# never daily doses: a plan from one of them is a plan to stop from the last dose given.
INTERMITTENT_DOSES_MG: Final[tuple[int, ...]] = (100, 150)
ORAL_MIN_MG: Final = HALF_TABLET_MG
# source: NALTRACK — days at each reduced dose.
STEP_DAYS_MIN: Final = 1
STEP_DAYS_MAX: Final = 28
REASON_MAX_LENGTH: Final = 500
# source: ASAM2020 — an agonist can start about 30 days after the last injection. This is later
# than the 28 days of ``blockade_ends`` on purpose: 28 days is the cautious date for overdose
# counselling (blockade may already be gone), while an agonist started too early could meet
# naltrexone still present.
AGONIST_AFTER_INJECTION_DAYS: Final = 30
# source: ASAM2015 — elective surgery that may need opioids: the last oral dose at least 72 hours
# before, the last injection at least 30 days before.
SURGERY_AFTER_ORAL_DAYS: Final = 3
SURGERY_AFTER_INJECTION_DAYS: Final = 30

STEP_DOWN = rule(
    code="discontinuation_step_down",
    area="discontinuation",
    summary="Step-down (a clinician's choice): one reduced step, then stop",
    threshold="from a daily dose of 50 mg: 25 mg (half a tablet) for the chosen number of days",
    source="NALTRACK",
)
GRADUAL = rule(
    code="discontinuation_gradual",
    area="discontinuation",
    summary="Gradual taper (a clinician's choice): steps 25 mg apart down to 25 mg, then stop",
    threshold="each step 1-28 days; from a daily dose of at most 50 mg this is one 25 mg step",
    source="NALTRACK",
)
FOLLOW_UP = rule(
    code="follow_up_after_stopping",
    area="discontinuation",
    summary="Follow-up contacts after the last dose (after the end of blockade for the injection)",
    threshold="alcohol use disorder or indication not given: 7, 14 and 28 days, then monthly for "
    "two more months (Naltrack default, clinic-configurable)",
    source="NALTRACK",
)
FOLLOW_UP_OPIOID = rule(
    code="follow_up_after_stopping_opioid_use_disorder",
    area="discontinuation",
    summary="Opioid use disorder (OUD or OUD_AUD): denser follow-up in the weeks of highest "
    "overdose risk",
    threshold="3, 7, 14, 21 and 28 days, then monthly for two more months (Naltrack default, "
    "from TIP63's emphasis on the overdose window; clinic-configurable)",
    source="NALTRACK+TIP63",
)
FOLLOW_UP_WEEKDAYS = rule(
    code="follow_up_on_weekdays",
    area="discontinuation",
    summary="A follow-up contact that falls on a weekend moves to the Friday before (earlier is "
    "safer in the weeks after stopping); to the Monday after only if that Friday is not after "
    "the last dose (or the end of an injection's blockade) and the contact before",
    threshold="Saturday and Sunday (Naltrack default, clinic-configurable)",
    source="NALTRACK",
)
OVERDOSE = rule(
    code="overdose_risk_after_stopping",
    area="discontinuation",
    summary="Opioid use disorder, or indication not given: tolerance to opioids is lower once "
    "blockade ends; overdose can be fatal",
    threshold="every plan except alcohol use disorder alone",
    source="REVIA+VIVITROL+TIP63",
)
NALOXONE = rule(
    code="naloxone",
    area="discontinuation",
    summary="The patient has naloxone (or nalmefene), and others know how to use it",
    threshold="every plan except alcohol use disorder alone",
    source="VIVITROL+TIP63",
)
ALCOHOL = rule(
    code="drinking_may_return_after_stopping",
    area="discontinuation",
    summary="Alcohol use disorder alone: once naltrexone stops, cravings and heavy drinking may "
    "return; agree what to do with the patient",
    threshold="plans with indication AUD",
    source="REVIA+VIVITROL",
)
CRAVINGS = rule(
    code="cravings_may_return",
    area="discontinuation",
    summary="Every plan: cravings (for alcohol, opioids or both, by indication) may return after "
    "stopping",
    threshold="every plan",
    source="REVIA+VIVITROL+TIP63",
)
TAPER_CHOICE = rule(
    code="taper_is_clinician_choice",
    area="discontinuation",
    summary="Tapers: no withdrawal syndrome, no taper required; a step-down is a "
    "clinician's choice",
    threshold="step_down and gradual plans",
    source="REVIA",
)
NO_TAPER = rule(
    code="no_taper_needed",
    area="discontinuation",
    summary="Stopping at once: naltrexone causes no withdrawal syndrome of its own",
    threshold="stop plans",
    source="REVIA",
)
SWITCH = rule(
    code="switching_to_agonist_treatment",
    area="discontinuation",
    summary="Switching to methadone or buprenorphine: possible without precipitated withdrawal "
    "once the blockade has ended; start low",
    threshold="oral: from the day blockade ends (1, 2 or 3 days after a last dose of 50, 100 or "
    "150 mg); injection: about 30 days after the last injection. Not in plans for alcohol use "
    "disorder alone",
    source="ASAM2020+REVIA",
)
SURGERY = rule(
    code="surgery_opioid_analgesia",
    area="discontinuation",
    summary="Elective surgery that may need opioids: the first date opioid analgesia can be "
    "relied on (surgery_opioids_from); block when the surgery falls before it",
    threshold="72 hours after the last oral dose, 30 days after the last injection",
    source="ASAM2015+REVIA+VIVITROL",
)
