"""Opioids before a start: the opioid-free window and the naloxone challenge (the urine drug screen
is ``urine_screen``)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final

from naltrack.clinical.start_check.inputs import (
    ExposureKind,
    OpioidExposure,
    StartCheckInput,
    StartCheckPolicy,
)
from naltrack.clinical.start_check.outcomes import Outcome, block, days, info, warn
from naltrack.clinical.start_check.rules import (
    CHALLENGE_POSITIVE,
    CHALLENGE_RECOMMENDED,
    ER_BUPRENORPHINE,
    ER_BUPRENORPHINE_OVER_12_MONTHS,
    OPIOID_WINDOW_BORDERLINE,
    OPIOID_WINDOW_NOT_MET,
)

# source: NALTRACK reading of REVIA (7-10 days after short-acting opioids) and VIVITROL (up to two
# weeks after methadone or buprenorphine): minimum window, then the upper bound a warning covers.
# Extended-release buprenorphine has no window (SUBLOCADE, BRIXADI): see ER_BUPRENORPHINE_MONTHS.
OPIOID_FREE_DAYS: Final[dict[ExposureKind, tuple[int, int]]] = {
    "short_acting": (7, 10),
    "methadone": (10, 14),
    "buprenorphine": (10, 14),
    "other_long_acting": (10, 14),
}
EXPOSURE_LABEL: Final[dict[ExposureKind, str]] = {
    "short_acting": "a short-acting opioid",
    "methadone": "methadone",
    "buprenorphine": "buprenorphine",
    "other_long_acting": "a long-acting opioid",
    "buprenorphine_extended_release": "extended-release buprenorphine",
}
# source: SUBLOCADE §12.3, BRIXADI — after the last injection buprenorphine can stay detectable for
# 12 months or longer: an injection (or implant removal) up to 12 calendar months before the check,
# the anniversary day included, needs a clinician's review.
ER_BUPRENORPHINE_MONTHS: Final = 12
# source: REVIA — a positive naloxone challenge may be repeated in 24 hours.
CHALLENGE_REPEAT_DAYS: Final = 1


def opioid_windows(inp: StartCheckInput) -> list[Outcome]:
    out: list[Outcome] = []
    source = "NALTRACK+REVIA+VIVITROL"
    if not inp.opioid_exposures:
        return [
            info(
                "no_recent_opioid_use_reported",
                "No opioid use reported in the last 30 days.",
                source,
            )
        ]
    for exposure in inp.opioid_exposures:
        if exposure.kind == "buprenorphine_extended_release":
            out.append(_extended_release_buprenorphine(inp, exposure))
            continue
        window, upper = OPIOID_FREE_DAYS[exposure.kind]
        label = EXPOSURE_LABEL[exposure.kind]
        since = (inp.date - exposure.last_use).days
        if since < window:
            earliest = exposure.last_use + dt.timedelta(days=window)
            when = (
                "the day of this check"
                if since == 0
                else f"{days(since)} before {inp.date.isoformat()}"
            )
            message = (
                f"The last use of {label} was on {exposure.last_use.isoformat()}, "
                f"{when}. Naltrexone needs at least "
                f"{days(window)} without opioids after {label} (Naltrack default, from the "
                "labels); starting earlier can precipitate opioid withdrawal, which can be "
                f"severe. This window is met on {earliest.isoformat()}."
            )
            if inp.indication == "AUD":
                message += " This applies to alcohol use disorder too."
            out.append(block(OPIOID_WINDOW_NOT_MET, "not_yet", message, source, earliest))
        elif since < upper:
            out.append(
                warn(
                    OPIOID_WINDOW_BORDERLINE,
                    f"{days(since)} since the last use of {label}: the Naltrack minimum of "
                    f"{days(window)} is met, but the labels' window runs to {days(upper)}, so "
                    "precipitated withdrawal is still possible. Watch closely after the first "
                    "dose; a naloxone challenge helps rule out remaining opioid dependence.",
                    source,
                )
            )
        else:
            out.append(
                info(
                    "opioid_free_window_met",
                    f"{days(since)} since the last use of {label}: the opioid-free window "
                    f"(up to {days(upper)}) is met.",
                    source,
                )
            )
    return out


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier, clamped to the month end (Feb 29 → Feb 28)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _extended_release_buprenorphine(inp: StartCheckInput, exposure: OpioidExposure) -> Outcome:
    last = exposure.last_use.isoformat()
    since = (inp.date - exposure.last_use).days
    source = "SUBLOCADE+BRIXADI"
    if exposure.last_use >= months_before(inp.date, ER_BUPRENORPHINE_MONTHS):
        message = (
            f"Extended-release buprenorphine (an injection such as Sublocade or Brixadi, or an "
            f"implant) was last given on {last}, {days(since)} before {inp.date.isoformat()}. "
            "Its buprenorphine can stay in the body for 12 months or longer after the last "
            "injection, so the 10-14 day window after daily buprenorphine does not apply and no "
            "label gives a safe interval: naltrexone could precipitate opioid withdrawal. A "
            "clinician decides whether and when to start (a urine screen that tests for "
            "buprenorphine and a naloxone challenge help); time without opioids alone never makes "
            "this start ready."
        )
        if inp.indication == "AUD":
            message += " This applies to alcohol use disorder too."
        return block(ER_BUPRENORPHINE, "review", message, source)
    return warn(
        ER_BUPRENORPHINE_OVER_12_MONTHS,
        f"Extended-release buprenorphine was last given on {last}, more than "
        f"{ER_BUPRENORPHINE_MONTHS} months ago. Buprenorphine levels can last 12 months or longer "
        "after the last injection: confirm with a urine screen that tests for buprenorphine, and "
        "consider a naloxone challenge.",
        source,
    )


def latest_use(inp: StartCheckInput) -> dt.date | None:
    return max((e.last_use for e in inp.opioid_exposures), default=None)


def opioid_risk(inp: StartCheckInput) -> bool:
    """OUD, or reported opioid use: occult opioid dependence is possible."""
    return inp.indication in ("OUD", "OUD_AUD") or bool(inp.opioid_exposures)


def why_not_current(
    test_date: dt.date, inp: StartCheckInput, policy: StartCheckPolicy
) -> str | None:
    latest = latest_use(inp)
    if latest is not None and test_date <= latest:
        return f"was taken on {test_date.isoformat()}, not after the last reported opioid use"
    age = (inp.date - test_date).days
    if age > policy.test_max_age_days:
        return (
            f"is {days(age)} old (the Naltrack default accepts up to "
            f"{days(policy.test_max_age_days)})"
        )
    return None


def naloxone_challenge(inp: StartCheckInput, policy: StartCheckPolicy) -> list[Outcome]:
    challenge = inp.naloxone_challenge
    if challenge is not None and challenge.withdrawal_signs:
        # source: REVIA — the result stands until a repeat (24 hours later at the earliest) is
        # negative, and when that will be is not known: no earliest start.
        repeat = challenge.date + dt.timedelta(days=CHALLENGE_REPEAT_DAYS)
        return [
            block(
                CHALLENGE_POSITIVE,
                "not_yet",
                f"The naloxone challenge of {challenge.date.isoformat()} caused withdrawal signs: "
                "do not give naltrexone. This stands until a repeat challenge is negative; it may "
                f"be repeated after 24 hours, from {repeat.isoformat()}.",
                "REVIA",
            )
        ]
    if challenge is not None:
        reason = why_not_current(challenge.date, inp, policy)
        if reason is None:
            return [
                info(
                    "naloxone_challenge_passed",
                    f"The naloxone challenge of {challenge.date.isoformat()} caused no withdrawal "
                    "signs.",
                    "REVIA",
                )
            ]
        problem = f"The naloxone challenge {reason}."
    elif opioid_risk(inp):
        problem = "No naloxone challenge is recorded."
    else:
        return []
    return [
        warn(
            CHALLENGE_RECOMMENDED,
            f"{problem} A naloxone challenge is recommended when hidden opioid dependence is "
            "possible: naloxone 0.8 mg under the skin and 20 minutes' observation (or 0.2 mg IV, "
            "30 seconds, then 0.6 mg IV, 20 minutes). Withdrawal signs mean do not start.",
            "NALTRACK+REVIA",
        )
    ]
