"""Check-ins and doses: a patient's app sends its own, as the patient's pages do; staff record
doses for their clinic's patients; both are read like every row of the record."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from naltrack.accounts.access import current_user
from naltrack.api import callers
from naltrack.api.auth import patient_auth, record_readers, staff_auth
from naltrack.api.pagination import RecordPagination
from naltrack.api.record_schemas import CheckInOut, DoseOut, PatientId, answers, one_of
from naltrack.care import selectors, services
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import CheckIn, DoseEvent
from naltrack.clinical.vocabulary import ORAL
from naltrack.disclosure.models import Consent
from naltrack.patient.forms import CRAVING_CHOICES, DRINKS_MAX, MOODS, NOTE_MAX, SIDE_EFFECT_LABELS

check_ins = Router(tags=["check-ins"])
doses = Router(tags=["doses"])

CRAVING_MAX = max(int(value) for value, _ in CRAVING_CHOICES)
MOOD_MIN, MOOD_MAX = min(int(m[0]) for m in MOODS), max(int(m[0]) for m in MOODS)


class CheckInIn(Schema):
    craving: int = Field(ge=0, le=CRAVING_MAX, description="0 (none) to 10 (the strongest)")
    drinks: int = Field(ge=0, le=DRINKS_MAX, description="Standard drinks today; 0 if none")
    opioid_use: bool
    side_effects: list[one_of(SIDE_EFFECT_LABELS)] = Field(  # type: ignore[valid-type]
        default_factory=list, max_length=len(SIDE_EFFECT_LABELS)
    )
    mood: int | None = Field(None, ge=MOOD_MIN, le=MOOD_MAX, description="1 (very low) to 5")
    note: str = Field("", max_length=NOTE_MAX)


class DoseIn(Schema):
    day: dt.date
    status: one_of(DoseEvent.Status.values)  # type: ignore[valid-type]
    observed: bool = Field(False, description="Seen by staff; false for the patient's own report")


@check_ins.get(
    "/patients/{patient_id}/check-ins",
    auth=record_readers,
    response=answers({200: list[CheckInOut]}),
    summary="A patient's check-ins, newest first",
)
@paginate(RecordPagination)
def check_in_list(request: HttpRequest, patient_id: PatientId) -> Any:
    return callers.rows_read(
        request, patient_id, CheckIn, category=Consent.Category.CHECK_INS, what="check-ins"
    )


@check_ins.post(
    "/me/check-in",
    auth=patient_auth,
    response=answers({201: CheckInOut}, refusals=(401, 403, 404, 422)),
    summary="Today's check-in (a second one today changes it)",
)
def check_in_today(request: HttpRequest, body: CheckInIn) -> Any:
    patient = selectors.patient_own(user=current_user(request))
    saved = services.check_in_record(
        patient=patient,
        day=timezone.localdate(),
        craving=body.craving,
        drinks=body.drinks,
        opioid_use=body.opioid_use,
        # In the list's order, once each, as the page stores them.
        side_effects=[key for key in SIDE_EFFECT_LABELS if key in body.side_effects],
        mood=body.mood,
        note=body.note.strip(),
        by=current_user(request),
    )
    return Status(201, saved)


@doses.get(
    "/patients/{patient_id}/doses",
    auth=record_readers,
    response=answers({200: list[DoseOut]}),
    summary="A patient's tablet doses, newest first",
)
@paginate(RecordPagination)
def dose_list(request: HttpRequest, patient_id: PatientId) -> Any:
    return callers.rows_read(
        request, patient_id, DoseEvent, category=Consent.Category.MEDICATIONS, what="doses"
    )


@doses.post(
    "/me/dose-taken",
    auth=patient_auth,
    response=answers({201: DoseOut}),
    summary="“I took my dose”: today's scheduled tablet, taken (a second tap changes nothing)",
)
def dose_taken(request: HttpRequest) -> Any:
    patient = selectors.patient_own(user=current_user(request))
    today = timezone.localdate()
    treatment = selectors.treatment_now(patient=patient, today=today)
    if treatment.regimen is None or not treatment.is_oral or treatment.due_today is None:
        raise ClinicalRuleError("", "There is no dose to record today.")
    if not treatment.taken_today:
        services.dose_record(
            regimen=treatment.regimen,
            day=today,
            status=DoseEvent.Status.TAKEN,
            observed=False,
            by=current_user(request),
        )
    return Status(201, DoseEvent.objects.get(regimen=treatment.regimen, day=today))


@doses.post(
    "/patients/{patient_id}/doses",
    auth=staff_auth,
    response=answers({201: DoseOut}),
    summary="Record a tablet dose as taken or missed",
)
def dose_create(request: HttpRequest, patient_id: PatientId, body: DoseIn) -> Any:
    patient = selectors.patient_get(user=current_user(request), patient_id=patient_id)
    regimen = selectors.regimen_current(patient, ORAL)
    if regimen is None:
        raise ClinicalRuleError("", "This patient is not on naltrexone tablets.")
    return Status(
        201,
        services.dose_record(
            regimen=regimen,
            day=body.day,
            status=body.status,
            observed=body.observed,
            by=current_user(request),
        ),
    )
