"""A patient's record as people read it: one section per released category, one line per entry.

The printed record and its CSV form are both made from these lines, so the two always hold the
same entries. Each category reads the same rows the FHIR record file (``fhir.bundle``) exports
for it, so what a recipient gets does not depend on the format chosen. Like the FHIR builders,
nothing here checks consent or audits: the caller has passed the disclosure gate, and passes
only ``Release.categories``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from naltrack.care.models import (
    Alert,
    CheckIn,
    CravingEpisode,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    Patient,
    PatientRow,
    Regimen,
    TaperPlan,
    TherapySession,
)
from naltrack.disclosure.models import Consent


@dataclass(frozen=True)
class RecordEntry:
    day: dt.date
    what: str
    value: str
    notes: str = ""


@dataclass(frozen=True)
class RecordSection:
    category: str  # a ``Consent.Category`` value
    label: str
    entries: list[RecordEntry]


def _rows(model: type[PatientRow], patient: Patient, *related: str) -> list[Any]:
    # The caller fetched the patient through the access rule; reading by that patient and their
    # clinic keeps every other record out, as in ``fhir.bundle``.
    rows = model.objects.filter(patient=patient, clinic_id=patient.clinic_id)
    return list(rows.select_related(*related).order_by("pk"))


def _day(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


def _number(value: Decimal) -> str:
    # 31.00 reads 31, 0.80 reads 0.8: the figure as the lab wrote it, without stored padding.
    return format(value.normalize(), "f")


def _diagnoses(patient: Patient) -> list[RecordEntry]:
    entries = []
    for episode in _rows(Episode, patient):
        notes = "Restarted treatment" if episode.restart_of_id else ""
        if episode.stopped_on:
            stopped = f"Stopped {episode.stopped_on:%Y-%m-%d}"
            if episode.stop_reason:
                stopped += f": {episode.stop_reason}"
            notes = "; ".join(filter(None, [notes, stopped]))
        entries.append(
            RecordEntry(
                episode.opened_on,
                episode.get_indication_display(),
                f"Treatment {episode.get_state_display().lower()}",
                notes,
            )
        )
    return entries


def _medications(patient: Patient) -> list[RecordEntry]:
    entries = [
        RecordEntry(
            regimen.start,
            "Naltrexone regimen started",
            regimen.get_kind_display(),
            f"Ended {regimen.end:%Y-%m-%d}" if regimen.end else "",
        )
        for regimen in _rows(Regimen, patient)
    ]
    entries += [
        RecordEntry(
            injection.given_on,
            "Naltrexone injection",
            f"{injection.dose_mg} mg",
            ", ".join(
                filter(
                    None,
                    [injection.get_site_display(), injection.lot and f"lot {injection.lot}"],
                )
            ),
        )
        for injection in _rows(Injection, patient)
    ]
    entries += [
        RecordEntry(
            dose.day,
            "Naltrexone tablet",
            f"{dose.dose_mg} mg, {dose.get_status_display().lower()}",
            "Seen by clinic staff" if dose.observed else "Reported by the patient",
        )
        for dose in _rows(DoseEvent, patient)
    ]
    return entries


def _labs(patient: Patient) -> list[RecordEntry]:
    return [
        RecordEntry(
            lab.collected_on,
            lab.test,
            f"{_number(lab.value)} {lab.unit}",
            f"Upper limit of normal {_number(lab.upper_limit_normal)} {lab.unit}",
        )
        for lab in _rows(LabResult, patient)
    ]


def _drug_screens(patient: Patient) -> list[RecordEntry]:
    entries = []
    for screen in _rows(DrugScreen, patient):
        tested = ", ".join(f"{name} {result}" for name, result in sorted(screen.panel.items()))
        entries.append(
            RecordEntry(
                screen.collected_on,
                "Urine drug screen",
                "Opioids positive" if screen.opioids_positive else "No opioids found",
                "; ".join(filter(None, [tested, screen.other_findings])),
            )
        )
    return entries


def _check_ins(patient: Patient) -> list[RecordEntry]:
    entries = []
    for check_in in _rows(CheckIn, patient):
        parts = [f"craving {check_in.craving}/10"]
        if check_in.drinks is not None:
            parts.append(f"drinks {check_in.drinks}")
        parts.append("opioid use: yes" if check_in.opioid_use else "opioid use: no")
        entries.append(RecordEntry(check_in.day, "Daily check-in", ", ".join(parts)))
    entries += [
        RecordEntry(
            _day(craving.started_at),
            "Craving logged",
            f"{craving.start_rating}/10",
            craving.get_outcome_display() if craving.outcome else "",
        )
        for craving in _rows(CravingEpisode, patient)
    ]
    return entries


def _questionnaires(patient: Patient) -> list[RecordEntry]:
    return [
        RecordEntry(
            response.taken_on,
            response.get_instrument_display(),
            f"{response.score} of {response.max_score}",
            response.band.replace("_", " "),
        )
        for response in _rows(InstrumentResponse, patient)
    ]


def _therapy_notes(patient: Patient) -> list[RecordEntry]:
    return [
        RecordEntry(
            _day(session.scheduled_at),
            session.get_kind_display(),
            session.get_status_display(),
            session.notes,
        )
        for session in _rows(TherapySession, patient)
    ]


def _care_plans(patient: Patient) -> list[RecordEntry]:
    entries = [
        RecordEntry(
            _day(plan.recorded_at),
            f"Plan: {plan.strategy.replace('_', ' ')}",
            f"Last dose {plan.last_dose:%Y-%m-%d}",
            "; ".join(filter(None, [f"Blockade ends {plan.blockade_ends:%Y-%m-%d}", plan.reason])),
        )
        for plan in _rows(TaperPlan, patient)
    ]
    entries += [
        RecordEntry(
            follow_up.due_on,
            "Follow-up contact",
            f"Done {follow_up.done_on:%Y-%m-%d}" if follow_up.done_on else "Due",
            follow_up.get_method_display() if follow_up.method else "",
        )
        for follow_up in _rows(FollowUp, patient)
    ]
    entries += [
        RecordEntry(
            _day(alert.opened_at), "Open alert", alert.get_severity_display(), alert.message
        )
        for alert in _rows(Alert, patient)
        if alert.is_open
    ]
    return entries


_READERS: dict[str, Callable[[Patient], list[RecordEntry]]] = {
    Consent.Category.MEDICATIONS: _medications,
    Consent.Category.LABS: _labs,
    Consent.Category.DRUG_SCREENS: _drug_screens,
    Consent.Category.DIAGNOSES: _diagnoses,
    Consent.Category.QUESTIONNAIRES: _questionnaires,
    Consent.Category.THERAPY_NOTES: _therapy_notes,
    Consent.Category.CHECK_INS: _check_ins,
    Consent.Category.CARE_PLANS: _care_plans,
}


def record_sections(patient: Patient, categories: frozenset[str]) -> list[RecordSection]:
    """One section per category in ``categories``, in the consent form's order, each entry in
    date order: only what the gate released is read at all."""
    return [
        RecordSection(
            category,
            label,
            sorted(_READERS[category](patient), key=lambda entry: entry.day),
        )
        for category, label in Consent.Category.choices
        if category in categories
    ]
