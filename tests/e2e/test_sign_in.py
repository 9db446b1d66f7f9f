from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from naltrack.accounts.models import Membership
from tests.factories import PASSWORD, PatientFactory, member

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(clinic):
    patient_user = member(clinic, Membership.Role.PATIENT)
    PatientFactory(clinic=clinic, user=patient_user, given_name="Jordan")
    return {
        "patient": (patient_user.email, "Hello, Jordan"),
        "clinician": (member(clinic, Membership.Role.CLINICIAN).email, "Today at"),
        "admin": (member(clinic, Membership.Role.ADMIN).email, "Invite a staff member"),
    }


@pytest.mark.parametrize("role", ["patient", "clinician", "admin"])
def test_each_role_signs_in_to_its_home_on_a_phone(page, people, role):
    email, heading = people[role]
    # A stranger at / sees the clinic's public page, which links to sign in.
    page.goto("/")
    page.locator("main").get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape("/accounts/login/")))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")
    assert heading in page.locator("main").inner_text()
    # The page is built from local files only: stylesheet applied, htmx loaded.
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"


def test_wrong_password_shows_a_clear_message(page, people):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(people["clinician"][0])
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    # the answer is a new response at the same address: wait for it
    expect(page.locator("main")).to_contain_text(re.compile("correct email and password", re.I))
