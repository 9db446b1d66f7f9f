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


def _outside(scope: str) -> Any:
    # Imported here: the OAuth2 models load only once the apps are ready.
    from naltrack.api.outside import OutsideClientAuth

    return OutsideClientAuth(scope)


patient_auth = RoleSessionAuth(Membership.Role.PATIENT)
# Anyone signed in reaches what ``visible_to`` gives them: staff their clinic, a patient themself.
member_auth = RoleSessionAuth(*Membership.Role.values)
# The read routes also open to outside systems, with a token carrying the route's scope.
patient_readers = [member_auth, _outside("patients:read")]
record_readers = [member_auth, _outside("records:read")]
staff_readers = [staff_auth, _outside("records:read")]
