"""A person asked to wait by the enrollment form's sending limit, on a phone: every answer is
still on the page, with a kind message, the clinic's number to call and crisis help."""

from __future__ import annotations

import re

import pytest

from naltrack.enrollment.models import Enrollment
from tests.e2e.accessibility import assert_accessible
from tests.enrollment.helpers import submitted

pytestmark = pytest.mark.django_db(transaction=True)


def choose(page, question, answer):
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def test_a_limited_form_keeps_every_answer_on_a_phone(page, clinic, settings):
    clinic.phone = "(555) 555-0199"
    clinic.save()
    # The live server sees the browser at 127.0.0.1: one form already came from there.
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 1
    submitted(clinic, ip_address="127.0.0.1", email="earlier@mail.example")

    page.goto("/enroll/")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Date of birth").fill("1988-05-17")
    choose(page, "How should we contact you?", "Email")
    page.get_by_role("textbox", name="Email").fill("sam.okafor@mail.example")
    choose(page, "What time of day is best?", "Morning")
    choose(page, "What do you want help with?", "Alcohol")
    page.get_by_label("Medicines you take now").fill("Metformin 500 mg")
    choose(page, "Have you used any opioids in the last 30 days?", "No")
    page.get_by_label(re.compile("to contact me about treatment")).check()
    page.get_by_label("I have read the privacy notice above.").check()
    page.get_by_role("button", name="Send my form").click()
    page.wait_for_load_state("networkidle")

    main = page.locator("main")
    assert "Your form was not sent yet" in main.inner_text()
    assert "Your answers are all still here" in main.inner_text()
    assert page.get_by_label("First name").input_value() == "Sam"
    assert page.get_by_label("Last name").input_value() == "Okafor"
    assert page.get_by_label("Date of birth").input_value() == "1988-05-17"
    assert page.get_by_role("textbox", name="Email").input_value() == "sam.okafor@mail.example"
    assert page.get_by_label("Medicines you take now").input_value() == "Metformin 500 mg"
    group = page.get_by_role("group", name="What do you want help with?")
    assert group.get_by_label("Alcohol", exact=True).is_checked()
    assert page.get_by_label("I have read the privacy notice above.").is_checked()
    call = page.get_by_role("link", name="(555) 555-0199").first
    assert call.get_attribute("href") == "tel:(555) 555-0199"
    assert page.locator('a[href="tel:988"]').count() >= 1
    assert_accessible(page)
    assert Enrollment.objects.count() == 1

    # An hour later the same page sends as it is.
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 2
    page.get_by_role("button", name="Try sending my form again").click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/thanks/$", page.url)
    assert Enrollment.objects.filter(email="sam.okafor@mail.example").exists()
