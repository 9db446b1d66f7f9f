"""Forms of the planners: opening an episode, the start check, starting a regimen, planning a stop."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.vocabulary import INDICATION_LABELS, ORAL, XR_INJECTION

YES_NO = [(True, "Yes"), (False, "No")]


def _date_field(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}), **kwargs)


class EpisodeOpenForm(forms.Form):
    indication = forms.ChoiceField(
        label="Treating", choices=list(INDICATION_LABELS.items()), widget=forms.RadioSelect
    )


class StartCheckForm(forms.Form):
    date = _date_field("Planned start date")
    formulation = forms.ChoiceField(
        label="Form",
        choices=[(ORAL, "Tablets"), (XR_INJECTION, "Monthly injection")],
        widget=forms.RadioSelect,
    )
    challenge = forms.ChoiceField(
        label="Naloxone challenge today",
        choices=[
            ("none", "Not done"),
            ("passed", "Done: no withdrawal signs"),
            ("positive", "Done: withdrawal signs"),
        ],
        initial="none",
        widget=forms.RadioSelect,
    )
    acute_hepatitis_or_liver_failure = forms.TypedChoiceField(
        label="Acute hepatitis or liver failure?",
        choices=YES_NO,
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
    )
    needs_opioid_analgesics = forms.TypedChoiceField(
        label="Needs opioid pain medicine now or soon?",
        choices=YES_NO,
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
    )
    naltrexone_hypersensitivity = forms.TypedChoiceField(
        label="Known allergy to naltrexone (or, for the injection, its polymer or diluent)?",
        choices=YES_NO,
        coerce=lambda v: v == "True",
        widget=forms.RadioSelect,
    )
    pregnant = forms.ChoiceField(
        label="Pregnant?",
        choices=[("no", "No"), ("yes", "Yes"), ("unknown", "Unknown / not asked")],
        widget=forms.RadioSelect,
    )
    currently_drinking = forms.ChoiceField(
        label="Drinking alcohol now?",
        choices=[("no", "No"), ("yes", "Yes"), ("unknown", "Unknown / not asked")],
        initial="unknown",
        required=False,
        widget=forms.RadioSelect,
        help_text="The first injection is for patients who can abstain first (VIVITROL §1).",
    )
    bleeding_risk = forms.ChoiceField(
        label="Low platelets or a bleeding disorder?",
        choices=[("no", "No"), ("yes", "Yes"), ("unknown", "Unknown / not asked")],
        initial="unknown",
        required=False,
        widget=forms.RadioSelect,
        help_text="The injection goes deep into the muscle (VIVITROL §5).",
    )
    current_medications = forms.CharField(
        label="Current medicines, one per line",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Brand or generic names; the check looks for opioids and interacting medicines.",
    )

    def __init__(self, *args: Any, asks_pregnancy: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not asks_pregnancy:
            # Not asked of a patient recorded as male.
            del self.fields["pregnant"]

    def answers(self) -> dict[str, Any]:
        """The check's yes/no/unknown answers as the calculator takes them (None: unknown)."""
        yes_no = {"yes": True, "no": False}
        data = self.cleaned_data
        return {
            "acute_hepatitis_or_liver_failure": data["acute_hepatitis_or_liver_failure"],
            "needs_opioid_analgesics": data["needs_opioid_analgesics"],
            "pregnant": yes_no.get(data.get("pregnant", "no")),
            "naltrexone_hypersensitivity": data["naltrexone_hypersensitivity"],
            "currently_drinking": yes_no.get(data["currently_drinking"]),
            "bleeding_risk": yes_no.get(data["bleeding_risk"]),
            "current_medications": self.medications(),
        }

    def medications(self) -> list[str]:
        lines = self.cleaned_data.get("current_medications", "").splitlines()
        return [line.strip() for line in lines if line.strip()][:100]


class RegimenStartForm(forms.Form):
    kind = forms.ChoiceField(label="Regimen", widget=forms.RadioSelect)
    start = _date_field("Start date")
    override_reason = forms.CharField(
        label="Reason to start without a “ready” start check",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only when starting against the check, e.g. an expert-led faster induction (ASAM2020, TIP63): what you checked and why starting now is safer than waiting. It shows on the chart and in the audit trail.",
    )
    acknowledged = forms.MultipleChoiceField(
        label="What you are overriding",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick each one to confirm you have weighed it.",
    )

    def __init__(
        self, *args: Any, indication: str, overriding: list[dict[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        acknowledged = self.fields["acknowledged"]
        assert isinstance(acknowledged, forms.MultipleChoiceField)
        acknowledged.choices = [(f["code"], f["message"]) for f in overriding]
        if not overriding:
            del self.fields["acknowledged"]
        kind_field = self.fields["kind"]
        assert isinstance(kind_field, forms.ChoiceField)
        kind_field.choices = [
            (kind, f"{info.label} — {info.schedule_text}")
            for kind, info in clinical_regimens.REGIMENS.items()
            if indication in info.indications
        ]


STRATEGY_CHOICES = [
    ("stop", "Stop (no taper: naltrexone causes no withdrawal of its own)"),
    ("step_down", "Step down once, then stop (clinician's choice)"),
    ("gradual", "Step down 25 mg at a time, then stop (clinician's choice)"),
]


class PlanStopForm(forms.Form):
    strategy = forms.ChoiceField(
        label="Plan", choices=STRATEGY_CHOICES, widget=forms.RadioSelect, initial="stop"
    )
    start = _date_field(
        "First day of the plan", help_text="For “stop”, the first day without naltrexone."
    )
    step_days = forms.IntegerField(
        label="Days at each step", min_value=1, max_value=28, required=False, initial=3
    )
    reason = forms.CharField(label="Reason", required=False, max_length=500)
    surgery_date = _date_field(
        "Planned surgery that may need opioids",
        required=False,
        help_text="Optional. The plan then gives the first day opioid pain relief can be relied "
        "on (72 hours after the last tablet, 30 days after the last injection; ASAM2015).",
    )

    def __init__(self, *args: Any, strategies: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["strategy"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(key, label) for key, label in STRATEGY_CHOICES if key in strategies]
        self.fields["start"].initial = timezone.localdate()
