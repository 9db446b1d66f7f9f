"""Whose wrong passwords count together for the sign-in lockout (django-axes).

Sign-in finds the account whatever the letter case (``UserManager.get_by_natural_key``) and the
form strips spaces, so the lockout must count every spelling of an address as one: otherwise
``LOAD49@RIVERSIDE.EXAMPLE`` or `` load49@riverside.example `` would start a fresh count and
guessing would never be stopped.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The attempted email as the lockout counts it: trimmed and lower-case."""
    if credentials:
        attempted = credentials.get("username")
    else:
        attempted = getattr(request, "POST", {}).get("username")
    return str(attempted or "").strip().lower()
