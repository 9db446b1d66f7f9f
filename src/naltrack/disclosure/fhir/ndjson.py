"""Writing resources as NDJSON, one file per resource type (the FHIR Bulk Data layout): the one
writer of the bulk export to an outside recipient and of the clinic's own backup
(``naltrack export-fhir``), so both make the same files.

Every resource written is built by the builders (``resources`` says which), so each line carries the Part 2 labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final

from naltrack.care.models import Patient
from naltrack.disclosure.fhir.bundle import patient_resources
from naltrack.disclosure.fhir.release import consent_resource
from naltrack.disclosure.gate import ALL_CATEGORIES
from naltrack.disclosure.models import Consent

# Every type a patient's record exports as, in the order a reader meets them.
RESOURCE_TYPES: Final = (
    "Patient",
    "Condition",
    "MedicationRequest",
    "MedicationAdministration",
    "MedicationStatement",
    "Observation",
    "QuestionnaireResponse",
    "CarePlan",
    "Flag",
    "Encounter",
    "Consent",
    "Provenance",
)


def file_name(resource_type: str) -> str:
    return f"{resource_type}.ndjson"


class NdjsonFiles:
    """Appends resources to ``<directory>/<Type>.ndjson``, counting lines per type; a file is
    made only for a type that has a resource."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.counts: dict[str, int] = {}
        self._open: dict[str, IO[str]] = {}

    def __enter__(self) -> NdjsonFiles:
        self.directory.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for handle in self._open.values():
            handle.close()

    def write(self, resources: Iterable[Any]) -> None:
        for resource in resources:
            kind = resource.get_resource_type()
            handle = self._open.get(kind)
            if handle is None:
                handle = (self.directory / file_name(kind)).open("w", encoding="utf-8")
                self._open[kind] = handle
            handle.write(resource.model_dump_json(exclude_none=True) + "\n")
            self.counts[kind] = self.counts.get(kind, 0) + 1

    def listing(self) -> list[dict[str, Any]]:
        """The files written, ``{"type", "count"}`` each, in ``RESOURCE_TYPES`` order."""
        return [{"type": t, "count": self.counts[t]} for t in RESOURCE_TYPES if t in self.counts]


def ndjson_write(
    directory: Path,
    records: Iterable[list[Any]],
    *,
    after_each: Callable[[int], None] | None = None,
) -> list[dict[str, Any]]:
    """Write each patient's resources (one list per patient) under ``directory``; call
    ``after_each`` with how many patients are done."""
    with NdjsonFiles(directory) as files:
        for done, resources in enumerate(records, start=1):
            files.write(resources)
            if after_each is not None:
                after_each(done)
    return files.listing()


def whole_record(patient: Patient) -> list[Any]:
    """Everything of ``patient``'s record and all their consents: the clinic's own copy, no
    disclosure (so no Provenance)."""
    consents = Consent.objects.filter(patient=patient, clinic_id=patient.clinic_id).order_by("pk")
    return patient_resources(patient, ALL_CATEGORIES) + [
        consent_resource(c) for c in consents.select_related("patient", "patient__clinic")
    ]
