"""Who is calling a FHIR endpoint: decided here, once, for every endpoint under /fhir/.

- ``PatientCaller``: a signed-in patient (a browser session). They may have their own record.
- ``StaffCaller``: a signed-in member of a clinic's staff. Staff share a record from the chart,
  to a named recipient, never by calling the API; a clinic admin may follow and download the
  bulk exports they started from the clinic's Exports page.
- ``OutsideCaller``: an outside system with an OAuth2 bearer token, bound to one clinic, one
  recipient and one purpose; what it gets is decided by the disclosure gate, patient by patient.
- ``None``: nobody we know (no session, or a bearer token we do not accept): 401.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.disclosure.coverage import Recipient


@dataclass(frozen=True)
class PatientCaller:
    user: User


@dataclass(frozen=True)
class StaffCaller:
    user: User

    @property
    def clinic(self) -> Clinic | None:
        membership = self.user.clinic_membership
        return membership.clinic if membership is not None else None

    @property
    def is_admin(self) -> bool:
        return self.user.role == Membership.Role.ADMIN


@dataclass(frozen=True)
class OutsideCaller:
    """``label`` names the client in the audit trail and in the exports it started."""

    label: str
    clinic: Clinic
    recipient: Recipient
    purpose: str


Caller = PatientCaller | StaffCaller | OutsideCaller


def _bearer_token(request: HttpRequest) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def fhir_caller(request: HttpRequest) -> Caller | None:
    # A bearer token decides alone: a request that carries one is an outside system's, even
    # with a session cookie beside it. It must be a live token of an active outside client,
    # carrying the records:read scope (the same check as the record API's).
    if _bearer_token(request) is not None:
        return _outside_caller(request)
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
        return None
    if user.role == Membership.Role.PATIENT:
        return PatientCaller(user)
    if user.is_clinic_staff:
        return StaffCaller(user)
    return None


def _outside_caller(request: HttpRequest) -> OutsideCaller | None:
    from ninja.errors import AuthorizationError

    from naltrack.api.outside import OutsideClientAuth

    try:
        client = OutsideClientAuth("records:read")(request)
    except AuthorizationError:
        return None
    if client is None:
        return None
    return OutsideCaller(
        label=f"outside client {client.application.client_id}",
        clinic=client.clinic,
        recipient=client.recipient,
        purpose=client.purpose,
    )
