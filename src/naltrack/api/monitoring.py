"""Injections, labs and drug screens: listed for whoever may read them, recorded by staff
through the same services as the chart's forms."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from naltrack.accounts.access import current_user
from naltrack.api import callers
from naltrack.api.auth import record_readers, staff_auth
from naltrack.api.pagination import RecordPagination
from naltrack.api.record_schemas import (
    DrugScreenOut,
    InjectionOut,
    LabOut,
    PatientId,
    answers,
    one_of,
)
from naltrack.care import selectors, services
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import SITE_CHOICES, DrugScreen, Injection, LabResult
from naltrack.clinical.lab_values import LAB_BOUNDS
from naltrack.clinical.start_check import ANALYTE_RESULTS, ANALYTES, LAB_TESTS
from naltrack.clinical.vocabulary import XR_INJECTION
from naltrack.disclosure.models import Consent

injections = Router(tags=["injections"])
labs = Router(tags=["labs"])
drug_screens = Router(tags=["drug screens"])

LAB_UNITS = tuple(dict.fromkeys(unit for b in LAB_BOUNDS.values() for unit in b.units))


class InjectionIn(Schema):
    given_on: dt.date
    site: one_of(site for site, _ in SITE_CHOICES)  # type: ignore[valid-type]
    lot: str = Field("", max_length=40, description="As printed on the carton")
    confirm_spacing: bool = Field(
        False, description="Record it although it is close to (or long after) the last one"
    )


class LabIn(Schema):
    test: one_of(LAB_TESTS)  # type: ignore[valid-type]
    value: Decimal = Field(ge=0, max_digits=8, decimal_places=2)
    upper_limit_normal: Decimal = Field(gt=0, max_digits=8, decimal_places=2)
    unit: one_of(LAB_UNITS) | None = Field(  # type: ignore[valid-type]
        None, description="As on the lab's report; the test's usual unit when left out"
    )
    collected_on: dt.date
    confirm_value: bool = Field(False, description="Record a rare value after checking it")


class DrugScreenIn(Schema):
    collected_on: dt.date
    opioids_positive: bool
    panel: dict[one_of(ANALYTES), one_of(ANALYTE_RESULTS)] = Field(  # type: ignore[valid-type]
        default_factory=dict, description="Each opioid the screen tested for, and its result"
    )
    other_findings: str = Field("", max_length=300)


@injections.get(
    "/patients/{patient_id}/injections",
    auth=record_readers,
    response=answers({200: list[InjectionOut]}),
    summary="A patient's injections, newest first",
)
@paginate(RecordPagination)
def injection_list(request: HttpRequest, patient_id: PatientId) -> Any:
    return callers.rows_read(
        request, patient_id, Injection, category=Consent.Category.MEDICATIONS, what="injections"
    )


@injections.post(
    "/patients/{patient_id}/injections",
    auth=staff_auth,
    response=answers({201: InjectionOut}),
    summary="Record an injection given",
)
def injection_create(request: HttpRequest, patient_id: PatientId, body: InjectionIn) -> Any:
    patient = selectors.patient_get(user=current_user(request), patient_id=patient_id)
    regimen = selectors.regimen_current(patient, XR_INJECTION)
    if regimen is None:
        raise ClinicalRuleError("", "This patient is not on the monthly injection.")
    return Status(
        201,
        services.injection_record(
            regimen=regimen,
            given_on=body.given_on,
            site=body.site,
            lot=body.lot,
            given_by=current_user(request),
            confirm_spacing=body.confirm_spacing,
        ),
    )


@labs.get(
    "/patients/{patient_id}/labs",
    auth=record_readers,
    response=answers({200: list[LabOut]}),
    summary="A patient's liver tests, newest first",
)
@paginate(RecordPagination)
def lab_list(request: HttpRequest, patient_id: PatientId) -> Any:
    return callers.rows_read(
        request, patient_id, LabResult, category=Consent.Category.LABS, what="labs"
    )


@labs.post(
    "/patients/{patient_id}/labs",
    auth=staff_auth,
    response=answers({201: LabOut}),
    summary="Record a liver-test result",
)
def lab_create(request: HttpRequest, patient_id: PatientId, body: LabIn) -> Any:
    patient = selectors.patient_get(user=current_user(request), patient_id=patient_id)
    return Status(
        201,
        services.lab_record(
            patient=patient,
            test=body.test,
            value=body.value,
            upper_limit_normal=body.upper_limit_normal,
            collected_on=body.collected_on,
            unit=body.unit or LAB_BOUNDS[body.test].unit,
            by=current_user(request),
            confirm_value=body.confirm_value,
        ),
    )


@drug_screens.get(
    "/patients/{patient_id}/drug-screens",
    auth=record_readers,
    response=answers({200: list[DrugScreenOut]}),
    summary="A patient's drug screens, newest first",
)
@paginate(RecordPagination)
def drug_screen_list(request: HttpRequest, patient_id: PatientId) -> Any:
    return callers.rows_read(
        request,
        patient_id,
        DrugScreen,
        category=Consent.Category.DRUG_SCREENS,
        what="drug screens",
    )


@drug_screens.post(
    "/patients/{patient_id}/drug-screens",
    auth=staff_auth,
    response=answers({201: DrugScreenOut}),
    summary="Record a urine drug screen",
)
def drug_screen_create(request: HttpRequest, patient_id: PatientId, body: DrugScreenIn) -> Any:
    patient = selectors.patient_get(user=current_user(request), patient_id=patient_id)
    return Status(
        201,
        services.drug_screen_record(
            patient=patient,
            collected_on=body.collected_on,
            opioids_positive=body.opioids_positive,
            panel=dict(body.panel),
            other_findings=body.other_findings,
            by=current_user(request),
        ),
    )
