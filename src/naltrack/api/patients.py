"""Patients: the list a caller may see, and one patient."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from naltrack.api import callers
from naltrack.api.auth import patient_readers
from naltrack.api.pagination import RecordPagination
from naltrack.api.record_schemas import PatientAnswer, PatientId, PatientOut, answers

router = Router(tags=["patients"], auth=patient_readers)


class PatientFilter(Schema):
    q: str = Field("", max_length=100, description="Search words")


@router.get(
    "/patients",
    response=answers({200: list[PatientOut]}, refusals=(401, 403, 422)),
    summary="Patients you may see",
    description="Staff: the clinic's patients (`q` searches name, record number, email). "
    "A patient: themself. An outside system: the patients whose consent covers it.",
)
@paginate(RecordPagination, shown=callers.patients_shown)
def patient_list(request: HttpRequest, filters: Query[PatientFilter]) -> Any:
    return callers.patients_listed(request, filters.q)


@router.get("/patients/{patient_id}", response=answers({200: PatientAnswer}), summary="One patient")
def patient_detail(request: HttpRequest, patient_id: PatientId) -> Any:
    patient, notice = callers.patient_read(request, patient_id)
    return {"patient": patient, "notice": notice}
