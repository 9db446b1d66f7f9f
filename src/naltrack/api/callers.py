"""Who is calling the record API, and the one way each reaches a patient's record.

- Signed-in staff and patients (a browser session): through ``care.selectors``, exactly as the
  pages do — ``visible_to(user)`` scopes, a patient or row out of scope is a 404, reads audited.
- An outside system (``OutsideClient``, an OAuth2 token): only the patients of its clinic whose
  consent in force covers its recipient and purpose, and only through the disclosure gate:
  every read is a ``release`` for the category the route serves, recorded in the patient's
  accounting of disclosures, and its answer carries the §2.32 notice.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja.errors import HttpError

from naltrack.accounts.access import current_user
from naltrack.api.models import OutsideClient
from naltrack.api.pagination import Released
from naltrack.audit.services import audit_denied
from naltrack.care import selectors
from naltrack.care.models import Patient
from naltrack.care.selectors.access import Row
from naltrack.disclosure.gate import NotCovered, Release, covered_patients, release
from naltrack.disclosure.models import Disclosure
from naltrack.disclosure.notice import PART2_NOTICE

# The gate's refusal names the patient; an outside system that is not covered must not even
# learn that name, so it gets this instead (the refusal is audited by the gate all the same).
NOT_COVERED = (
    "No consent in force lets this part of the record go to you for your purpose. "
    "Nothing was shared."
)


def outside_client(request: HttpRequest) -> OutsideClient | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, OutsideClient) else None


def _covered(client: OutsideClient) -> list[Patient]:
    return covered_patients(
        clinic=client.clinic, recipient=client.recipient, purpose=client.purpose
    )


def _release(
    client: OutsideClient, patient: Patient, categories: list[str] | None, what: str
) -> Release:
    try:
        return release(
            by=None,
            patient=patient,
            recipient=client.recipient,
            purpose=client.purpose,
            form=Disclosure.Form.API,
            categories=categories,
            what=f"Record API, client {client.application.client_id}: {what}"[:300],
        )
    except NotCovered as refused:
        raise HttpError(403, NOT_COVERED) from refused


def _clinic_patient(client: OutsideClient, patient_id: int) -> Patient:
    patient = Patient.objects.filter(clinic=client.clinic, pk=patient_id).first()
    if patient is None:
        audit_denied(
            user=None,
            what="patient",
            patient_id_asked=patient_id,
            outside_client=client.application.client_id,
        )
        raise Http404("No such patient")
    return patient


# --- patients ------------------------------------------------------------------------------------


def patients_listed(request: HttpRequest, query: str) -> Any:
    """The patients this caller may learn of (not yet paged: ``patients_shown`` sees the page)."""
    client = outside_client(request)
    if client is not None:
        return _covered(client)
    return selectors.patient_search(user=current_user(request), query=query).select_related(
        "clinic"
    )


def patients_shown(request: HttpRequest, patients: list[Patient]) -> str | None:
    """A page of patients goes out: staff's list is audited; each patient named to an outside
    system is a disclosure of who is in treatment, released and recorded one by one."""
    client = outside_client(request)
    if client is None:
        selectors.patient_list_audit(user=current_user(request), patients=patients, query="api")
        return None
    for patient in patients:
        _release(client, patient, None, "patient list")
    return PART2_NOTICE


def patient_read(request: HttpRequest, patient_id: int) -> tuple[Patient, str | None]:
    client = outside_client(request)
    if client is None:
        return selectors.patient_get(user=current_user(request), patient_id=patient_id), None
    patient = _clinic_patient(client, patient_id)
    return patient, _release(client, patient, None, "patient details").notice


# --- rows of the record --------------------------------------------------------------------------


def rows_read(
    request: HttpRequest, patient_id: int, model: type[Row], *, category: str, what: str
) -> Released:
    """``model``'s rows of the patient, as this caller may have them."""
    client = outside_client(request)
    if client is None:
        user = current_user(request)
        patient = selectors.patient_get(user=user, patient_id=patient_id)
        return Released(selectors.record_rows(model, user=user, patient=patient))
    patient = _clinic_patient(client, patient_id)
    released = _release(client, patient, [category], what)
    return Released(model.objects.filter(patient=patient), released.notice)
