"""Sign-ins and sign-outs go into the audit trail beside record reads."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from naltrack.accounts.session_lifetime import session_started
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record


def _clinic_id(user: Any) -> int | None:
    membership = user.clinic_membership if user is not None else None
    return membership.clinic_id if membership else None


@receiver(user_logged_in)
def audit_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        session_started(request)
    audit_record(
        request=request, actor=user, action=AuditEvent.Action.LOGIN, clinic_id=_clinic_id(user)
    )


@receiver(user_logged_out)
def audit_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        reason = getattr(request, "session_end_reason", None)
        audit_record(
            request=request,
            actor=user,
            action=AuditEvent.Action.LOGOUT,
            clinic_id=_clinic_id(user),
            detail={"reason": reason} if reason else {},
        )


@receiver(user_login_failed)
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    from naltrack.accounts.models import User

    attempted = str(credentials.get("username", ""))[:254]
    # File the failure under the account's clinic so its admins see attacks on their people.
    target = User.objects.filter(email__iexact=attempted).select_related("membership").first()
    audit_record(
        request=request,
        action=AuditEvent.Action.LOGIN_FAILED,
        clinic_id=_clinic_id(target),
        detail={"email": attempted},
    )
