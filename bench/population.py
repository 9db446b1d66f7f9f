"""A large synthetic clinic population for the benchmarks, written with bulk inserts.

The demo clinic (``naltrack demo``) builds its 62 patients through the services, which is right
for a demo and far too slow for 10,000. Here the rows are inserted directly, in the shapes the
services store: an open episode with its regimen, daily dose events and check-ins, the last
injection with its next due date, liver tests, upcoming therapy sessions, and for some patients
a taper plan in progress or a stop with its follow-up contacts booked.

    mix (of every 20 patients): 11 on daily tablets, 6 on the monthly injection,
    2 tapering tablets, 1 stopped with follow-ups
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    Episode,
    FollowUp,
    Injection,
    LabResult,
    Patient,
    Regimen,
    TaperPlan,
    TherapySession,
)

ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles")
BATCH = 2000
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Population:
    patients: int
    check_ins: int
    dose_events: int


def _kind(n: int) -> str:
    slot = n % 20
    if slot < 11:
        return "oral"
    if slot < 17:
        return "injection"
    if slot < 19:
        return "tapering"
    return "stopped"


def build(
    *,
    patients: int,
    days: int,
    today: dt.date,
    seed: int = 7,
    check_in_share: float = 0.7,
    clinics: int = len(ZONES),
) -> Population:
    """Insert ``patients`` patients with ``days`` days of history ending ``today``, shared among
    ``clinics`` clinics (their time zones taken from ``ZONES`` in turn)."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
    clinics = [
        Clinic.objects.create(
            name=f"Bench clinic {n + 1}", slug=f"bench-{n + 1}", time_zone=ZONES[n % len(ZONES)]
        )
        for n in range(clinics)
    ]
    prescriber = User.objects.create_user(email="bench-prescriber@example.org", password=None)
    Membership.objects.create(user=prescriber, clinic=clinics[0], role=Membership.Role.CLINICIAN)
    check_ins = doses = 0
    for first in range(0, patients, BATCH):
        numbers = range(first, min(first + BATCH, patients))
        people = Patient.objects.bulk_create(
            Patient(
                # Blocks of 20 (one of each kind, ``_kind``): every clinic gets the whole mix.
                clinic=clinics[n // 20 % len(clinics)],
                given_name=f"Bench{n}",
                family_name=f"Patient{n}",
                date_of_birth=dt.date(1970 + n % 35, 1 + n % 12, 1 + n % 28),
                email=f"patient{n}@example.org",
                phone=f"+1555{n:07d}",
                reminder_channel=rng.choice(("email", "sms")),
                reminder_time=dt.time(rng.choice((8, 9, 19, 20)), 0),
            )
            for n in numbers
        )
        kinds = {p.pk: _kind(n) for n, p in zip(numbers, people, strict=True)}
        started = today - days * DAY
        episodes = Episode.objects.bulk_create(
            Episode(
                patient=p,
                clinic_id=p.clinic_id,
                indication="OUD" if kinds[p.pk] == "injection" else "AUD",
                state={
                    "oral": Episode.State.MAINTENANCE,
                    "injection": Episode.State.MAINTENANCE,
                    "tapering": Episode.State.TAPERING,
                    "stopped": Episode.State.STOPPED,
                }[kinds[p.pk]],
                opened_on=started - 7 * DAY,
                started_on=started,
                stopped_on=today - 10 * DAY if kinds[p.pk] == "stopped" else None,
            )
            for p in people
        )
        regimens = Regimen.objects.bulk_create(
            Regimen(
                patient_id=e.patient_id,
                clinic_id=e.clinic_id,
                episode=e,
                kind="xr_monthly" if kinds[e.patient_id] == "injection" else "aud_daily",
                formulation="xr_injection" if kinds[e.patient_id] == "injection" else "oral",
                prescriber=prescriber,
                start=started,
                end=e.stopped_on,
            )
            for e in episodes
        )
        rows_dose: list[DoseEvent] = []
        rows_check_in: list[CheckIn] = []
        rows_other: dict[type, list] = {Injection: [], LabResult: [], TherapySession: []}
        rows_taper: list[TaperPlan] = []
        rows_follow_up: list[FollowUp] = []
        for episode, regimen in zip(episodes, regimens, strict=True):
            kind, pid, cid = kinds[episode.patient_id], episode.patient_id, episode.clinic_id
            last_day = episode.stopped_on or today
            for offset in range((last_day - started).days + 1):
                day = started + offset * DAY
                if rng.random() < check_in_share:
                    rows_check_in.append(
                        CheckIn(
                            patient_id=pid,
                            clinic_id=cid,
                            day=day,
                            craving=rng.choice((0, 1, 2, 2, 3, 4, 5, 7)),
                            drinks=rng.choice((0, 0, 0, 0, 1, 2, 5)),
                            opioid_use=False,
                        )
                    )
                if regimen.formulation == "oral" and day < today:
                    rows_dose.append(
                        DoseEvent(
                            patient_id=pid,
                            clinic_id=cid,
                            regimen=regimen,
                            day=day,
                            dose_mg=50,
                            status="taken" if rng.random() < 0.9 else "missed",
                        )
                    )
            if kind == "injection":
                for given in range((today - started).days % 28, days, 28):
                    given_on = today - given * DAY
                    rows_other[Injection].append(
                        Injection(
                            patient_id=pid,
                            clinic_id=cid,
                            regimen=regimen,
                            given_on=given_on,
                            dose_mg=380,
                            site="left_gluteal",
                            given_by=prescriber,
                            next_due=given_on + 28 * DAY,
                        )
                    )
            for test in ("ALT", "AST"):
                rows_other[LabResult].append(
                    LabResult(
                        patient_id=pid,
                        clinic_id=cid,
                        test=test,
                        value=Decimal(rng.choice((18, 25, 32, 41, 60))),
                        upper_limit_normal=Decimal(40),
                        collected_on=started - 3 * DAY,
                    )
                )
            if rng.random() < 0.2:
                rows_other[TherapySession].append(
                    TherapySession(
                        patient_id=pid,
                        clinic_id=cid,
                        kind="counselling",
                        scheduled_at=dt.datetime.combine(
                            today + rng.choice((1, 2)) * DAY, dt.time(15 + rng.choice((0, 1, 2)))
                        ).replace(tzinfo=dt.UTC),
                    )
                )
            if kind == "tapering":
                last_dose = today + 6 * DAY
                rows_taper.append(
                    TaperPlan(
                        patient_id=pid,
                        clinic_id=cid,
                        episode=episode,
                        strategy="step_down",
                        inputs={},
                        plan={
                            "steps": [
                                {
                                    "start": (today - DAY).isoformat(),
                                    "end": last_dose.isoformat(),
                                    "dose_mg": 25,
                                    "tablets": 0.5,
                                }
                            ],
                            "last_dose": last_dose.isoformat(),
                        },
                        last_dose=last_dose,
                        blockade_ends=last_dose + DAY,
                    )
                )
            if kind == "stopped":
                for weeks in (1, 2, 4):
                    due = episode.stopped_on + weeks * 7 * DAY
                    rows_follow_up.append(
                        FollowUp(
                            patient_id=pid,
                            clinic_id=cid,
                            episode=episode,
                            due_on=due,
                            done_on=due if due < today else None,
                            method="phone" if due < today else "",
                        )
                    )
        DoseEvent.objects.bulk_create(rows_dose, batch_size=BATCH)
        CheckIn.objects.bulk_create(rows_check_in, batch_size=BATCH)
        for model, rows in rows_other.items():
            model.objects.bulk_create(rows, batch_size=BATCH)
        TaperPlan.objects.bulk_create(rows_taper, batch_size=BATCH)
        FollowUp.objects.bulk_create(rows_follow_up, batch_size=BATCH)
        check_ins += len(rows_check_in)
        doses += len(rows_dose)
    return Population(patients=patients, check_ins=check_ins, dose_events=doses)
