"""Signing in with an email and password, for people whose clinic is open."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend


class ClinicMemberBackend(ModelBackend):
    """Django's backend, which also refuses the people of a suspended clinic: at sign-in, and
    for a session already open (``get_user`` asks the same question on every request)."""

    def user_can_authenticate(self, user: Any) -> bool:
        if not super().user_can_authenticate(user):
            return False
        membership = getattr(user, "clinic_membership", None)
        return membership is None or membership.clinic.suspended_at is None
