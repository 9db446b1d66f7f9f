"""The chart as it prints: the record without the site's navigation or the chart's controls."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.care.helpers import started
from tests.e2e.test_clinician_path import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_printing_the_chart_leaves_out_navigation_and_controls(page, clinician, patient):
    started(patient, clinician)
    sign_in(page, clinician.email)
    page.goto(f"/clinic/patients/{patient.pk}/")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name=patient.full_name, level=1)).to_be_visible()
    for hidden in ("header.site-header", ".chart-actions", "footer.site-footer"):
        expect(page.locator(hidden)).not_to_be_visible()
    expect(page.locator(".print-only")).to_be_visible()
