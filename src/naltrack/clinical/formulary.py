"""The naltrexone products and the pharmacological facts every other rule counts with."""

from __future__ import annotations

from typing import Final, Literal

from naltrack.clinical.evidence import rule

Formulation = Literal["oral", "xr_injection"]
ORAL: Final = "oral"  # 50 mg tablets
XR_INJECTION: Final = "xr_injection"  # the extended-release monthly injection
FORMULATIONS: Final[tuple[Formulation, ...]] = (ORAL, XR_INJECTION)

# source: REVIA §How supplied — 50 mg film-coated tablets, scored; a half tablet gives 25 mg.
TABLET_MG: Final = 50
HALF_TABLET_MG: Final = 25

# source: VIVITROL §2 — 380 mg deep IM gluteal injection every 4 weeks or once a month.
XR_DOSE_MG: Final = 380
XR_INTERVAL_DAYS: Final = 28
XR_SITES: Final[tuple[str, str]] = ("left_gluteal", "right_gluteal")

# source: REVIA §Clinical pharmacology — 50 mg blocks 25 mg IV heroin for up to 24 h, 100 mg up to
# 48 h, 150 mg up to 72 h: blockade counts as ended this many days after the last oral dose.
ORAL_BLOCKADE_DAYS: Final[dict[int, int]] = {25: 1, 50: 1, 100: 2, 150: 3}
# source: VIVITROL §2/§5 — blockade wanes toward the end of the dosing interval; counting it as
# ended at 28 days is a Naltrack reading of that (NALTRACK).
XR_BLOCKADE_DAYS: Final = 28

BLOCKADE_AFTER_ORAL = rule(
    code="blockade_after_oral_dose",
    area="formulary",
    summary="Opioid blockade counts as ended after the last oral dose",
    threshold="1 day after ≤50 mg, 2 days after 100 mg, 3 days after 150 mg",
    source="REVIA",
)
BLOCKADE_AFTER_XR = rule(
    code="blockade_after_injection",
    area="formulary",
    summary="Opioid blockade counts as ended after the last 380 mg injection",
    threshold="28 days after the injection",
    source="VIVITROL+NALTRACK",
)


def tablets_for(dose_mg: int) -> str:
    """Describe an oral dose in 50 mg scored tablets, e.g. 75 → 'one and a half 50 mg tablets'."""
    if dose_mg <= 0 or dose_mg % HALF_TABLET_MG:
        raise ValueError(f"{dose_mg} mg cannot be given with 50 mg scored tablets")
    halves = dose_mg // HALF_TABLET_MG
    if halves == 1:
        return "half of one 50 mg tablet"
    whole, half = divmod(halves, 2)
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
    count = words.get(whole, str(whole))
    if half:
        return f"{count} and a half 50 mg tablets"
    return f"{count} 50 mg tablet" + ("" if whole == 1 else "s")


def oral_blockade_days(dose_mg: int) -> int:
    """Days after an oral dose until its blockade can no longer be relied on (REVIA).

    A dose between the label's tiers counts as the lower tier: saying blockade ends too late
    would be the unsafe error, so 75 mg counts as 50 mg (1 day).
    """
    tiers = [dose for dose in ORAL_BLOCKADE_DAYS if dose <= dose_mg]
    return ORAL_BLOCKADE_DAYS[max(tiers)] if tiers else ORAL_BLOCKADE_DAYS[min(ORAL_BLOCKADE_DAYS)]
