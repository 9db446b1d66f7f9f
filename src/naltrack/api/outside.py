"""Outside systems: OAuth2 client credentials (django-oauth-toolkit) bound to one clinic, one
recipient and one purpose (``api.models.OutsideClient``).

A clinic admin registers a client (the *Outside systems* page, or ``naltrack register-client``)
and sees its secret once; only its hash is kept. The client asks ``/o/token/`` for a token with
the scopes it was registered with, and calls the read routes of the record API with it. What it
gets of any patient is decided by the disclosure gate, call by call (``api.callers``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthorizationError
from ninja.security.base import AuthBase
from oauth2_provider.models import AccessToken, Application, RefreshToken
from oauth2_provider.oauth2_backends import get_oauthlib_core
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.scopes import SettingsScopes

from naltrack.accounts.models import Clinic, User
from naltrack.api.models import OutsideClient
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.errors import ClinicalRuleError
from naltrack.disclosure.models import Consent

PATIENTS_READ: Final = "patients:read"
RECORDS_READ: Final = "records:read"
SCOPES: Final[dict[str, str]] = settings.OAUTH2_PROVIDER["SCOPES"]  # type: ignore[assignment]
TOKEN_URL: Final = "/o/token/"  # noqa: S105 (an address, not a secret)


def _outside_client(application: Any) -> OutsideClient | None:
    try:
        client: OutsideClient = application.outside_client
    except OutsideClient.DoesNotExist:
        return None
    return client if client.is_active else None


# --- the OAuth2 server's questions ---------------------------------------------------------------


class ClientScopes(SettingsScopes):  # type: ignore[misc]
    """A client may ask only for the scopes it was registered with."""

    def get_available_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        client = _outside_client(application) if application is not None else None
        return [scope for scope in (client.scopes if client else []) if scope in SCOPES]

    def get_default_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        return self.get_available_scopes(application, request)


class OutsideClientValidator(OAuth2Validator):  # type: ignore[misc]
    """Only a registered, unrevoked outside client gets a token."""

    def authenticate_client(self, request: Any, *args: Any, **kwargs: Any) -> bool:
        if not super().authenticate_client(request, *args, **kwargs):
            return False
        return _outside_client(request.client) is not None


# --- the API's door for them ---------------------------------------------------------------------


class OutsideClientAuth(AuthBase):
    """A bearer token from ``/o/token/`` of an active outside client, carrying ``scope``."""

    openapi_type = "oauth2"

    def __init__(self, scope: str) -> None:
        self.scope = scope
        self.openapi_flows = {"clientCredentials": {"tokenUrl": TOKEN_URL, "scopes": SCOPES}}
        super().__init__()

    def __call__(self, request: HttpRequest) -> OutsideClient | None:
        if not request.headers.get("Authorization", "").lower().startswith("bearer "):
            return None
        valid, oauth_request = get_oauthlib_core().verify_request(request, scopes=[])
        if not valid or oauth_request is None:
            return None
        token: AccessToken = oauth_request.access_token
        client = _outside_client(token.application)
        if client is None:
            return None
        if not token.allow_scopes([self.scope]):
            raise AuthorizationError(message=f"This token does not carry the {self.scope} scope.")
        return client


# --- registering and revoking --------------------------------------------------------------------


@dataclass(frozen=True)
class Registered:
    """A new client and its secret, which is shown this once and kept only as a hash."""

    client: OutsideClient
    client_id: str
    client_secret: str


def _required(value: str, field: str, message: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ClinicalRuleError(field, message)
    return value


@transaction.atomic
def outside_client_register(
    *,
    clinic: Clinic,
    recipient_name: str,
    recipient_role: str,
    purpose: str,
    scopes: list[str] | None = None,
    by: User | None,
) -> Registered:
    name = _required(recipient_name, "recipient_name", "Name who receives the records.")
    if len(name) > 200:
        raise ClinicalRuleError("recipient_name", "Keep the name under 200 characters.")
    if recipient_role not in Consent.Role.values:
        raise ClinicalRuleError("recipient_role", "Choose who the recipient is to the patients.")
    if purpose not in Consent.Purpose.values:
        raise ClinicalRuleError("purpose", "Choose what the records are for.")
    chosen = list(SCOPES) if scopes is None else [s for s in SCOPES if s in scopes]
    if not chosen or set(scopes or chosen) - set(SCOPES):
        raise ClinicalRuleError("scopes", "Choose from: " + ", ".join(SCOPES) + ".")
    application = Application(
        name=f"{clinic.slug}: {name}"[:255],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
    )
    secret = application.client_secret  # generated unhashed; save() keeps only its hash
    application.save()
    client = OutsideClient.objects.create(
        application=application,
        clinic=clinic,
        recipient_name=name,
        recipient_role=recipient_role,
        purpose=purpose,
        scopes=chosen,
        registered_by=by,
    )
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.CREATE,
        obj=client,
        clinic_id=clinic.pk,
        detail={
            "client_id": application.client_id,
            "recipient": name,
            "role": recipient_role,
            "purpose": purpose,
            "scopes": chosen,
        },
    )
    return Registered(client, application.client_id, secret)


@transaction.atomic
def outside_client_revoke(*, client: OutsideClient, by: User | None) -> OutsideClient:
    """Stop the client at once: no new token, and the tokens it holds no longer work."""
    if client.revoked_at is not None:
        return client
    client.revoked_at = timezone.now()
    client.revoked_by = by
    client.save(update_fields=["revoked_at", "revoked_by"])
    RefreshToken.objects.filter(application=client.application).delete()
    AccessToken.objects.filter(application=client.application).delete()
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.UPDATE,
        obj=client,
        clinic_id=client.clinic_id,
        detail={"revoked": True, "client_id": client.application.client_id},
    )
    return client


def outside_clients_of(*, clinic: Clinic) -> list[OutsideClient]:
    return list(
        OutsideClient.objects.filter(clinic=clinic).select_related("application", "registered_by")
    )


def outside_client_get(*, clinic: Clinic, client_id: int) -> OutsideClient | None:
    return (
        OutsideClient.objects.filter(clinic=clinic, pk=client_id)
        .select_related("application")
        .first()
    )
