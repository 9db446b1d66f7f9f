"""No name, email, phone number, note or clinical value in any log line.

Marker values sit in a patient's record (name, email, phone, a note, a lab result's unit) and
in an enrollment; then every route the URL resolver knows is opened by the person its gate
allows, every form is posted with markers in its fields, public pages get markers in their query
strings, sign-in fails with a marker email until the account locks, and a page that does not
exist is asked for with markers. The log output of every logger, as the console handler prints
it, holds none of them.
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naltrack.care.models import LabResult, Patient
from naltrack.care.services import note_add
from naltrack.operations.logs import JsonFormatter
from tests.enrollment.helpers import form_url, posted
from tests.test_fuzz_forms import FORM_ROUTES, _client, _forms_of, _plausible, _role_of
from tests.test_url_access import API, GATED, PUBLIC, ROUTES, Route, _url

GIVEN, FAMILY = "Qzmarkgiven", "Qzmarkfamily"
EMAIL = "qzmark.patient@example.org"
# A real number in E.164 (as stored); markers are long enough never to occur in a random id.
PHONE = "+13125559731"
NOTE = "Qzmarknote about relapse"
UNIT = "qzmarkunit"
FORM_TEXT = "Qzmarkform"
FORM_EMAIL = "qzmark.form@example.org"
MARKERS = [GIVEN, FAMILY, EMAIL, "qzmark.patient", PHONE, "3125559731", "555-9731", "Qzmarknote"]
MARKERS += [UNIT]
MARKERS += [FORM_TEXT, FORM_EMAIL, "qzmark.form", "Qzmarkenrol", "qzmark.enrol"]


def _marked(field: forms.Field, name: str) -> Any:
    if isinstance(field, forms.EmailField):
        return FORM_EMAIL
    if type(field) is forms.CharField:
        return FORM_TEXT
    return _plausible(field, name)


def _mark_the_record(world: dict[str, Any]) -> None:
    patient = Patient.objects.get(pk=world["values"]["patient_id"])
    patient.given_name, patient.family_name = GIVEN, FAMILY
    patient.email, patient.phone = EMAIL, PHONE
    patient.save()
    world["patient"].email = EMAIL
    world["patient"].save()
    note_add(patient=patient, text=NOTE, by=world["clinician"])
    LabResult.objects.create(
        patient=patient,
        test="ALT",
        value=Decimal("40"),
        unit=UNIT,
        upper_limit_normal=Decimal("40"),
        collected_on=timezone.localdate() - dt.timedelta(days=1),
    )


def _opened_by_its_person(route: Route, world: dict[str, Any]) -> None:
    client = _client(route, world)
    url = _url(route, world["values"])
    page = client.get(url, {"q": GIVEN, "email": EMAIL})
    for form in _forms_of(page) if page.status_code == 200 else []:
        data = {form.add_prefix(name): _marked(field, name) for name, field in form.fields.items()}
        client.post(url + f"?q={FAMILY}", data)
    if page.status_code == 405:
        client.post(url, {"note": NOTE, "reason": FORM_TEXT, "next": f"/?email={EMAIL}"})


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_no_marker_reaches_the_logs(world, log_output, log_format, settings):
    handler = next(h for h in logging.getLogger().handlers if h.stream is log_output)
    previous_formatter = handler.formatter
    if log_format == "text":
        handler.setFormatter(logging.Formatter(settings.LOGGING["formatters"]["text"]["format"]))
    else:
        assert isinstance(previous_formatter, JsonFormatter)
    try:
        _walk(world)
    finally:
        handler.setFormatter(previous_formatter)
    output = log_output.getvalue()
    assert output.count("\n") > len(ROUTES), "the walk should log a line per request at least"
    leaks = {marker for marker in MARKERS if marker.lower() in output.lower()}
    lines = [line for line in output.splitlines() if any(m.lower() in line.lower() for m in leaks)]
    assert not leaks, "\n".join(lines[:10])


def _walk(world: dict[str, Any]) -> None:
    _mark_the_record(world)
    anonymous = Client()
    anonymous.post(
        form_url(world["clinician"].clinic_membership.clinic),
        posted(
            given_name="Qzmarkenrol",
            family_name="Qzmarkenrol",
            email="qzmark.enrol@example.org",
            current_medications="Qzmarkenrol",
        ),
    )
    for route in FORM_ROUTES:
        _opened_by_its_person(route, world)
    for route in GATED:
        if not _role_of(route):
            continue
        _client(route, world).get(_url(route, world["values"]), {"q": GIVEN})
    for route in ROUTES:
        if route.name in PUBLIC:
            anonymous.get(_url(route, world["values"]), {"email": EMAIL, "next": f"/?q={GIVEN}"})
    staff = Client()
    staff.force_login(world["clinician"])
    for route in API:
        url = _url(route, world["values"])
        staff.get(url, {"q": GIVEN})
        staff.post(
            url, {"note": NOTE, "email": EMAIL, "unit": UNIT}, content_type="application/json"
        )
    # Wrong passwords for the patient's email until the lockout.
    for _ in range(6):
        Client().post(reverse("accounts:login"), {"username": EMAIL, "password": "wrong-password"})
    Client().post(reverse("accounts:password_reset"), {"email": EMAIL})
    anonymous.get(f"/no-such-page/{GIVEN}/?email={EMAIL}")
    anonymous.get(f"/clinic/patients/?q={GIVEN}&email={EMAIL}")
    # A refused CSRF check logs the path (django.security.csrf).
    Client(enforce_csrf_checks=True).post(f"/accounts/login/?email={EMAIL}", {"username": EMAIL})
