"""An outside system registered for a clinic, and its token."""

from __future__ import annotations

import base64
from typing import Any

from django.test import Client

from naltrack.api.outside import Registered, outside_client_register
from naltrack.disclosure.models import Consent

RECIPIENT = "Dr Ada Okafor, Eastside Family Practice"  # as tests.disclosure.helpers.named_terms


def registered(clinic: Any, by: Any = None, **changes: Any) -> Registered:
    values: dict[str, Any] = {
        "recipient_name": RECIPIENT,
        "recipient_role": Consent.Role.TREATING_PROVIDER,
        "purpose": Consent.Purpose.TREATMENT,
    }
    return outside_client_register(clinic=clinic, by=by, **{**values, **changes})


def token_response(client: Registered, scope: str = "patients:read records:read") -> Any:
    basic = base64.b64encode(f"{client.client_id}:{client.client_secret}".encode()).decode()
    return Client().post(
        "/o/token/",
        {"grant_type": "client_credentials", "scope": scope},
        HTTP_AUTHORIZATION=f"Basic {basic}",
    )


def bearer(client: Registered, scope: str = "patients:read records:read") -> Client:
    response = token_response(client, scope)
    assert response.status_code == 200, response.content
    return Client(HTTP_AUTHORIZATION=f"Bearer {response.json()['access_token']}")
