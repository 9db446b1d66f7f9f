"""A patient's consents: staff of their clinic, or the patient themself."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from naltrack.accounts.access import current_user
from naltrack.api.auth import member_auth
from naltrack.api.pagination import RecordPagination
from naltrack.api.record_schemas import ConsentOut, PatientId, answers
from naltrack.care import selectors
from naltrack.disclosure.models import Consent
from naltrack.disclosure.selectors import consent_state, consents_of

router = Router(tags=["consents"], auth=member_auth)


def _shown(consent: Consent) -> dict[str, Any]:
    fields = ConsentOut.model_fields.keys() - {"state"}
    return {"state": consent_state(consent), **{name: getattr(consent, name) for name in fields}}


@router.get(
    "/patients/{patient_id}/consents",
    response=answers({200: list[ConsentOut]}),
    summary="A patient's consents to share their record, newest first",
)
@paginate(RecordPagination)
def consent_list(request: HttpRequest, patient_id: PatientId) -> Any:
    patient = selectors.patient_get(user=current_user(request), patient_id=patient_id)
    return [_shown(consent) for consent in consents_of(user=current_user(request), patient=patient)]
