"""The alert thresholds, each default with its source; a clinic may change any of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from naltrack.clinical.formulary import XR_INTERVAL_DAYS
from naltrack.clinical.instruments.craving_vas import CRAVING_MAX
from naltrack.clinical.liver import LIVER_REVIEW_MULTIPLE, LIVER_WARN_MULTIPLE


@dataclass(frozen=True)
class Thresholds:
    """The alert thresholds; a clinic may change any of them.

    Attributes, with the source of each default:
        liver_warn_multiple: ALT or AST above this multiple of the upper limit of normal raises a
            ``high`` alert. 3.0 (NALTRACK, informed by TIP63/AUDGUIDE monitoring advice and the
            >3 times ULN exclusion of the Vivitrol OUD trial, VIVITROL).
        liver_urgent_multiple: above this multiple, an ``urgent`` alert. 5.0 (NALTRACK, informed
            by the >5 times ULN exclusion of X:BOT, XBOT).
        injection_overdue_days: an injection is overdue when ``as_of`` is more than this many
            days after the last one. 28 (VIVITROL: every 4 weeks; blockade counts as ended at 28).
        missed_doses_window_days / missed_doses_count: this many missed oral doses in that many
            days raise an alert. 7 days, 3 doses (NALTRACK).
        missed_in_a_row: with opioid use disorder, this many scheduled oral doses missed in a
            row (none recorded as taken between) raise a ``high`` alert while the last of them
            is within ``missed_doses_window_days``. 2 (NALTRACK, from REVIA: the blockade of a
            50 mg dose is gone after about 24 hours).
        craving_high: a craving at or above this on the latest check-in. 7 (NALTRACK: the "high"
            band of the craving scale).
        craving_rise_window_days / craving_rise_points: the mean craving of the last window is at
            least this many points above the mean of the window before. 7 days, 2.0 (NALTRACK).
        heavy_drinking_drinks_female / heavy_drinking_drinks_male: drinks in a day that make it a
            heavy drinking day; the lower (female) figure when sex is unknown. 4 / 5 (NALTRACK,
            following the common NIAAA definition of a heavy drinking day).
        heavy_drinking_days / heavy_drinking_window_days: this many heavy drinking days in that
            many days. 2 in 7 (NALTRACK).
        liver_lookback_days: a raised ALT or AST result keeps its alert's finding for this many
            days, whatever the results after it (the record closes a liver alert when a
            clinician acknowledges it). 365 (NALTRACK: two 6-monthly tests). The record must
            load at least this much lab history.
        opioid_use_lookback_days: reported or recorded opioid use, or an opioid-positive screen,
            counts for this many days, in every state. 14 (NALTRACK).
        high_risk_window_days: after stopping, the window of highest overdose vulnerability in
            which follow-up contacts are watched. 90 (NALTRACK, from the overdose warnings of
            REVIA, VIVITROL and TIP63). Opioid use after stopping alerts with no such limit.
        follow_up_gap_days: within that window, an alert when there has been no follow-up contact
            for this many days (counted from the stop when there has been none) and none is
            booked. 14 (NALTRACK).
    """

    liver_warn_multiple: float = LIVER_WARN_MULTIPLE  # source: NALTRACK (see clinical.liver)
    liver_urgent_multiple: float = LIVER_REVIEW_MULTIPLE  # source: NALTRACK (see clinical.liver)
    injection_overdue_days: int = XR_INTERVAL_DAYS  # source: VIVITROL (28 days)
    missed_doses_window_days: int = 7  # source: NALTRACK
    missed_doses_count: int = 3  # source: NALTRACK
    missed_in_a_row: int = 2  # source: NALTRACK, from REVIA (blockade gone about 24 h after 50 mg)
    craving_high: int = 7  # source: NALTRACK (craving scale band "high" is 7-10)
    craving_rise_window_days: int = 7  # source: NALTRACK
    craving_rise_points: float = 2.0  # source: NALTRACK
    heavy_drinking_drinks_female: int = 4  # source: NALTRACK (common NIAAA definition)
    heavy_drinking_drinks_male: int = 5  # source: NALTRACK (common NIAAA definition)
    heavy_drinking_days: int = 2  # source: NALTRACK
    heavy_drinking_window_days: int = 7  # source: NALTRACK
    liver_lookback_days: int = 365  # source: NALTRACK
    opioid_use_lookback_days: int = 14  # source: NALTRACK
    high_risk_window_days: int = 90  # source: NALTRACK (REVIA+VIVITROL+TIP63 overdose warnings)
    follow_up_gap_days: int = 14  # source: NALTRACK
    follow_up_grace_days: int = 3  # source: NALTRACK

    def __post_init__(self) -> None:
        if not 0 < self.liver_warn_multiple <= self.liver_urgent_multiple:
            raise ValueError("liver multiples must be positive, warn <= urgent")
        if not 0 <= self.craving_high <= CRAVING_MAX:
            raise ValueError(f"craving_high must be 0-{CRAVING_MAX}")
        if self.craving_rise_points <= 0:
            raise ValueError("craving_rise_points must be positive")
        for name in (
            "injection_overdue_days",
            "missed_doses_window_days",
            "missed_doses_count",
            "missed_in_a_row",
            "craving_rise_window_days",
            "heavy_drinking_drinks_female",
            "heavy_drinking_drinks_male",
            "heavy_drinking_days",
            "heavy_drinking_window_days",
            "liver_lookback_days",
            "opioid_use_lookback_days",
            "high_risk_window_days",
            "follow_up_gap_days",
            "follow_up_grace_days",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")


DEFAULT_THRESHOLDS: Final = Thresholds()
