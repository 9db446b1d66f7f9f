"""What every form of Naltrack's pages shares: dates that cannot be in the future, radio buttons
that focus well, and a form that takes the record's refusals onto its fields.

Forms check what a form can know on its own (a date not in the future, a number that is a
number); the clinical rules stay in the record's services and the clinical core, whose refusals
come back onto the form through ``add_refusal``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils import timezone

from naltrack.clinical.contract import InputError

if TYPE_CHECKING:
    from naltrack.care.dates import DateRange


class FormRenderer(DjangoTemplates):
    """Every field of every form renders through one template: label, input, help, errors."""

    field_template_name = "web/_field.html"


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


def radios(**attrs: str) -> forms.RadioSelect:
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
        add_refusal(self, error)


def keep_within(form: forms.BaseForm, name: str, allowed: DateRange) -> None:
    """Refuse a date of field ``name`` outside ``allowed`` with the range in the clinic's words,
    before anything is counted from it (the service refuses it too: ``care.dates``).

    The input gets no ``min``: a mistyped year (0202) then reaches this message, which says why
    the range starts where it does, rather than the browser's own."""

    def validate(value: dt.date | dt.datetime) -> None:
        if not allowed.allows(value):
            raise ValidationError(allowed.refusal, code="out_of_range")

    form.fields[name].validators.append(validate)


def add_refusal(form: forms.BaseForm, error: Exception) -> None:
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
    form.add_error(name if name in form.fields else None, message)
