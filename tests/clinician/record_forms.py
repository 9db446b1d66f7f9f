"""Helpers for the tests of the clinician's record forms. Each form writes through its service,
refuses bad input with a form error (never a 500, never a partial write) and answers 404 outside
the clinician's clinic."""

from __future__ import annotations

import datetime as dt

from django.contrib.messages import get_messages
from django.urls import reverse

from tests.care.helpers import TODAY

DAY = dt.timedelta(days=1)
TOMORROW = TODAY + DAY


def url(name, patient, *args):
    return reverse(f"clinician:{name}", args=[patient.pk, *args])


def chart(patient):
    return reverse("clinician:patient_chart", args=[patient.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_refused(response, field, text):
    """Re-rendered with the error next to the field and in the summary at the top."""
    assert response.status_code == 200
    form = response.context["form"]
    assert any(text in error for error in form.errors[field]), form.errors
    assert 'role="alert"' in response.text
    assert text in response.text
