"""The demo clinic's cast: who its patients are as stories, before any record is written.

A ``Story`` is one or two courses of treatment (a restart is a second course), each with when it
opened, started, on what, and whether and how it stopped; and a few ``twists`` that give the
alerts a clinician must see (raised liver enzymes, an overdue injection, rising cravings...).
``cast`` says how many of each kind the clinic has, with their days drawn from the seed. Most
names are drawn too; the patients a clinician is pointed to have a fixed one (``person``):

- Jordan Lee, who signs in: oral naltrexone for opioids, months in.
- Ruth Calloway: stopped naltrexone for opioids some weeks ago, follow-ups kept; her wallet card
  says she stopped and that her opioid tolerance is low.
- Owen Prescott: in screening after monthly Sublocade injections, the last some 3-6 months ago;
  his start check says ``review`` (extended-release buprenorphine counts for 12 months).
- Bianca Moreau: in screening for opioids; her urine screen tested opiates and oxycodone but not
  fentanyl, so her start check says ``review`` and names fentanyl.
- Curtis Redfield: stopped naltrexone for opioids weeks ago, then missed every booked follow-up
  and stopped checking in: an urgent alert (overdose risk after stopping).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Literal

from naltrack.demo_clinic.people import BIANCA, CURTIS, JORDAN, OWEN, RUTH, STOP_REASONS, Person

Twist = Literal[
    "not_yet",  # screening: opioids used days ago, so the start check says not_yet
    "screen_positive",  # screening: and the urine screen was positive
    "er_buprenorphine",  # screening: monthly Sublocade until 3-6 months ago, so review
    "panel_incomplete",  # screening: a negative screen that did not test fentanyl, so review
    "induction_missed",  # the first day after the start dose was missed
    "liver_high",  # 3-month ALT above 3x the upper limit of normal
    "liver_very_high",  # 3-month ALT above 5x
    "injection_overdue",  # the last injection was more than 28 days ago
    "craving_rising",  # a bad last week
    "heavy_drinking",  # heavy drinking days in the last week
    "opioid_positive",  # an opioid-positive screen while on naltrexone
    "doses_missed",  # several oral doses missed in the last week
    "phq9_item9",  # the latest PHQ-9 answers item 9 above 0
    "opioid_use_after_stop",  # reports opioid use after stopping
]


@dataclass(frozen=True)
class Stop:
    """How a course ends: the plan is made ``ago`` days before today.

    For ``stop`` that is the first day without naltrexone (for the injection, the day the next one
    was due); for ``step_down`` the first day of the reduced dose (NALTRACK: 7 days, then stop).
    """

    ago: int
    reason: str
    strategy: Literal["stop", "step_down"] = "stop"
    follow_ups_done: int = 2


@dataclass(frozen=True)
class Course:
    """One episode: opened, then (unless still screening) started on ``kind``."""

    indication: Literal["AUD", "OUD", "OUD_AUD"]
    opened_ago: int
    kind: str | None = None
    started_ago: int | None = None
    switch: tuple[str, int] | None = None  # a supervised regimen, and days after the start
    stop: Stop | None = None


@dataclass(frozen=True)
class Story:
    courses: tuple[Course, ...]
    twists: frozenset[Twist] = frozenset()
    check_in_rate: float = 0.85
    # The demo patient who signs in: leaves today's check-in and dose for the visitor to record.
    signs_in: bool = False
    # A fixed name for a patient the README or a clinician points to; otherwise one is drawn.
    person: Person | None = None


def cast(rng: random.Random) -> list[Story]:
    """The clinic's patients: how many of each kind, with their days drawn from ``rng``."""
    r = rng.randint

    def one(course: Course, *twists: Twist) -> Story:
        return Story((course,), frozenset(twists))

    def named(person: Person, course: Course, *twists: Twist) -> Story:
        return Story((course,), frozenset(twists), person=person)

    def started(indication: Any, kind: str, days_ago: int, **kw: Any) -> Course:
        # Opened for intake and tests some days before the first dose.
        return Course(indication, days_ago + r(3, 12), kind, days_ago, **kw)

    def stopping(
        indication: Any, kind: str, days_ago: int, plan_ago: int, reason: str, **kw: Any
    ) -> Course:
        stop = Stop(plan_ago, STOP_REASONS[reason], **kw)
        return started(indication, kind, days_ago, stop=stop)

    supervised = ("mwf_100_100_150", "mwf_100_100_150", "weekday_50_sat_100", "alternate_day_100")
    return [
        Story(
            (started("OUD", "oud_induction", 150),),
            check_in_rate=0.96,
            signs_in=True,
            person=JORDAN,
        ),
        # Screening: waiting for tests, or opioids used too recently to start.
        *(one(Course("AUD", r(1, 6))) for _ in range(3)),
        *(one(Course("OUD", r(0, 3)), "not_yet") for _ in range(2)),
        one(Course("OUD_AUD", 1), "not_yet", "screen_positive"),
        # Screening, waiting for a clinician: Sublocade until months ago; a screen missing fentanyl.
        named(OWEN, Course("OUD", r(1, 4)), "er_buprenorphine"),
        named(BIANCA, Course("OUD", r(0, 3)), "panel_incomplete"),
        # Induction: started in the last days.
        one(started("OUD", "oud_induction", 0)),
        one(started("OUD", "oud_induction", 1)),
        one(started("AUD", "aud_daily", 1)),
        one(started("OUD", "oud_induction", 2), "induction_missed"),
        # Oral naltrexone for alcohol, 50 mg daily.
        *(one(started("AUD", "aud_daily", r(20, 175))) for _ in range(9)),
        one(started("AUD", "aud_daily", r(93, 100)), "liver_high"),
        one(started("AUD", "aud_daily", r(93, 100)), "liver_very_high"),
        one(started("AUD", "aud_daily", r(40, 120)), "craving_rising"),
        one(started("AUD", "aud_daily", r(30, 90)), "heavy_drinking"),
        one(started("AUD", "aud_daily", r(60, 150)), "phq9_item9"),
        # Oral naltrexone for opioids: 25 mg, then 50 mg daily.
        *(one(started("OUD", "oud_induction", r(14, 170))) for _ in range(5)),
        one(started("OUD_AUD", "oud_induction", r(30, 120))),
        one(started("OUD", "oud_induction", r(30, 120)), "opioid_positive"),
        one(started("OUD", "oud_induction", r(30, 120)), "doses_missed"),
        # Supervised schedules after a 50 mg daily start (REVIA; KJOME2011 for Mon/Wed/Fri).
        *(
            one(started("OUD", "oud_induction", r(40, 160), switch=(kind, r(7, 21))))
            for kind in supervised
        ),
        # The monthly injection; the overdue one was on time until the one due a week or so ago.
        *(one(started("AUD", "xr_monthly", r(10, 175))) for _ in range(5)),
        *(one(started("OUD", "xr_monthly", r(10, 175))) for _ in range(6)),
        one(started("OUD_AUD", "xr_monthly", 28 * r(2, 4) + r(33, 38)), "injection_overdue"),
        one(started("OUD", "xr_monthly", r(60, 150)), "opioid_positive"),
        # Tapering: a clinician's step-down in progress (NALTRACK).
        one(stopping("AUD", "aud_daily", r(100, 170), 2, "stable", strategy="step_down")),
        one(stopping("OUD", "oud_induction", r(100, 170), 4, "completed", strategy="step_down")),
        # Stopped: recently with follow-ups done, recently with none done, or long ago.
        one(stopping("AUD", "aud_daily", r(70, 120), 24, "lost", follow_ups_done=0)),
        named(RUTH, stopping("OUD", "oud_induction", r(80, 140), 36, "stable", follow_ups_done=3)),
        # Out of contact after stopping for opioids: no follow-up made, no check-in since.
        named(
            CURTIS,
            stopping("OUD", "oud_induction", r(90, 150), r(25, 35), "lost", follow_ups_done=0),
        ),
        one(stopping("OUD", "oud_induction", r(60, 100), 21, "moving"), "opioid_use_after_stop"),
        one(stopping("AUD", "aud_daily", r(25, 40), 12, "nausea", follow_ups_done=1)),
        one(stopping("AUD", "aud_daily", r(140, 178), r(95, 125), "stable", follow_ups_done=4)),
        one(stopping("AUD", "aud_daily", r(140, 178), r(95, 125), "moving", follow_ups_done=4)),
        one(stopping("OUD", "oud_induction", 175, 110, "completed", follow_ups_done=5)),
        one(stopping("OUD", "xr_monthly", 178, 122, "stable", follow_ups_done=3)),
        # Restarted: a stopped course, then a new episode linked to it.
        Story(
            (
                stopping("AUD", "aud_daily", 176, 130, "stable", follow_ups_done=5),
                started("AUD", "xr_monthly", 24),
            )
        ),
        Story(
            (
                stopping("OUD", "oud_induction", 170, 120, "stable", follow_ups_done=5),
                started("OUD", "xr_monthly", 8),
            )
        ),
        # Past six months, so the Reports show 180-day retention and continuity (drawn last,
        # so every course above keeps its days).
        *(one(started("AUD", "aud_daily", r(190, 260))) for _ in range(2)),
        one(started("OUD", "xr_monthly", r(190, 260))),
        one(stopping("OUD", "oud_induction", r(200, 260), r(20, 40), "completed")),
    ]
