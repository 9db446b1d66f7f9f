"""Hostile input, every form: found by walking the URL resolver, so a new form is fuzzed too.

For each page that shows a form, the person it is for opens it, and the form is posted once per
field with that field set to each hostile value of its type (dates of year 1 and 9999, huge and
negative numbers, a 1 MB string, NUL bytes, emoji, HTML, bidirectional controls, nonsense choices)
while the other fields hold plausible values. Nothing may answer 5xx (the test client raises the
server's exception), and afterwards no stored row of a patient's record may hold what the rules
refuse: a date outside the plausible calendar, a NUL byte or a bidirectional control.
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.test import Client
from django.utils import timezone

from naltrack.care.models import PatientRow
from tests.test_url_access import GATED, ROUTES, Route, _url

HOSTILE_TEXT = [
    "x" * 1_000_000,
    "nul\x00byte",
    "😀🚑 emoji",
    "<script>alert(1)</script><b>x</b>",
    "\u202eevil\u202c",
    "",
]
HOSTILE_DATES = ["0001-01-01", "9999-12-31", "0202-01-01", "2026-02-30", "12/31/9999", "😀"]
HOSTILE_NUMBERS = ["-1", "0", "1e308", "99999999999999999999999", "NaN", "-Infinity", "½"]
HOSTILE_CHOICE = ["zzz-not-a-choice", "\x00", "😀"]
HOSTILE_TIMES = ["25:61", "00:00", "23:59:59.999999", "😀"]

# Public pages with a form, signed out; gated pages are opened by the role their gate allows.
PUBLIC_FORMS = [
    "accounts:login",
    "accounts:password_reset",
    "enrollment:enroll",
    "enrollment:enroll_clinic",
]
# What a POST-only action (acknowledge, deactivate, resend…) might read, each sent hostile.
ACTION_FIELDS = ["note", "reason", "next", "role", "status", "rating", "outcome", "token"]


def _plausible(field: forms.Field, name: str) -> Any:
    """A value the field would accept on its own."""
    today = timezone.localdate()
    if field.initial not in (None, "") and not callable(field.initial):
        return field.initial
    if isinstance(field, forms.BooleanField):
        return ""
    if isinstance(field, forms.DateTimeField):
        return timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    if isinstance(field, forms.DateField):
        return (today - dt.timedelta(days=365 * 40)).isoformat() if "birth" in name else today
    if isinstance(field, forms.TimeField):
        return "09:00"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        low = getattr(field, "min_value", None)
        return low if low is not None else 1
    if isinstance(field, forms.MultipleChoiceField):
        values = [value for value, _ in field.choices if value not in ("", None)]
        return values[:1]
    if isinstance(field, forms.ChoiceField):
        values = [value for value, _ in field.choices if value not in ("", None)]
        return values[0] if values else ""
    if isinstance(field, forms.EmailField):
        return "someone@example.org"
    return "Plausible text"


def _hostile(field: forms.Field) -> list[Any]:
    if isinstance(field, forms.BooleanField):
        return ["😀"]
    if isinstance(field, forms.DateTimeField):
        return [d + "T10:00" for d in HOSTILE_DATES[:3]] + ["😀"]
    if isinstance(field, forms.DateField):
        return HOSTILE_DATES
    if isinstance(field, forms.TimeField):
        return HOSTILE_TIMES
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return HOSTILE_NUMBERS
    if isinstance(field, forms.ChoiceField):
        return HOSTILE_CHOICE
    return HOSTILE_TEXT


def _role_of(route: Route) -> str | None:
    roles = getattr(route.callback, "access_roles", frozenset())
    for role, person in (("patient", "patient"), ("clinician", "clinician"), ("admin", "admin")):
        if role in roles:
            return person
    return None


FORM_ROUTES = [r for r in GATED if _role_of(r)] + [r for r in ROUTES if r.name in PUBLIC_FORMS]


def _forms_of(response: Any) -> list[forms.BaseForm]:
    """Every form the page rendered, whatever the template calls it (one per class)."""
    context = getattr(response, "context", None)
    if context is None:
        return []
    found: dict[type, forms.BaseForm] = {}
    # One Context per template rendered (a ContextList), each a stack of dicts.
    for rendered in context if isinstance(context, list) else [context]:
        for layer in rendered.dicts:
            for value in layer.values() if isinstance(layer, dict) else []:
                if isinstance(value, forms.BaseForm):
                    found.setdefault(type(value), value)
    return list(found.values())


def _client(route: Route, world: dict[str, Any]) -> Client:
    client = Client()
    who = _role_of(route)
    if who:
        client.force_login(world[who])
    return client


@pytest.mark.parametrize("route", FORM_ROUTES, ids=lambda r: r.name)
def test_hostile_values_never_crash_a_form(route: Route, world: dict[str, Any]) -> None:
    client = _client(route, world)
    url = _url(route, world["values"])
    page = client.get(url)
    if page.status_code == 405:
        for value in [*HOSTILE_TEXT, *HOSTILE_NUMBERS, *HOSTILE_DATES]:
            response = client.post(url, dict.fromkeys(ACTION_FIELDS, value))
            assert response.status_code < 500, f"{route.name} {str(value)[:40]!r}"
            client = _client(route, world)
        assert_record_holds_nothing_refused()
        return
    found = _forms_of(page) if page.status_code == 200 else []
    if not found:
        pytest.skip(f"{route.name} shows no form on GET ({page.status_code})")
    for form in found:
        fields = {form.add_prefix(name): field for name, field in form.fields.items()}
        baseline = {name: _plausible(field, name) for name, field in fields.items()}
        for name, field in fields.items():
            for value in _hostile(field):
                response = client.post(url, {**baseline, name: value})
                assert response.status_code < 500, f"{route.name} {name}={str(value)[:40]!r}"
                if response.status_code == 302 and "login" in response.get("Location", ""):
                    # A sign-out (or a lockout) ends the run for this form: sign in again.
                    client = _client(route, world)
    assert_record_holds_nothing_refused()


def _text_fields(model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
    ]


def assert_record_holds_nothing_refused() -> None:
    """No row of a patient's record holds a date outside the plausible calendar, a NUL byte or a
    bidirectional control character."""
    earliest, latest = dt.date(1900, 1, 1), timezone.localdate() + dt.timedelta(days=3 * 366)
    for model in apps.get_models():
        if not issubclass(model, PatientRow) and model._meta.label != "care.Patient":
            continue
        date_fields = [
            f.attname for f in model._meta.concrete_fields if isinstance(f, models.DateField)
        ]
        for row in model.objects.all():
            for name in date_fields:
                value = getattr(row, name)
                if isinstance(value, dt.datetime):
                    value = value.date()
                assert value is None or earliest <= value <= latest, (model, name, value)
            for name in _text_fields(model):
                # str(): a phone number field holds a phone number object, not text.
                text = str(getattr(row, name) or "")
                assert "\x00" not in text, (model, name)
                assert "\u202e" not in text, (model, name)
            for f in model._meta.concrete_fields:
                if isinstance(f, models.DecimalField):
                    value = getattr(row, f.attname)
                    assert value is None or decimal.Decimal(value).is_finite(), (model, f.name)
