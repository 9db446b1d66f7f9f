"""Each episode's tally, kept current so a report over a network reads one row per episode.

- A write to any row a tally is counted from (a check-in, dose, injection, screen, questionnaire,
  therapy session, follow-up, episode, regimen, start check, or the patient) deletes that
  patient's tallies in the same transaction (``connect``: Django's save and delete signals, and
  ``care.signals.rows_written_in_bulk`` from the services that write many rows at once).
- A report first drops the tallies counted under other clinic settings, recomputes the missing
  ones from the record (``facts.episode_facts``, the full recomputation) and stores them, then
  reads every tally of the clinic.
- The nightly sweep recomputes every tally and mends those that differ (``tallies_refresh``):
  a write that raced a report's recomputation (read before the write committed, stored after)
  is mended by the patient's next write or that night. tests/reports/test_tallies.py proves the
  stored tallies equal the full recomputation over random histories.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save

from naltrack.accounts.models import Clinic
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    Patient,
    Regimen,
    StartCheck,
    TherapySession,
)
from naltrack.care.selectors.snapshot import clinic_thresholds
from naltrack.care.signals import rows_written_in_bulk
from naltrack.clinical.outcomes.coverage import LapseRule, Span
from naltrack.clinical.outcomes.tally import EpisodeTally, Mean0to10
from naltrack.clinical.outcomes.use import DrinkingDays
from naltrack.reports.facts import ReportEpisode, episode_facts
from naltrack.reports.models import StoredTally

# The rows a tally is counted from: each names its patient.
COUNTED_FROM: Final = (
    CheckIn,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    Regimen,
    StartCheck,
    TherapySession,
)

# Tallies count every row recorded, whatever its day: a report's "today" is the clinic's.
_EVERY_DAY: Final = dt.date.max

_COLUMNS: Final = (
    "episode_id",
    "patient_id",
    "indication",
    "opened",
    "started",
    "stopped",
    "restarted_on",
    "had_start_check",
    "days",
    "doses",
    "drinking_first_reported",
    "drinking_first_heavy",
    "drinking_first_abstinent",
    "drinking_later_reported",
    "drinking_later_heavy",
    "drinking_later_abstinent",
    "craving_first_total",
    "craving_first_count",
    "craving_later_total",
    "craving_later_count",
    "opioid_reported",
    "opioid_used",
    "screens",
    "screens_negative",
    "phq9_change",
    "formulation",
    "prescriber_id",
    "therapy",
    "age_band",
)


def lapse_rule(clinic: Clinic) -> LapseRule:
    """The clinic's lapse rule (every clinic has the default today)."""
    return LapseRule()


def basis(clinic: Clinic) -> str:
    """The clinic settings a tally is counted under, as a short key."""
    thresholds, rule = clinic_thresholds(clinic), lapse_rule(clinic)
    return (
        f"heavy {thresholds.heavy_drinking_drinks_male}/{thresholds.heavy_drinking_drinks_female}"
        f" lapse {rule.tablet_days}/{rule.injection_days}"
    )


# Ids per DELETE ... IN (...): well under SQLite's limit on a statement's parameters.
_CHUNK: Final = 500


def _delete(field: str, ids: Iterable[int]) -> None:
    ids = list(ids)
    for first in range(0, len(ids), _CHUNK):
        StoredTally.objects.filter(**{f"{field}__in": ids[first : first + _CHUNK]}).delete()


def _row_written(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    patient_id = instance.pk if isinstance(instance, Patient) else instance.patient_id
    StoredTally.objects.filter(patient_id=patient_id).delete()


def _rows_written_in_bulk(sender: type[Model], patient_ids: Iterable[int], **kwargs: Any) -> None:
    _delete("patient_id", patient_ids)


def connect() -> None:
    """Delete a patient's tallies whenever one of the rows they are counted from is written."""
    for model in (*COUNTED_FROM, Patient):
        post_save.connect(_row_written, sender=model, dispatch_uid=f"tally-{model.__name__}")
        if model is not Patient:
            post_delete.connect(_row_written, sender=model, dispatch_uid=f"tally-{model.__name__}")
    rows_written_in_bulk.connect(_rows_written_in_bulk, dispatch_uid="tally-bulk")


def report_episodes(clinic: Clinic, *, today: dt.date) -> list[ReportEpisode]:
    """Every episode of ``clinic`` opened by ``today``, with its tally: the stored ones, after
    recounting those that are missing or were counted under other settings."""
    current = basis(clinic)
    StoredTally.objects.filter(clinic=clinic).exclude(basis=current).delete()
    missing = Episode.objects.filter(clinic=clinic, stored_tally__isnull=True)
    if missing.exists():
        _store(clinic, _recount(clinic, patients=missing.values("patient_id")), current)
    return [
        _from_row(row)
        for row in StoredTally.objects.filter(clinic=clinic, opened__lte=today)
        .order_by("episode_id")
        .values_list(*_COLUMNS)
    ]


def tallies_refresh(clinic: Clinic) -> int:
    """Recount every tally of ``clinic`` from the record and mend each stored one that differs
    or is missing (the nightly sweep). Returns how many were mended."""
    current = basis(clinic)
    counted = {item.tally.episode: item for item in _recount(clinic)}
    stored = {
        row[0]: (basis_of, _from_row(row))
        for *row, basis_of in StoredTally.objects.filter(clinic=clinic).values_list(
            *_COLUMNS, "basis"
        )
    }
    wrong = [item for episode, item in counted.items() if stored.get(episode) != (current, item)]
    gone = set(stored) - set(counted)
    with transaction.atomic():
        _delete("episode_id", [*(item.tally.episode for item in wrong), *gone])
        _store(clinic, wrong, current)
    return len(wrong) + len(gone)


def _recount(clinic: Clinic, *, patients: QuerySet[Any] | None = None) -> list[ReportEpisode]:
    return episode_facts(clinic, today=_EVERY_DAY, rule=lapse_rule(clinic), patients=patients)


def _store(clinic: Clinic, items: list[ReportEpisode], current: str) -> None:
    StoredTally.objects.bulk_create(
        (_to_row(clinic, item, current) for item in items),
        batch_size=500,
        # Two reports may recount the same episode at once: the first one stored stands.
        ignore_conflicts=True,
    )


def _to_row(clinic: Clinic, item: ReportEpisode, current: str) -> StoredTally:
    t = item.tally
    return StoredTally(
        episode_id=t.episode,
        clinic=clinic,
        patient_id=item.patient,
        basis=current,
        indication=t.indication,
        opened=t.opened,
        started=t.started,
        stopped=t.stopped,
        restarted_on=t.restarted_on,
        had_start_check=t.had_start_check,
        days=[
            [[s.first.toordinal(), s.last.toordinal(), s.grace] for s in t.covered],
            [day.toordinal() for day in t.injection_days],
            [[due.toordinal(), done and done.toordinal()] for due, done in t.follow_ups],
        ],
        doses=t.doses,
        drinking_first_reported=t.drinking_first.reported,
        drinking_first_heavy=t.drinking_first.heavy,
        drinking_first_abstinent=t.drinking_first.abstinent,
        drinking_later_reported=t.drinking_later.reported,
        drinking_later_heavy=t.drinking_later.heavy,
        drinking_later_abstinent=t.drinking_later.abstinent,
        craving_first_total=t.craving_first.total,
        craving_first_count=t.craving_first.count,
        craving_later_total=t.craving_later.total,
        craving_later_count=t.craving_later.count,
        opioid_reported=t.opioid_reported,
        opioid_used=t.opioid_used,
        screens=t.screens,
        screens_negative=t.screens_negative,
        phq9_change=t.phq9_change,
        formulation=item.formulation or "",
        prescriber_id=item.prescriber,
        therapy=item.therapy == "any",
        age_band=item.age_band or "",
    )


def _from_row(row: Any) -> ReportEpisode:
    (
        episode,
        patient,
        indication,
        opened,
        started,
        stopped,
        restarted_on,
        had_start_check,
        (covered, injections, follow_ups),
        doses,
        d1r,
        d1h,
        d1a,
        d2r,
        d2h,
        d2a,
        c1t,
        c1c,
        c2t,
        c2c,
        opioid_reported,
        opioid_used,
        screens,
        screens_negative,
        phq9_change,
        formulation,
        prescriber,
        therapy,
        age_band,
    ) = row
    day = dt.date.fromordinal
    return ReportEpisode(
        tally=EpisodeTally(
            episode=episode,
            indication=indication,
            opened=opened,
            started=started,
            stopped=stopped,
            had_start_check=had_start_check,
            covered=tuple(Span(day(a), day(b), grace) for a, b, grace in covered),
            injection_days=tuple(day(n) for n in injections),
            doses=doses,
            restarted_on=restarted_on,
            drinking_first=DrinkingDays(d1r, d1h, d1a),
            drinking_later=DrinkingDays(d2r, d2h, d2a),
            opioid_reported=opioid_reported,
            opioid_used=opioid_used,
            craving_first=Mean0to10(c1t, c1c),
            craving_later=Mean0to10(c2t, c2c),
            screens=screens,
            screens_negative=screens_negative,
            phq9_change=phq9_change,
            follow_ups=tuple((day(due), done and day(done)) for due, done in follow_ups),
        ),
        patient=patient,
        formulation=formulation or None,
        prescriber=prescriber,
        therapy="any" if therapy else "none",
        age_band=age_band or None,
    )
