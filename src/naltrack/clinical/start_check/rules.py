"""The start check's rules, registered in the order docs/clinical-rules.md lists them."""

from __future__ import annotations

from typing import Final

from naltrack.clinical.evidence import rule
from naltrack.clinical.medicines import MEDICINE_GROUPS, NALTREXONE_LISTED

AREA = "start_check"
OPIOID_WINDOW_NOT_MET = rule(
    code="opioid_free_window_not_met",
    area=AREA,
    summary="Opioid-free window before the first dose not reached: not yet",
    threshold="7 days after a short-acting opioid; 10 days after methadone, buprenorphine or "
    "another long-acting opioid (Naltrack reading of the labels' 7-10 days / up to two weeks)",
    source="NALTRACK+REVIA+VIVITROL",
)
OPIOID_WINDOW_BORDERLINE = rule(
    code="opioid_free_window_borderline",
    area=AREA,
    summary="Opioid-free window met but inside the labels' upper bound: warning",
    threshold="day 7-9 after a short-acting opioid; day 10-13 after a long-acting one",
    source="NALTRACK+REVIA+VIVITROL",
)
ER_BUPRENORPHINE = rule(
    code="buprenorphine_extended_release",
    area=AREA,
    summary="Extended-release buprenorphine (Sublocade, Brixadi, implant) in the last 12 months: "
    "review; the 10-14 day window after daily buprenorphine does not apply",
    threshold="last injection (or implant removal) 12 months or less before the check; "
    "buprenorphine can stay detectable for 12 months or longer",
    source="SUBLOCADE+BRIXADI",
)
ER_BUPRENORPHINE_OVER_12_MONTHS = rule(
    code="buprenorphine_extended_release_over_12_months",
    area=AREA,
    summary="Extended-release buprenorphine more than 12 months ago: warning, levels can last "
    "longer",
    threshold="last injection (or implant removal) more than 12 months before the check",
    source="SUBLOCADE+BRIXADI",
)
SCREEN_POSITIVE = rule(
    code="urine_screen_opioid_positive",
    area=AREA,
    summary="Opioid-positive urine drug screen: not yet; repeat the screen",
    threshold="any opioid-positive screen",
    source="REVIA+TIP63",
)
SCREEN_NEEDED = rule(
    code="urine_screen_needed",
    area=AREA,
    summary="No current negative urine drug screen for OUD or reported opioid use: review",
    threshold="negative screen after the last opioid use and at most 7 days old (Naltrack default)",
    source="NALTRACK+REVIA+TIP63",
)
SCREEN_RECOMMENDED = rule(
    code="urine_screen_recommended",
    area=AREA,
    summary="AUD with no reported opioid use and no current urine drug screen: warning",
    threshold="negative screen at most 7 days old (Naltrack default)",
    source="NALTRACK+REVIA+TIP63",
)
SCREEN_PANEL_INCOMPLETE = rule(
    code="urine_screen_panel_incomplete",
    area=AREA,
    summary="Negative urine drug screen whose panel did not test for fentanyl (OUD) or the "
    "reported opioid: review",
    threshold="OUD or OUD_AUD: fentanyl; a short-acting or other long-acting opioid: opiates, "
    "oxycodone and fentanyl; methadone: methadone; buprenorphine in any form: buprenorphine",
    source="TIP63",
)
SCREEN_PANEL_NOT_RECORDED = rule(
    code="urine_screen_panel_not_recorded",
    area=AREA,
    summary="Negative urine drug screen with no recorded panel, for OUD or reported opioid use: "
    "warning, confirm what it tested",
    threshold="no panel recorded",
    source="TIP63",
)
CHALLENGE_POSITIVE = rule(
    code="naloxone_challenge_positive",
    area=AREA,
    summary="Withdrawal signs at the naloxone challenge: not yet, until a repeat challenge "
    "(at the earliest 24 hours later) is negative",
    threshold="any withdrawal sign; earliest start unknown",
    source="REVIA",
)
CHALLENGE_RECOMMENDED = rule(
    code="naloxone_challenge_recommended",
    area=AREA,
    summary="No current naloxone challenge where occult opioid dependence is possible: warning",
    threshold="OUD or reported opioid use; challenge after the last use, at most 7 days old "
    "(Naltrack default)",
    source="NALTRACK+REVIA",
)
LIVER_BASELINE_NEEDED = rule(
    code="baseline_liver_tests_needed",
    area=AREA,
    summary="No baseline liver tests: review",
    threshold="no ALT or AST result in the last 90 days (Naltrack default)",
    source="NALTRACK+TIP63+AUDGUIDE",
)
LIVER_PANEL_INCOMPLETE = rule(
    code="liver_panel_incomplete",
    area=AREA,
    summary="Baseline liver panel incomplete: warning",
    threshold="one of ALT, AST, bilirubin missing in the last 90 days (Naltrack default)",
    source="NALTRACK+TIP63+AUDGUIDE",
)
LIVER_RAISED = rule(
    code="liver_enzymes_raised",
    area=AREA,
    summary="ALT or AST raised: warning, start with closer monitoring",
    threshold="> 3x the upper limit of normal (Naltrack default, clinic-configurable)",
    source="NALTRACK+TIP63+AUDGUIDE",
)
LIVER_MARKEDLY_RAISED = rule(
    code="liver_enzymes_markedly_raised",
    area=AREA,
    summary="ALT or AST markedly raised: review, a clinician decides before starting",
    threshold="> 5x the upper limit of normal (Naltrack default, clinic-configurable)",
    source="NALTRACK+TIP63+AUDGUIDE",
)
BILIRUBIN_RAISED = rule(
    code="bilirubin_raised",
    area=AREA,
    summary="Bilirubin above the upper limit of normal: warning, look for acute hepatitis",
    threshold="> 1x the upper limit of normal (Naltrack default)",
    source="NALTRACK+TIP63",
)
ACUTE_HEPATITIS = rule(
    code="acute_hepatitis_or_liver_failure",
    area=AREA,
    summary="Acute hepatitis or liver failure: contraindicated",
    threshold="present",
    source="REVIA+VIVITROL",
)
NEEDS_OPIOIDS = rule(
    code="needs_opioid_analgesics",
    area=AREA,
    summary="Taking or needing opioid analgesics: contraindicated",
    threshold="present",
    source="REVIA+VIVITROL",
)
HYPERSENSITIVITY = rule(
    code="naltrexone_hypersensitivity",
    area=AREA,
    summary="Known hypersensitivity to naltrexone (XR: also its polymer or diluent): "
    "contraindicated",
    threshold="present",
    source="REVIA+VIVITROL",
)
PREGNANCY = rule(
    code="pregnancy",
    area=AREA,
    summary="Pregnancy: review. OUD: methadone or buprenorphine is the recommended treatment, and "
    "naltrexone is not started without a prescriber's decision; AUD: data are limited, a "
    "clinician weighs risk and benefit",
    threshold="pregnant",
    source="ASAM2020+TIP63+REVIA+VIVITROL",
)
PREGNANCY_UNKNOWN = rule(
    code="pregnancy_status_unknown",
    area=AREA,
    summary="Pregnancy status not recorded: warning",
    threshold="unknown",
    source="NALTRACK",
)
UNDER_18 = rule(
    code="age_under_18",
    area=AREA,
    summary="Under 18: review, safe use in children and adolescents is not established",
    threshold="age_years below 18",
    source="REVIA+VIVITROL",  # source: REVIA, VIVITROL §8.4
)
DRINKING_BEFORE_INJECTION = rule(
    code="drinking_before_injection",
    area=AREA,
    summary="AUD, still drinking, injection: not yet; the injection is for patients able to "
    "stop drinking before it",
    threshold="AUD or OUD_AUD, xr_injection, currently_drinking true; earliest start unknown",
    source="VIVITROL",  # source: VIVITROL §1, §14
)
DRINKING_ORAL_START = rule(
    code="drinking_at_oral_start",
    area=AREA,
    summary="AUD, still drinking, tablets: may start; stopping or cutting down first is better",
    threshold="AUD or OUD_AUD, oral, currently_drinking true",
    source="AUDGUIDE",
)
INJECTION_BLEEDING_RISK = rule(
    code="injection_bleeding_risk",
    area=AREA,
    summary="Injection with thrombocytopenia or a coagulation disorder: warning, give the "
    "intramuscular injection with caution",
    threshold="xr_injection and bleeding_risk true",
    source="VIVITROL",  # source: VIVITROL §5
)
OUD_FIRST_DOSE = rule(
    code="oud_first_dose",
    area=AREA,
    summary="OUD oral start or restart: 25 mg on the first day, then 50 mg daily",
    threshold="25 mg, then 50 mg if no withdrawal signs",
    source="REVIA",
)
AUD_DRINKING = rule(
    code="aud_stop_or_reduce_drinking",
    area=AREA,
    summary="AUD: works best after stopping or cutting down drinking; it does not treat "
    "alcohol withdrawal",
    threshold="every AUD start",
    source="VIVITROL+AUDGUIDE",
)
OVERDOSE_COUNSELLING = rule(
    code="overdose_risk_counselling",
    area=AREA,
    summary="Counsel on opioid overdose risk and offer naloxone at every start",
    threshold="every start",
    source="REVIA+VIVITROL+TIP63",
)

# One rule per medicine group, listed after the rules above.
MEDICINE_RULES: Final[tuple[str, ...]] = tuple(
    rule(
        code=group.code,
        area=AREA,
        summary=group.summary,
        threshold=", ".join(group.names),
        source=group.source,
    )
    for group in (*MEDICINE_GROUPS, NALTREXONE_LISTED)
)
