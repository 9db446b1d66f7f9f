"""Printing the chart inside the clinic: the record on paper, without the page's controls."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _print_rules() -> str:
    path = finders.find("naltrack/naltrack.css")
    assert path, "naltrack.css is not among the static files"
    with open(path, encoding="utf-8") as css:
        match = re.search(r"@media print \{(.*?)\n\}", css.read(), re.DOTALL)
    assert match, "naltrack.css has no @media print block"
    return match.group(1)


def test_the_print_stylesheet_hides_navigation_actions_and_forms():
    rules = _print_rules()
    hidden = rules.split("{ display: none !important; }")[0]
    for selector in (".site-header", ".site-footer", ".chart-actions", "form", "button"):
        assert selector in hidden, selector
    assert "color: #000" in rules and "background: #fff" in rules
    assert "a[href]::after { content: none" in rules


def test_the_chart_has_a_print_button_and_a_note_for_paper(clinician, patient):
    client = Client()
    client.force_login(clinician)
    page = client.get(reverse("clinician:patient_chart", args=[patient.pk])).content.decode()
    assert re.search(r"<button[^>]*data-print[^>]*>Print</button>", page)
    assert "naltrack/print.js" in page
    assert "To hand this record to anyone outside the clinic, use Share the record." in page
