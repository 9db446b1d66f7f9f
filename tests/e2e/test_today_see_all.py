"""Today in a browser when a list is longer than its panel: ten rows, the whole count, and
"See all" to the whole list, both pages without axe-core violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from naltrack.clinician.today import DASHBOARD_ROWS
from tests.e2e.accessibility import assert_accessible
from tests.e2e.test_clinician_path import sign_in
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db(transaction=True)
NEW = DASHBOARD_ROWS + 2


def test_see_all_opens_the_whole_list(page, clinic, clinician):
    PatientFactory.create_batch(NEW, clinic=clinic)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, clinician.email)
    panel = page.locator("section[aria-labelledby='new-heading']")
    expect(panel.get_by_role("heading")).to_have_text(f"New patients (14 days) ({NEW})")
    expect(panel.locator("tbody tr")).to_have_count(DASHBOARD_ROWS)
    assert_accessible(page)

    panel.get_by_role("link", name=f"See all {NEW}").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text("New patients (14 days)")
    expect(page.locator("tbody tr")).to_have_count(NEW)
    assert_accessible(page)
