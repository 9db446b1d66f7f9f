"""The clinician's record forms: one per kind of data, each feeding one service of the record."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from naltrack.accounts.models import Membership, User
from naltrack.care.models import (
    SITE_CHOICES,
    DoseEvent,
    FollowUp,
    TherapySession,
)
from naltrack.clinical.instruments import InstrumentSpec
from naltrack.clinical.lab_values import LAB_BOUNDS
from naltrack.clinical.start_check import ANALYTES, EXPOSURE_KINDS, LAB_TESTS
from naltrack.clinical.vocabulary import EXPOSURE_KIND_LABELS
from naltrack.web.forms import DATETIME_LOCAL, NotFutureDateField, RecordForm, radios


class ExposureForm(RecordForm):
    kind = forms.ChoiceField(
        label="Kind of opioid",
        choices=[(kind, EXPOSURE_KIND_LABELS[kind]) for kind in EXPOSURE_KINDS],
        widget=radios(),
    )
    substance = forms.CharField(
        label="Substance",
        max_length=120,
        required=False,
        help_text="Optional, for example “fentanyl” or “oxycodone 30 mg”.",
    )
    last_use = NotFutureDateField(
        label="Last use",
        error_messages={
            "future": "Last use can’t be in the future: enter today or an earlier day."
        },
    )


class DoseForm(RecordForm):
    inline_choices = ("status",)

    day = NotFutureDateField(
        label="Day of the dose",
        initial=timezone.localdate,
        error_messages={
            "future": "A dose can’t be recorded for a future day: enter today or an earlier day."
        },
    )
    status = forms.ChoiceField(
        label="Dose", choices=DoseEvent.Status.choices, initial="taken", widget=radios()
    )
    observed = forms.BooleanField(
        label="Observed by staff",
        required=False,
        help_text="Leave unticked when the patient reported it themselves.",
    )


class InjectionForm(RecordForm):
    inline_choices = ("site",)

    given_on = NotFutureDateField(
        label="Given on",
        initial=timezone.localdate,
        error_messages={
            "future": "An injection can’t be recorded as given in the future: enter today or an "
            "earlier day."
        },
    )
    site = forms.ChoiceField(label="Injection site", choices=SITE_CHOICES, widget=radios())
    lot = forms.CharField(
        label="Lot number",
        max_length=40,
        required=False,
        help_text="As printed on the carton.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    confirm_spacing = forms.BooleanField(
        label="I have checked, and want to record this injection anyway",
        required=False,
    )


# Every unit a liver test is reported in; the clinical core checks it fits the test.
LAB_UNITS = [
    (unit, unit) for unit in dict.fromkeys(u for b in LAB_BOUNDS.values() for u in b.units)
]


def _decimal_input() -> forms.NumberInput:
    return forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"})


class LabForm(RecordForm):
    inline_choices = ("test",)

    test = forms.ChoiceField(
        label="Test", choices=[(test, test) for test in LAB_TESTS], widget=radios()
    )
    value = forms.DecimalField(
        label="Result",
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        widget=_decimal_input(),
        error_messages={
            "invalid": "Enter the result as a number, for example 42 or 0.8.",
            "min_value": "A result can’t be below 0.",
        },
    )
    unit = forms.ChoiceField(
        label="Unit",
        required=False,
        choices=[("", "The usual unit: U/L (ALT, AST, GGT), mg/dL (bilirubin)"), *LAB_UNITS],
        help_text="As printed on the lab’s report.",
    )
    upper_limit_normal = forms.DecimalField(
        label="Upper limit of normal",
        max_digits=8,
        decimal_places=2,
        widget=_decimal_input(),
        help_text="From the lab’s report, in the same unit as the result.",
        error_messages={"invalid": "Enter the upper limit of normal as a number, for example 40."},
    )
    collected_on = NotFutureDateField(
        label="Collected on",
        initial=timezone.localdate,
        error_messages={"future": "A sample can’t be collected in the future."},
    )

    confirm_value = forms.BooleanField(
        label="I have checked this value against the lab’s report",
        required=False,
    )

    def clean_upper_limit_normal(self) -> Decimal:
        limit: Decimal = self.cleaned_data["upper_limit_normal"]
        if limit <= 0:
            raise ValidationError("The upper limit of normal must be more than 0.", code="min")
        return limit

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        test = data.get("test")
        if test and not data.get("unit"):
            data["unit"] = LAB_BOUNDS[test].unit
        return data


YES_NO = [("no", "No — negative for opioids"), ("yes", "Yes — positive for opioids")]


ANALYTE_LABELS = {
    "opiates": "Opiates (morphine, codeine, heroin)",
    "oxycodone": "Oxycodone",
    "fentanyl": "Fentanyl",
    "buprenorphine": "Buprenorphine",
    "methadone": "Methadone",
}
ANALYTE_CHOICES = [("not_tested", "Not tested"), ("negative", "Negative"), ("positive", "Positive")]
PANEL_HELP = (
    "Standard opiate tests miss fentanyl, methadone and buprenorphine, and often oxycodone: "
    "record each test the panel ran."
)


class DrugScreenForm(RecordForm):
    """The screen's panel, test by test: a negative screen proves only what it tested (TIP63)."""

    inline_choices = (*ANALYTES, "opioids_positive")

    collected_on = NotFutureDateField(
        label="Collected on",
        initial=timezone.localdate,
        error_messages={"future": "A sample can’t be collected in the future."},
    )
    opioids_positive = forms.TypedChoiceField(
        label="Opioids positive?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        required=False,
        empty_value=None,
        widget=radios(),
        help_text="Follows from the tests above when you record them; needed only when the "
        "panel is not known.",
    )
    other_findings = forms.CharField(
        label="Other findings",
        max_length=300,
        required=False,
        help_text="Optional, for example “benzodiazepines positive”.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One question per test the panel may run, after the date.
        tests = {
            analyte: forms.ChoiceField(
                label=label,
                choices=ANALYTE_CHOICES,
                initial="not_tested",
                required=False,
                widget=radios(),
                help_text=PANEL_HELP if analyte == ANALYTES[0] else "",
            )
            for analyte, label in ANALYTE_LABELS.items()
        }
        rest = dict(self.fields)
        self.fields = {"collected_on": rest.pop("collected_on"), **tests, **rest}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        panel = {
            analyte: result
            for analyte in ANALYTES
            if (result := data.pop(analyte, "") or "not_tested") != "not_tested"
        }
        data["panel"] = panel
        said = data.get("opioids_positive")
        if panel:
            from_panel = "positive" in panel.values()
            if said is not None and said != from_panel:
                self.add_error(
                    "opioids_positive",
                    "This disagrees with the tests above: the screen is positive for opioids "
                    "exactly when one of them is positive.",
                )
            data["opioids_positive"] = from_panel
        elif said is None:
            self.add_error(
                "opioids_positive",
                "Say whether the screen was positive for opioids, or record the tests it ran "
                "above.",
            )
        return data


class InstrumentForm(RecordForm):
    """One radio group per item of the instrument, from the clinical core's own table."""

    taken_on = NotFutureDateField(
        label="Taken on",
        initial=timezone.localdate,
        error_messages={"future": "An instrument can’t be taken in the future."},
    )

    def __init__(self, *args: Any, spec: InstrumentSpec, **kwargs: Any) -> None:
        self.spec = spec
        super().__init__(*args, **kwargs)
        taken_on = self.fields.pop("taken_on")
        for item in spec.items:
            self.fields[item.key] = forms.TypedChoiceField(
                label=item.label,
                choices=[
                    (
                        str(choice.value),
                        f"{choice.value} — {choice.label}" if choice.label else str(choice.value),
                    )
                    for choice in item.choices
                ],
                coerce=int,
                widget=radios(),
                error_messages={
                    "required": "Choose an answer.",
                    "invalid_choice": "Choose one of the answers shown.",
                },
            )
        self.fields["taken_on"] = taken_on
        self.inline_choices = tuple(
            item.key for item in spec.items if not any(choice.label for choice in item.choices)
        )
        self._focus()

    @property
    def answers(self) -> dict[str, int]:
        return {item.key: self.cleaned_data[item.key] for item in self.spec.items}


class TherapySessionForm(RecordForm):
    kind = forms.ChoiceField(
        label="Kind of session", choices=TherapySession.Kind.choices, widget=radios()
    )
    scheduled_at = forms.DateTimeField(
        label="Date and time",
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        error_messages={"invalid": "Enter a date and time, for example 2025-03-31 14:30."},
    )
    counsellor = forms.ModelChoiceField(
        label="Counsellor",
        queryset=User.objects.none(),
        required=False,
        empty_label="Not assigned yet",
        error_messages={"invalid_choice": "Choose a counsellor from this clinic’s staff."},
    )

    def __init__(self, *args: Any, clinic_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        counsellor = self.fields["counsellor"]
        assert isinstance(counsellor, forms.ModelChoiceField)
        counsellor.queryset = User.objects.filter(
            is_active=True,
            membership__clinic_id=clinic_id,
            membership__role__in=Membership.STAFF_ROLES,
        ).order_by("full_name", "email")


class TherapyStatusForm(RecordForm):
    inline_choices = ("status",)

    status = forms.ChoiceField(
        label="The patient",
        choices=[
            (TherapySession.Status.ATTENDED, "Attended"),
            (TherapySession.Status.MISSED, "Missed the session"),
        ],
        widget=radios(),
    )
    notes = forms.CharField(
        label="Session notes", max_length=4000, required=False, widget=forms.Textarea({"rows": 5})
    )

    def __init__(self, *args: Any, session: TherapySession, **kwargs: Any) -> None:
        self.session = session
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        session_day = timezone.localtime(self.session.scheduled_at).date()
        if data.get("status") and session_day > timezone.localdate():
            raise ValidationError(
                "This session is booked for a later day: it can be marked once it has taken place.",
                code="future",
            )
        return data


class NoteForm(RecordForm):
    text = forms.CharField(
        label="Note",
        max_length=10000,
        widget=forms.Textarea({"rows": 8}),
        error_messages={"required": "Write the note before saving it."},
    )


class FollowUpForm(RecordForm):
    inline_choices = ("method",)

    done_on = NotFutureDateField(
        label="Done on",
        initial=timezone.localdate,
        error_messages={"future": "A follow-up can’t be recorded as done in the future."},
    )
    method = forms.ChoiceField(label="How", choices=FollowUp.Method.choices, widget=radios())
    note = forms.CharField(
        label="Note", max_length=2000, required=False, widget=forms.Textarea({"rows": 4})
    )


class AlertAcknowledgeForm(RecordForm):
    note = forms.CharField(
        label="Note",
        max_length=500,
        required=False,
        help_text="What you did, for example “Called; naloxone kit confirmed”. Required for an "
        "urgent alert.",
    )

    def _focus(self) -> None:
        # Shown inside lists of alerts, several to a page: focusing one would jump the page.
        return
