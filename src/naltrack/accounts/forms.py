from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from naltrack.accounts.models import Membership


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
