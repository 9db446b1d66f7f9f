"""The public enrollment form, as JSON: no account, the same form's rules and the same service.

The answers are checked by the page's own ``EnrollmentForm`` (so the API cannot accept what
the page refuses) and stored by ``enrollment_submit``, with its limits per address and email.
"""

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Router, Schema, Status

from naltrack.api.record_schemas import answers, one_of
from naltrack.clinical.start_check import EXPOSURE_KINDS
from naltrack.enrollment import selectors, services
from naltrack.enrollment.forms import EnrollmentForm
from naltrack.enrollment.models import Enrollment
from naltrack.web.client_address import client_address

router = Router(tags=["enrollments"])
ClinicSlug = Annotated[str, Path(max_length=50, description="The clinic's short name")]


class FormRefused(Exception):
    """The enrollment form's own rules refused the answers: its errors, field by field."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("enrollment refused")
        self.errors = errors


def _text(max_length: int) -> Any:
    return Field("", max_length=max_length)


class EnrollmentIn(Schema):
    given_name: str = Field(max_length=100)
    family_name: str = Field(max_length=100)
    date_of_birth: dt.date
    preferred_contact: one_of(Enrollment.Contact.values)  # type: ignore[valid-type]
    email: str = _text(254)
    phone: str = _text(40)
    preferred_time: one_of(Enrollment.TimeOfDay.values)  # type: ignore[valid-type]
    wants_help_with: one_of(Enrollment.HelpWith.values)  # type: ignore[valid-type]
    current_medications: str = _text(2000)
    recent_opioid_use: bool = Field(description="Any opioids in the last 30 days")
    opioid_kind: one_of(("", *EXPOSURE_KINDS)) = ""  # type: ignore[valid-type]
    opioid_what: str = _text(120)
    opioid_last_use: dt.date | None = None
    insurance_payer: str = _text(120)
    insurance_member_id: str = _text(60)
    emergency_contact_name: str = _text(200)
    emergency_contact_phone: str = _text(40)
    heard_from: one_of(("", *Enrollment.HeardFrom.values)) = ""  # type: ignore[valid-type]
    heard_from_other: str = _text(200)
    consent_contact: bool = Field(description="The clinic may contact me the way I chose")
    consent_privacy: bool = Field(description="I have read the privacy notice")


class EnrollmentReceived(Schema):
    reply_by: dt.date = Field(description="The clinic replies by this day")


def _as_posted(body: EnrollmentIn) -> dict[str, Any]:
    """The answers as the page's form posts them (a box left unticked is not sent)."""
    posted: dict[str, Any] = {}
    for name, value in body.model_dump().items():
        if isinstance(value, dt.date):
            posted[name] = value.isoformat()
        elif name == "recent_opioid_use":
            posted[name] = "yes" if value else "no"
        elif value is True:
            posted[name] = "on"
        elif value not in (None, False):
            posted[name] = value
    return posted


@router.post(
    "/clinics/{slug}/enrollments",
    auth=None,
    response=answers({201: EnrollmentReceived}, refusals=(404, 422, 429)),
    summary="Ask to join a clinic (the public enrollment form; no account needed)",
)
def enrollment_create(request: HttpRequest, slug: ClinicSlug, body: EnrollmentIn) -> Any:
    clinic = selectors.clinic_for_enrollment(slug=slug)
    form = EnrollmentForm(_as_posted(body), clinic=clinic)
    if not form.is_valid():
        raise FormRefused(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        )
    try:
        services.enrollment_submit(
            clinic=clinic, ip_address=client_address(request), **form.answers()
        )
    except services.SubmissionLimited as limited:
        # Nothing is lost: the person is told to call, as the page tells them.
        del limited
        return Status(
            429,
            {
                "detail": f"We have had many forms from here lately. Please call {clinic.name} "
                "or try again tomorrow."
            },
        )
    return Status(201, {"reply_by": selectors.reply_due(submitted_on=timezone.localdate())})
