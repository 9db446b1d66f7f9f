from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import timezone

from naltrack.accounts.models import Membership
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record

# source: NALTRACK — at most this many reset links to one account in this window: enough for a
# person who lost an email, too few to flood a mailbox (or to tell anyone it is in use).
RESET_EMAILS_MAX = 3
RESET_EMAILS_WINDOW = dt.timedelta(hours=1)


class ThrottledPasswordResetForm(PasswordResetForm):
    """Sends a reset link only while the account has had fewer than ``RESET_EMAILS_MAX`` in the
    last ``RESET_EMAILS_WINDOW``; each link sent is audited. The page answers the same either way,
    so it tells no one whether an address has an account."""

    def get_users(self, email: str) -> Iterator[Any]:
        since = timezone.now() - RESET_EMAILS_WINDOW
        for user in super().get_users(email.strip()):
            sent = AuditEvent.objects.filter(
                action=AuditEvent.Action.PASSWORD_RESET,
                object_type="user",
                object_id=str(user.pk),
                occurred_at__gte=since,
            ).count()
            if sent < RESET_EMAILS_MAX:
                audit_record(
                    request=None,
                    actor=None,
                    action=AuditEvent.Action.PASSWORD_RESET,
                    object_type="user",
                    object_id=user.pk,
                )
                yield user


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TokenForm(forms.Form):
    token = forms.RegexField(
        label="6-digit code from your authenticator app",
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": "Enter the 6 digits shown in your authenticator app."},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )


class SignInCodeForm(forms.Form):
    """At sign-in: the authenticator's code, or one of the recovery codes given at setup."""

    token = forms.RegexField(
        label="6-digit code from your authenticator app, or a recovery code",
        regex=r"^\s*(\d{6}|[A-Za-z2-7]{4}[\s-]?[A-Za-z2-7]{4})\s*$",
        error_messages={
            "invalid": "Enter the 6 digits shown in your authenticator app, "
            "or one of your 8-character recovery codes."
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class InviteForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(label="Email")
    role = forms.ChoiceField(
        label="Role",
        choices=[
            (Membership.Role.CLINICIAN, "Clinician"),
            (Membership.Role.ADMIN, "Clinic admin"),
        ],
    )


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label="Person (email)", required=False, max_length=254)
    patient = forms.IntegerField(label="Patient id", required=False, min_value=1)
    action = forms.ChoiceField(label="Action", required=False)
    object_type = forms.CharField(label="Object type", required=False, max_length=60)
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        from naltrack.audit.models import AuditEvent

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["action"].choices = [("", "Any"), *AuditEvent.Action.choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "“To” must be on or after “From”.")
        return cleaned
