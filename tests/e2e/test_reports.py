"""An admin opens Reports, narrows it to injection patients of one quarter, and downloads the
table and the program report; a patient cannot open it, and another clinic's staff see only
their own clinic."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from naltrack.accounts.models import Membership
from naltrack.care import services
from tests.care.helpers import TODAY, started
from tests.e2e.accessibility import assert_accessible
from tests.e2e.test_clinician_path import sign_in
from tests.factories import member, patient_with_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_admin_filters_and_downloads_the_program_report(page, clinic, clinician, patient):
    admin = member(clinic, Membership.Role.ADMIN)
    quarter_start = TODAY.replace(month=3 * ((TODAY.month - 1) // 3) + 1, day=1)
    injected = patient_with_login(clinic)
    _, monthly = started(injected, clinician, day=quarter_start, kind="xr_monthly")
    services.injection_record(
        regimen=monthly, given_on=quarter_start, site="left_gluteal", lot="", given_by=clinician
    )
    started(patient, clinician, day=quarter_start)  # tablets: filtered out

    sign_in(page, admin.email)
    page.get_by_role("link", name="Reports").click()
    page.get_by_label("Started from", exact=True).fill(quarter_start.isoformat())
    page.get_by_label("Started by", exact=True).fill(TODAY.isoformat())
    page.get_by_label("Formulation", exact=True).select_option("xr_injection")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("main")).to_contain_text(re.compile(r"\b1 episode[,.]"))
    expect(page.get_by_role("img", name="Time in treatment")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as table:
        page.get_by_role("link", name="Download the table (CSV, small numbers hidden)").click()
    rows = list(csv.DictReader(io.StringIO(Path(table.value.path()).read_text())))
    assert rows and all(r["cohort"] == "All" for r in rows)

    with page.expect_download() as report:
        page.get_by_role("link", name="Program report (PDF)").click()
    reader = PdfReader(report.value.path())
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Program outcomes" in text and "formulation: Monthly injection" in text
    assert "1 episode" in text and patient.family_name not in text


def test_a_patient_gets_404(page, patient):
    sign_in(page, patient.user.email)
    response = page.goto("/clinic/reports/")
    assert response is not None and response.status == 404


def test_another_clinics_admin_sees_only_their_own_clinic(page, clinic, clinician, other_clinic):
    # The Reports page has no clinic in its address: each clinic's staff see their own clinic's.
    started(patient_with_login(clinic), clinician, day=TODAY)
    stranger = member(other_clinic, Membership.Role.ADMIN)
    sign_in(page, stranger.email)
    page.goto("/clinic/reports/")
    expect(page.locator("main")).to_contain_text(re.compile(r"\b0 episodes"))
    expect(page.locator("main")).not_to_contain_text(clinic.name)
