"""Each episode's figures of the day, kept current so a report over a network reads one row per
episode.

- A write to any row the figures are counted from (a check-in, dose, injection, screen,
  questionnaire, therapy session, follow-up, episode, regimen, start check, or the patient)
  deletes that patient's rows in the same transaction (``connect``: Django's save and delete
  signals, and ``care.signals.rows_written_in_bulk`` from the services that write many rows at
  once).
- A report first drops the rows of another day or counted under other clinic settings, recounts
  the missing ones from the record (``facts.episode_facts``, the full recomputation) and stores
  them, then reads every row of the clinic.
- The nightly work recounts every row for the new day (``figures_refresh``), so the morning's
  reports find them ready; it also mends a row that a write raced (read before the write
  committed, stored after), so such a row is wrong for a night at most.
  tests/reports/test_stored_figures.py proves the stored rows equal the full recomputation over
  random histories.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from django.db import connections, transaction
from django.db.models import CharField, Model, QuerySet
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save

from naltrack.accounts.models import Clinic
from naltrack.care.models import Episode, Patient
from naltrack.care.selectors.snapshot import clinic_thresholds
from naltrack.care.signals import rows_written_in_bulk
from naltrack.clinical.outcomes.coverage import LapseRule
from naltrack.clinical.outcomes.program import EpisodeFigures
from naltrack.reports.facts import COUNTED_FROM, ReportEpisode, episode_facts
from naltrack.reports.models import StoredFigures

# A stored row as a report reads it: EpisodeFigures' fields in their order (the episode's id
# first), then what the report filters and splits by, the two days as ISO text.
_FIGURES: Final = ("episode_id", *EpisodeFigures._fields[1:])
_READ: Final[tuple[str | Cast, ...]] = (
    *_FIGURES,
    "patient_id",
    Cast("opened", CharField()),
    Cast("started_on", CharField()),
    "formulation",
    "prescriber_id",
    "therapy",
    "age_band",
)
_FIGURE_COUNT: Final = len(_FIGURES)
# Ids per DELETE ... IN (...): well under SQLite's limit on a statement's parameters.
_CHUNK: Final = 500


def lapse_rule(clinic: Clinic) -> LapseRule:
    """The clinic's lapse rule (every clinic has the default today)."""
    return LapseRule()


def basis(clinic: Clinic) -> str:
    """The clinic settings the figures are counted under, as a short key."""
    thresholds, rule = clinic_thresholds(clinic), lapse_rule(clinic)
    return (
        f"heavy {thresholds.heavy_drinking_drinks_male}/{thresholds.heavy_drinking_drinks_female}"
        f" lapse {rule.tablet_days}/{rule.injection_days}"
    )


def _delete(field: str, ids: Iterable[int]) -> None:
    ids = list(ids)
    for first in range(0, len(ids), _CHUNK):
        StoredFigures.objects.filter(**{f"{field}__in": ids[first : first + _CHUNK]}).delete()


def _row_written(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    patient_id = instance.pk if isinstance(instance, Patient) else instance.patient_id
    StoredFigures.objects.filter(patient_id=patient_id).delete()


def _rows_written_in_bulk(sender: type[Model], patient_ids: Iterable[int], **kwargs: Any) -> None:
    _delete("patient_id", patient_ids)


def connect() -> None:
    """Delete a patient's stored figures whenever a row they are counted from is written."""
    for model in (*COUNTED_FROM, Patient):
        uid = f"stored-figures-{model.__name__}"
        post_save.connect(_row_written, sender=model, dispatch_uid=uid)
        if model is not Patient:
            post_delete.connect(_row_written, sender=model, dispatch_uid=uid)
    rows_written_in_bulk.connect(_rows_written_in_bulk, dispatch_uid="stored-figures-bulk")


def report_episodes(clinic: Clinic, *, today: dt.date) -> list[ReportEpisode]:
    """Every episode of ``clinic`` opened by ``today``, with its figures as of ``today``: the
    stored ones, after recounting those missing, of another day or of other settings."""
    current = basis(clinic)
    StoredFigures.objects.filter(clinic=clinic).exclude(as_of=today, basis=current).delete()
    missing = set(
        Episode.objects.filter(
            clinic=clinic, opened_on__lte=today, stored_figures=None
        ).values_list("patient_id", flat=True)
    )
    if missing:
        # A few patients are read by their ids (the indexes find their rows); many, in one
        # pass over the clinic, whose rows already stored are kept as they are.
        few = sorted(missing) if len(missing) <= _CHUNK else None
        _store(clinic, _recount(clinic, today=today, patients=few), today=today, current=current)
    return [
        _from_row(row)
        for row in _raw_rows(
            StoredFigures.objects.filter(clinic=clinic).order_by("episode_id").values_list(*_READ)
        )
    ]


def _raw_rows(rows: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The rows as the database driver gives them, without Django's converter per value (most
    of a report's time at 100,000 episodes): a boolean may come as 0 or 1, which the figures
    add up the same; the days come as text (``_READ``) to be read at C speed."""
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        fetched: list[tuple[Any, ...]] = cursor.fetchall()
        return fetched


def figures_refresh(clinic: Clinic, *, today: dt.date) -> int:
    """Recount every episode's figures of ``clinic`` as of ``today`` from the record and store
    each that differs from (or is missing in) the stored rows: the nightly work. Returns how
    many were stored."""
    current = basis(clinic)
    counted = {item.figures.episode: item for item in _recount(clinic, today=today)}
    stored = {
        row[0]: (as_of, basis_of, _from_row(tuple(row)))
        for *row, as_of, basis_of in _raw_rows(
            StoredFigures.objects.filter(clinic=clinic).values_list(*_READ, "as_of", "basis")
        )
    }
    wrong = [
        item for episode, item in counted.items() if stored.get(episode) != (today, current, item)
    ]
    gone = set(stored) - set(counted)
    with transaction.atomic():
        _delete("episode_id", [*(item.figures.episode for item in wrong), *gone])
        _store(clinic, wrong, today=today, current=current)
    return len(wrong)


def _recount(
    clinic: Clinic, *, today: dt.date, patients: list[int] | None = None
) -> list[ReportEpisode]:
    return episode_facts(clinic, today=today, rule=lapse_rule(clinic), patients=patients)


def _store(clinic: Clinic, items: list[ReportEpisode], *, today: dt.date, current: str) -> None:
    StoredFigures.objects.bulk_create(
        (
            StoredFigures(
                clinic=clinic,
                as_of=today,
                basis=current,
                **dict(zip(_FIGURES, item.figures, strict=True)),
                patient_id=item.patient,
                opened=item.opened,
                started_on=item.started_on,
                formulation=item.formulation or "",
                prescriber_id=item.prescriber,
                therapy=item.therapy == "any",
                age_band=item.age_band or "",
            )
            for item in items
        ),
        batch_size=500,
        # Two reports may recount the same episode at once: the first one stored stands.
        ignore_conflicts=True,
    )


def _from_row(row: tuple[Any, ...]) -> ReportEpisode:
    patient, opened, started_on, formulation, prescriber, therapy, age_band = row[_FIGURE_COUNT:]
    return ReportEpisode(
        EpisodeFigures._make(row[:_FIGURE_COUNT]),
        patient,
        dt.date.fromisoformat(opened) if isinstance(opened, str) else opened,
        dt.date.fromisoformat(started_on) if isinstance(started_on, str) else started_on,
        formulation or None,
        prescriber,
        "any" if therapy else "none",
        age_band or None,
    )
