from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def membership(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"membership": None, "role": None}
    member = user.clinic_membership
    return {"membership": member, "role": member.role if member else None}
