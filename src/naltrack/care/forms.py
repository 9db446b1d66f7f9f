"""The clinician's record forms: one per kind of data, each feeding one service in care.services.

Forms check what a form can know on its own (a date not in the future, a number that is a
number, an answer the instrument allows); the clinical rules stay in the services and the
clinical core, whose refusals come back onto the form through ``add_refusal``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from naltrack.accounts.models import Membership, User
from naltrack.care.models import (
    EXPOSURE_KIND_LABELS,
    SITE_CHOICES,
    DoseEvent,
    FollowUp,
    TherapySession,
)
from naltrack.clinical.contract import InputError
from naltrack.clinical.instruments import InstrumentSpec
from naltrack.clinical.start_check import EXPOSURE_KINDS, LAB_TESTS

ISO_DATE = "%Y-%m-%d"
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class NotFutureDateField(forms.DateField):
    """A date that has already happened: today (``timezone.localdate()``) at the latest."""

    default_error_messages = {
        "invalid": "Enter a date, for example 2025-03-31.",
        "future": "This date is in the future: enter today’s date or an earlier one.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format=ISO_DATE))
        super().__init__(**kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and value > timezone.localdate():
            raise ValidationError(self.error_messages["future"], code="future")


class Radios(forms.RadioSelect):
    """Radio buttons whose ``autofocus`` goes to one button: the checked one, else the first."""

    def optgroups(self, name: str, value: Any, attrs: dict[str, Any] | None = None) -> Any:
        groups = super().optgroups(name, value, attrs)
        options = [option for _, group, _ in groups for option in group]
        if options and options[0]["attrs"].get("autofocus"):
            focused = next((option for option in options if option["selected"]), options[0])
            for option in options:
                if option is not focused:
                    option["attrs"] = {k: v for k, v in option["attrs"].items() if k != "autofocus"}
        return groups


def _radios(**attrs: str) -> forms.RadioSelect:
    return Radios(attrs=attrs)


class RecordForm(forms.Form):
    """What every record form does: focus the first field (or the first with an error),
    keep date pickers from offering future days, and take the services' refusals."""

    # Radio groups with short answers, laid out on one line.
    inline_choices: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate().isoformat()
        for field in self.fields.values():
            if isinstance(field, NotFutureDateField):
                field.widget.attrs["max"] = today
        self._focus()

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        self._focus()

    def _focus(self) -> None:
        # Only errors found so far: reading self.errors here would validate too early.
        errors = getattr(self, "_errors", None) or {}
        names = list(self.fields)
        with_errors = [name for name in names if name in errors]
        target = (with_errors or names or [""])[0]
        for name, field in self.fields.items():
            if name == target:
                field.widget.attrs["autofocus"] = True
            else:
                field.widget.attrs.pop("autofocus", None)

    def add_refusal(self, error: Exception) -> None:
        """Put a service's ``ClinicalRuleError`` or the core's ``InputError`` on its field."""
        field = getattr(error, "field", "") or ""
        message = str(getattr(error, "message", "") or error)
        # The clinical core names nested input with dotted paths (answers.q9): the form's field
        # is the last part when the form has one by that name.
        name = field.rsplit(".", 1)[-1]
        if isinstance(error, InputError):
            message = message[:1].upper() + message[1:]
            if not message.endswith("."):
                message += "."
        self.add_error(name if name in self.fields else None, message)


class ExposureForm(RecordForm):
    kind = forms.ChoiceField(
        label="Kind of opioid",
        choices=[(kind, EXPOSURE_KIND_LABELS[kind]) for kind in EXPOSURE_KINDS],
        widget=_radios(),
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
        label="Dose", choices=DoseEvent.Status.choices, initial="taken", widget=_radios()
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
    site = forms.ChoiceField(label="Injection site", choices=SITE_CHOICES, widget=_radios())
    lot = forms.CharField(
        label="Lot number",
        max_length=40,
        required=False,
        help_text="As printed on the carton.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


# What a lab is reported in when the form's unit is left blank: liver enzymes in U/L,
# bilirubin in mg/dL (the US convention). Only a default: any unit the lab reports is kept.
DEFAULT_UNIT = {"ALT": "U/L", "AST": "U/L", "GGT": "U/L", "bilirubin": "mg/dL"}
ENZYME_UNITS = frozenset({"u/l", "iu/l"})


def _decimal_input() -> forms.NumberInput:
    return forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"})


class LabForm(RecordForm):
    inline_choices = ("test",)

    test = forms.ChoiceField(
        label="Test", choices=[(test, test) for test in LAB_TESTS], widget=_radios()
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
    unit = forms.CharField(
        label="Unit",
        max_length=20,
        required=False,
        help_text="Leave blank for U/L (ALT, AST, GGT) or mg/dL (bilirubin).",
        widget=forms.TextInput(attrs={"list": "lab-units", "autocomplete": "off"}),
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

    UNIT_SUGGESTIONS = ("U/L", "IU/L", "mg/dL", "µmol/L")

    def clean_upper_limit_normal(self) -> Decimal:
        limit: Decimal = self.cleaned_data["upper_limit_normal"]
        if limit <= 0:
            raise ValidationError("The upper limit of normal must be more than 0.", code="min")
        return limit

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        test, unit = data.get("test"), (data.get("unit") or "").strip()
        if test and not unit:
            data["unit"] = DEFAULT_UNIT[test]
        elif test == "bilirubin" and unit.casefold() in ENZYME_UNITS:
            self.add_error("unit", "Bilirubin is not measured in U/L: use mg/dL or µmol/L.")
        return data


YES_NO = [("no", "No — negative for opioids"), ("yes", "Yes — positive for opioids")]


class DrugScreenForm(RecordForm):
    collected_on = NotFutureDateField(
        label="Collected on",
        initial=timezone.localdate,
        error_messages={"future": "A sample can’t be collected in the future."},
    )
    opioids_positive = forms.TypedChoiceField(
        label="Opioids positive?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=_radios(),
        error_messages={"required": "Say whether the screen was positive for opioids."},
    )
    other_findings = forms.CharField(
        label="Other findings",
        max_length=300,
        required=False,
        help_text="Optional, for example “benzodiazepines positive”.",
    )


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
                widget=_radios(),
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
        label="Kind of session", choices=TherapySession.Kind.choices, widget=_radios()
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
        widget=_radios(),
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
    method = forms.ChoiceField(label="How", choices=FollowUp.Method.choices, widget=_radios())
    note = forms.CharField(
        label="Note", max_length=2000, required=False, widget=forms.Textarea({"rows": 4})
    )


class AlertAcknowledgeForm(RecordForm):
    note = forms.CharField(
        label="Note",
        max_length=500,
        required=False,
        help_text="Optional: what you did, for example “Called; naloxone kit confirmed”.",
    )

    def _focus(self) -> None:
        # Shown inside lists of alerts, several to a page: focusing one would jump the page.
        return
