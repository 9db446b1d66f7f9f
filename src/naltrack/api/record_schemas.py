"""The record API's bodies and answers, built from the record's own vocabularies and limits so
that a new value or limit reaches the pages and the API at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Final, Literal

from ninja import Field, Path, Schema

MAX_ID: Final = 2**53  # larger ids are not ids any database here hands out


def one_of(values: Iterable[str]) -> Any:
    """A string that must be one of ``values`` (typed, and listed in the OpenAPI schema)."""
    return Literal[tuple(values)]


PatientId = Annotated[int, Path(ge=1, le=MAX_ID, description="The patient's id")]
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


class Refusal(Schema):
    """Not signed in (401), not allowed (403), not found or not yours (404), too many (429)."""

    detail: str


class FieldError(Schema):
    loc: list[str | int] = Field(description="Where: `body`, then the field")
    msg: str
    type: str


class FieldErrors(Schema):
    """Input refused (422): each problem names its field."""

    detail: list[FieldError]


def answers(ok: dict[int, Any], *, refusals: Iterable[int] = (401, 403, 404, 422)) -> Any:
    """A route's declared answers: its success and the refusals it can give; any of them may
    also answer 400 to a request that cannot be read at all (a broken multipart body)."""
    shapes: dict[int, Any] = {401: Refusal, 403: Refusal, 404: Refusal, 422: FieldErrors}
    shapes.update({429: Refusal})
    return {**ok, 400: Any, **{status: shapes[status] for status in refusals}}


class WithNotice(Schema):
    notice: str | None = Field(
        None, description="The 42 CFR 2.32 notice, on every answer to an outside system"
    )


def _recorded_at() -> Any:
    return Field(description="When it was entered in the record")


# --- answers --------------------------------------------------------------------------------------


class PatientOut(Schema):
    id: int
    given_name: str
    family_name: str
    date_of_birth: dt.date
    sex: str
    medical_record_number: str


class PatientAnswer(WithNotice):
    patient: PatientOut


class CheckInOut(Schema):
    id: int
    day: dt.date
    craving: int
    drinks: int | None
    opioid_use: bool
    side_effects: list[str]
    mood: int | None
    note: str
    recorded_at: dt.datetime = _recorded_at()


class DoseOut(Schema):
    id: int
    day: dt.date
    dose_mg: int
    status: str
    observed: bool = Field(description="Seen by staff; otherwise the patient's own report")
    patient_report: str = Field(
        description="What the patient said of a dose staff saw, if it differs"
    )
    recorded_at: dt.datetime = _recorded_at()


class InjectionOut(Schema):
    id: int
    given_on: dt.date
    dose_mg: int
    site: str
    lot: str
    next_due: dt.date
    recorded_at: dt.datetime = _recorded_at()


class LabOut(Schema):
    id: int
    test: str
    value: float
    unit: str
    upper_limit_normal: float
    collected_on: dt.date
    recorded_at: dt.datetime = _recorded_at()


class DrugScreenOut(Schema):
    id: int
    collected_on: dt.date
    opioids_positive: bool
    panel: dict[str, str] = Field(description="Each analyte tested and its result")
    other_findings: str
    recorded_at: dt.datetime = _recorded_at()


class AlertOut(Schema):
    id: int
    patient_id: int
    code: str
    severity: str
    message: str
    source: str
    opened_at: dt.datetime
    acknowledged_at: dt.datetime | None
    acknowledgement_note: str


class ConsentOut(Schema):
    id: int
    state: str = Field(description="active, withdrawn or ended")
    recipient_kind: str
    recipient_name: str
    recipient_roles: list[str]
    purposes: list[str]
    all_records: bool
    categories: list[str]
    expires_on: dt.date | None
    expiry_event: str
    signed_on: dt.date
    revoked_at: dt.datetime | None
