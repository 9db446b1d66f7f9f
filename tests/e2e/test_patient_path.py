"""The patient's path in a real browser on a phone-sized screen, from the public enrollment form
to a check-in with a high craving, the clinician's alert and the wallet card.

The phone screenshots in docs/screenshots/ are taken here, so they show the pages as they are.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from pypdf import PdfReader

from naltrack.care import services
from naltrack.care.models import Alert, CheckIn, Patient
from naltrack.enrollment.models import Enrollment
from tests.care.helpers import TODAY, ready_inputs
from tests.e2e.screenshots import save_screenshot
from tests.e2e.test_clinician_path import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "a-long-new-password-42"


def choose(page, question, answer):
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def test_enrol_accept_check_in_alert_and_wallet_card(page, browser, live_server, clinic, clinician):
    clinic.name, clinic.slug, clinic.phone = (
        "Riverside Recovery Clinic",
        "riverside",
        "(555) 555-0199",
    )
    clinic.save()

    # Enrol through the public form, with a mistake corrected on the way.
    page.goto("/enroll/")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Date of birth").fill((TODAY + dt.timedelta(days=30)).isoformat())
    choose(page, "How should we contact you?", "Email")
    page.get_by_role("textbox", name="Email").fill("sam.okafor@mail.example")
    choose(page, "What time of day is best?", "Morning")
    choose(page, "What do you want help with?", "Alcohol")
    choose(page, "Have you used any opioids in the last 30 days?", "No")
    page.get_by_label(re.compile("to contact me about treatment")).check()
    page.get_by_label("I have read the privacy notice above.").check()
    save_screenshot(page, "phone-enrollment-form.png")
    page.get_by_role("button", name="Send my form").click()
    page.wait_for_load_state("networkidle")
    assert (
        "can’t be in the future" in page.locator("main").inner_text()
    )  # the date of birth message
    assert page.get_by_label("First name").input_value() == "Sam"  # what was typed is kept
    assert not Enrollment.objects.exists()
    page.get_by_label("Date of birth").fill("1988-07-14")
    page.get_by_role("button", name="Send my form").click()
    page.wait_for_load_state("networkidle")
    assert "We got your form" in page.locator("main").inner_text()
    enrollment = Enrollment.objects.get()
    assert (enrollment.email, enrollment.status) == ("sam.okafor@mail.example", "new")

    # The clinician accepts it from the intake queue: a patient and an invitation.
    staff = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    desk = staff.new_page()
    sign_in(desk, clinician.email)
    desk.goto("/clinic/intake/")
    desk.get_by_role("link", name=re.compile("Sam Okafor")).first.click()
    desk.get_by_role("button", name="Accept and invite").click()
    desk.wait_for_load_state("networkidle")
    patient = Patient.objects.get(family_name="Okafor")
    assert desk.url.endswith(f"/clinic/patients/{patient.pk}/")
    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.patient) == ("accepted", patient)
    invitation = next(m for m in mail.outbox if "sam.okafor@mail.example" in m.to)
    link = re.search(r"https?://[^/\s]+(/\S+)", invitation.body).group(1)

    # The clinic starts treatment (through the same services the planner pages use).
    episode = services.episode_open(
        patient=patient, indication="AUD", opened_on=TODAY, by=clinician
    )
    services.start_check_run(
        episode=episode, inputs=ready_inputs(indication="AUD", opioid_exposures=[]), by=clinician
    )
    services.regimen_start(episode=episode, kind="aud_daily", start=TODAY, prescriber=clinician)

    # The invited patient sets a password and lands on their home, signed in.
    page.goto(link)
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_label("The same password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save password").click()
    page.wait_for_load_state("networkidle")
    welcome = page.locator("main").inner_text()
    assert "Your password is saved and you are signed in" in welcome
    assert "Hello, Sam" in welcome
    save_screenshot(page, "phone-patient-home.png")

    # A check-in with a high craving shows help at once...
    page.get_by_role("button", name="Check in now").click()
    choose(page, "How strong is your craving right now?", "9")
    page.get_by_label("How many drinks did you have today?").fill("0")
    choose(page, "Did you use any opioids today?", "No")
    save_screenshot(page, "phone-check-in.png")
    page.get_by_role("button", name="Save my check-in").click()
    page.wait_for_load_state("networkidle")
    help_text = page.locator("main").inner_text()
    assert "Thank you for telling us" in help_text
    assert "988" in help_text and "overdose" in help_text.lower()
    assert CheckIn.objects.get(patient=patient, day=TODAY).craving == 9

    # ...and the clinician sees the alert.
    desk.goto("/clinic/alerts/")
    assert "craving of 9 out of 10" in desk.locator("main").inner_text()
    assert Alert.objects.filter(
        patient=patient, code="craving_high", resolved_at__isnull=True
    ).exists()
    staff.close()

    # The craving walk-through starts from the help page.
    page.get_by_role("button", name="Walk me through a craving now").click()
    page.wait_for_load_state("networkidle")
    save_screenshot(page, "phone-craving-now.png")

    # The wallet card downloads, and says what emergency staff need to know.
    page.goto("/me/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your wallet card (PDF)").click()
    pdf = Path(download.value.path()).read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "naltrexone" in text.lower() and "opioid blocker" in text.lower()
    assert "Sam Okafor" in text
    assert "(555) 555-0199" in text
