"""API authentication: the signed-in session (with CSRF), limited to the roles an endpoint allows."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthorizationError
from ninja.security import SessionAuth

from naltrack.accounts.models import Membership


class RoleSessionAuth(SessionAuth):
    def __init__(self, *roles: str) -> None:
        super().__init__(csrf=True)
        self.roles = frozenset(roles)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None:
            return None
        if user.role not in self.roles:
            raise AuthorizationError(message="Your role does not allow this.")
        return user


staff_auth = RoleSessionAuth(Membership.Role.CLINICIAN, Membership.Role.ADMIN)
