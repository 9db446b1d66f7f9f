"""The Reports page's filters: the same ``Filters`` the command takes, plus a split."""

from __future__ import annotations

from typing import Any

from django import forms

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.clinical.vocabulary import FORMULATION_LABELS, INDICATION_LABELS
from naltrack.reports.cohorts import AGE_BANDS, SPLITS, THERAPY, Filters

ANY = [("", "Any")]


class ReportForm(forms.Form):
    started_from = forms.DateField(
        required=False, label="Started from", widget=forms.DateInput(attrs={"type": "date"})
    )
    started_to = forms.DateField(
        required=False, label="Started by", widget=forms.DateInput(attrs={"type": "date"})
    )
    indication = forms.ChoiceField(required=False, choices=ANY + list(INDICATION_LABELS.items()))
    formulation = forms.ChoiceField(required=False, choices=ANY + list(FORMULATION_LABELS.items()))
    prescriber = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    therapy = forms.ChoiceField(
        required=False, label="Therapy alongside", choices=ANY + list(THERAPY.items())
    )
    age_band = forms.ChoiceField(
        required=False,
        label="Age at start",
        choices=ANY + [(name, name) for name, _, _ in AGE_BANDS],
    )
    split = forms.ChoiceField(
        required=False, label="Compare by", choices=[("", "Nothing"), *SPLITS.items()]
    )

    def __init__(self, *args: Any, clinic: Clinic, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        prescribers = User.objects.filter(
            membership__clinic=clinic, membership__role__in=Membership.STAFF_ROLES
        ).order_by("full_name", "email")
        self.fields["prescriber"].choices = ANY + [(u.pk, str(u)) for u in prescribers]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("started_from"), data.get("started_to")
        if start and end and start > end:
            self.add_error("started_to", "The period ends before it starts.")
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            started_from=data.get("started_from"),
            started_to=data.get("started_to"),
            indication=data.get("indication") or None,
            formulation=data.get("formulation") or None,
            prescriber=data.get("prescriber"),
            therapy=data.get("therapy") or None,
            age_band=data.get("age_band") or None,
        )

    def compared_by(self) -> str | None:
        return self.cleaned_data.get("split") or None
