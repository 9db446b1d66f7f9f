"""The clinical core's view of patients, for the alert rules: a fixed number of queries."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.care.models import (
    CheckIn,
    CravingEpisode,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    OpioidExposure,
    Patient,
    Regimen,
)
from naltrack.care.selectors.treatment import episode_state, latest_by
from naltrack.clinical import alerts

# --- the clinical core's view of a patient ----------------------------------------------------

# How far back the alert rules look: the longest window of any rule, with room to spare.
SNAPSHOT_DAYS = 120
LAB_DAYS = 400


def clinic_thresholds(clinic: Clinic) -> alerts.Thresholds:
    """The clinic's alert thresholds: its overrides on top of the cited defaults."""
    known = {field.name for field in dataclasses.fields(alerts.Thresholds)}
    overrides = {
        key: value for key, value in (clinic.alert_thresholds or {}).items() if key in known
    }
    try:
        return alerts.Thresholds(**overrides)
    except (TypeError, ValueError):
        # A bad override must not silence every alert: fall back to the defaults.
        return alerts.DEFAULT_THRESHOLDS


def patient_snapshot(
    *, patient: Patient, as_of: dt.date, fields: Iterable[str] | None = None
) -> alerts.PatientSnapshot | None:
    """What the alert rules need about one patient, in a fixed number of queries."""
    return patient_snapshots(patients=[patient], as_of=as_of, fields=fields)[patient.pk]


def _by_patient(rows: Iterable[tuple[Any, ...]]) -> defaultdict[int, list[tuple[Any, ...]]]:
    """``(patient_id, *values)`` rows grouped by patient, in the rows' order."""
    grouped: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for patient_id, *values in rows:
        grouped[patient_id].append(tuple(values))
    return grouped


def patient_snapshots(
    *, patients: Sequence[Patient], as_of: dt.date, fields: Iterable[str] | None = None
) -> dict[int, alerts.PatientSnapshot | None]:
    """The alert rules' view of many patients at once: the same queries whatever their number.

    The nightly sweep reads a few hundred patients per call; a single patient's refresh after a
    write is the same code with a list of one. A patient with no episode yet (accepted from
    intake, checking in before a first visit) is seen as in screening for opioid use disorder
    with only their opioid use, so that use raises its alert and nothing else does (None: no
    episode and no opioid use).

    ``fields`` names the record fields to read (the rules a write feeds, ``alerts.rules_reading``);
    the others are left empty, which only rules that do not read them see. All by default.
    """
    ids = [patient.pk for patient in patients]
    # Only the columns read below: this runs after every write a patient makes.
    latest: dict[int, Episode] = latest_by(
        Episode.objects.filter(patient_id__in=ids)
        .only("patient_id", "opened_on", "state", "indication", "stopped_on")
        .order_by("patient_id", "-opened_on", "-id"),
        "patient_id",
    )
    regimens: dict[int, Regimen] = latest_by(
        Regimen.objects.filter(episode__in=latest.values())
        .only("episode_id", "start", "formulation")
        .order_by("episode_id", "-start", "-id"),
        "episode_id",
    )
    since = as_of - dt.timedelta(days=SNAPSHOT_DAYS)

    def dated(model: Any, day: str, *values: str, first: dt.date = since) -> Any:
        return (
            model.objects.filter(patient_id__in=ids, **{f"{day}__gte": first, f"{day}__lte": as_of})
            .order_by()  # the rules take the rows in any order
            .values_list("patient_id", day, *values)
        )

    # Each field's query, built only when it is read (building one costs as much as running it).
    queries: dict[str, Callable[[], Any]] = {
        "injections": lambda: dated(Injection, "given_on"),
        "oral_doses": lambda: dated(DoseEvent, "day", "status", "patient_report"),
        "check_ins": lambda: dated(CheckIn, "day", "craving", "drinks", "opioid_use"),
        "labs": lambda: dated(
            LabResult,
            "collected_on",
            "test",
            "value",
            "upper_limit_normal",
            first=as_of - dt.timedelta(days=LAB_DAYS),
        ),
        "drug_screens": lambda: dated(DrugScreen, "collected_on", "opioids_positive"),
        "opioid_exposures": lambda: dated(OpioidExposure, "last_use", "kind"),
        "cravings_used": lambda: CravingEpisode.objects.filter(
            patient_id__in=ids,
            outcome=CravingEpisode.Outcome.USED,
            ended_at__date__gte=since,
        ).values_list("patient_id", "ended_at"),
        "scores": lambda: dated(
            InstrumentResponse, "taken_on", "instrument", "score", "band", "flags"
        ),
        "follow_up_contacts": lambda: FollowUp.objects.filter(
            patient_id__in=ids, done_on__isnull=False, done_on__lte=as_of
        ).values_list("patient_id", "done_on"),
        "follow_ups_booked": lambda: FollowUp.objects.filter(
            episode__in=latest.values()
        ).values_list("patient_id", "due_on"),
    }
    wanted = alerts.RECORD_FIELDS if fields is None else frozenset(fields)
    found: dict[str, defaultdict[int, list[tuple[Any, ...]]]] = {
        field: _by_patient(query()) if field in wanted else defaultdict(list)
        for field, query in queries.items()
    }
    injections, doses, check_ins = found["injections"], found["oral_doses"], found["check_ins"]
    labs, screens, scores = found["labs"], found["drug_screens"], found["scores"]
    exposures, cravings_used = found["opioid_exposures"], found["cravings_used"]
    contacts, booked = found["follow_up_contacts"], found["follow_ups_booked"]
    snapshots: dict[int, alerts.PatientSnapshot | None] = dict.fromkeys(
        (patient.pk for patient in patients), None
    )
    for patient in patients:
        pk = patient.pk
        episode = latest.get(pk)
        used = [timezone.localdate(at) for (at,) in cravings_used[pk]]
        recorded = [alerts.OpioidExposure(on=day, kind=kind) for day, kind in exposures[pk]]
        if episode is None:
            check_ins_used = [
                alerts.CheckIn(on=day, craving=craving, drinks=drinks, opioid_use=True)
                for day, craving, drinks, opioid_use in check_ins[pk]
                if opioid_use
            ]
            positive = [
                alerts.UrineDrugScreen(on=day, opioids_positive=True)
                for day, is_positive in screens[pk]
                if is_positive
            ]
            if check_ins_used or positive or recorded:
                snapshots[pk] = alerts.PatientSnapshot(
                    as_of=as_of,
                    state="screening",
                    indication="OUD",
                    sex=patient.sex or None,  # type: ignore[arg-type]
                    check_ins=check_ins_used,
                    drug_screens=positive,
                    opioid_exposures=recorded,
                )
            continue
        regimen = regimens.get(episode.pk)
        snapshots[pk] = alerts.PatientSnapshot(
            as_of=as_of,
            state=episode_state(episode, today=as_of),  # type: ignore[arg-type]
            indication=episode.indication,  # type: ignore[arg-type]
            formulation=regimen.formulation if regimen else None,  # type: ignore[arg-type]
            sex=patient.sex or None,  # type: ignore[arg-type]
            stopped_on=episode.stopped_on
            if episode_state(episode, today=as_of) == Episode.State.STOPPED
            else None,
            injections=[day for (day,) in injections[pk]],
            oral_doses=[
                alerts.OralDoseEvent(on=day, status=status, patient_report=report or None)
                for day, status, report in doses[pk]
            ],
            check_ins=[
                alerts.CheckIn(on=day, craving=craving, drinks=drinks, opioid_use=opioid_use)
                for day, craving, drinks, opioid_use in check_ins[pk]
            ],
            labs=[
                alerts.LabResult(
                    on=day, test=test, value=float(value), upper_limit_normal=float(uln)
                )
                for day, test, value, uln in labs[pk]
            ],
            drug_screens=[
                alerts.UrineDrugScreen(on=day, opioids_positive=positive)
                for day, positive in screens[pk]
            ],
            scores=[
                alerts.InstrumentScore(
                    on=day,
                    instrument=instrument,
                    score=total,
                    band=band or None,
                    flags=tuple(flags),
                )
                for day, instrument, total, band, flags in scores[pk]
            ],
            follow_up_contacts=[day for (day,) in contacts[pk]],
            follow_ups_booked=[day for (day,) in booked[pk]],
            opioid_exposures=recorded,
            cravings_used=used,
        )
    return snapshots
