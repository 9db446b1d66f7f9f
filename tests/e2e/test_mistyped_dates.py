"""A clinician mistypes a year in a date field: the page says which days are allowed, and keeps
everything else they typed."""

from __future__ import annotations

import pytest

from naltrack.care.models import LabResult
from tests.e2e.test_clinician_path import sign_in
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_mistyped_year_gets_a_clear_message_and_keeps_the_rest(page, clinic, clinician):
    patient = PatientFactory(clinic=clinic, given_name="Maria", family_name="Santos")
    sign_in(page, clinician.email)
    page.goto(f"/clinic/patients/{patient.pk}/record/lab/")
    page.get_by_label("AST").check()
    page.get_by_label("Result").fill("52")
    page.get_by_label("Upper limit of normal").fill("40")
    # 0202 for 2026: a browser's date field takes the year as typed.
    page.get_by_label("Collected on").fill("0202-03-04")
    page.get_by_role("button", name="Record the result").click()

    field_error = page.locator("#id_collected_on_error")
    assert "(the date of birth) and today" in field_error.inner_text()
    assert page.get_by_role("alert").count() >= 1
    assert page.get_by_label("Result").input_value() == "52"
    assert page.get_by_label("Upper limit of normal").input_value() == "40"
    assert page.get_by_label("AST").is_checked()
    assert page.get_by_label("Collected on").input_value() == "0202-03-04"
    assert not LabResult.objects.exists()
