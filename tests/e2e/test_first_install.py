"""A real install from empty, in a browser, with production settings behind an HTTPS proxy (the
browser context adds the proxy's X-Forwarded-Proto header): the operator creates the clinic from
the command line, its admin signs in the first time with a second factor and invites a
clinician, who signs in the same way and enrols the first patient from the intake queue."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from naltrack.accounts.models import Clinic, User
from naltrack.care.models import Patient
from naltrack.enrollment.models import Enrollment
from tests.accounts.helpers import current_code

pytestmark = pytest.mark.django_db(transaction=True)
ADMIN_PASSWORD = "admin-first-password-91"
CLINICIAN_PASSWORD = "nurse-first-password-73"


@pytest.fixture
def behind_a_proxy(browser, live_server):
    """Production's HTTPS redirect and two-step sign-in, and a browser whose every request
    arrives as if through the TLS proxy."""
    # The browser speaks plain HTTP to the stand-in while the app believes HTTPS: the origin the
    # browser sends is the one a real proxy would have made https.
    with override_settings(
        NALTRACK_REQUIRE_2FA=True,
        SECURE_SSL_REDIRECT=True,
        CSRF_TRUSTED_ORIGINS=[live_server.url],
    ):
        contexts = []

        def new_page():
            context = browser.new_context(
                base_url=live_server.url,
                viewport={"width": 1280, "height": 900},
                extra_http_headers={"X-Forwarded-Proto": "https"},
            )
            contexts.append(context)
            return context.new_page()

        yield new_page
        for context in contexts:
            context.close()


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def first_sign_in(page, link: str, email: str, password: str) -> None:
    """An invitation link: choose a password, set up the authenticator, keep the codes."""
    page.goto(path_of(link))
    page.get_by_label("New password").fill(password)
    page.get_by_label("The same password again").fill(password)
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    device = TOTPDevice.objects.get(user__email=email, confirmed=False)
    page.get_by_label(re.compile("6-digit code")).fill(current_code(device))
    page.get_by_role("button", name="Continue").click()
    # the codes page is a new response to a POST to the same address: wait for it
    expect(page.locator("ul.recovery-codes li")).to_have_count(10)
    page.get_by_role("button", name=re.compile("I have saved my codes")).click()
    page.wait_for_load_state("networkidle")


def test_from_an_empty_database_to_a_first_patient(behind_a_proxy, settings):
    assert not Clinic.objects.exists() and not User.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    out = StringIO()
    call_command(
        "createclinic",
        "--name", "Lakeside Recovery",
        "--slug", "lakeside",
        "--time-zone", "America/Chicago",
        "--admin-email", "ada@lakeside.example",
        "--admin-name", "Ada Admin",
        stdout=out,
    )  # fmt: skip
    admin_link = re.search(r"Invitation link: (\S+)", out.getvalue()).group(1)

    office = behind_a_proxy()
    first_sign_in(office, admin_link, "ada@lakeside.example", ADMIN_PASSWORD)
    expect(office.get_by_role("heading", name="Lakeside Recovery")).to_be_visible()

    office.get_by_label("Full name").fill("Nurse Kim")
    office.get_by_label("Email").fill("kim@lakeside.example")
    office.get_by_label("Role").select_option("clinician")
    office.get_by_role("button", name="Send invitation").click()
    office.wait_for_load_state("networkidle")
    assert "Invitation sent to kim@lakeside.example" in office.locator("main").inner_text()
    invitation = next(m for m in mail.outbox if m.to == ["kim@lakeside.example"])
    kim_link = re.search(r"https?://\S+/accounts/invitation/\S+", invitation.body).group(0)

    public = behind_a_proxy()
    public.goto("/enroll/")
    public.get_by_label("First name").fill("Sam")
    public.get_by_label("Last name").fill("Okafor")
    public.get_by_label("Date of birth").fill("1988-07-14")
    public.get_by_role("group", name="How should we contact you?").get_by_label(
        "Email", exact=True
    ).check()
    public.get_by_role("textbox", name="Email").fill("sam@mail.example")
    for question, answer in (
        ("What time of day is best?", "Morning"),
        ("What do you want help with?", "Alcohol"),
        ("Have you used any opioids in the last 30 days?", "No"),
    ):
        public.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    public.get_by_label(re.compile("to contact me about treatment")).check()
    public.get_by_label("I have read the privacy notice above.").check()
    public.get_by_role("button", name="Send my form").click()
    public.wait_for_load_state("networkidle")
    assert "We got your form" in public.locator("main").inner_text()

    desk = behind_a_proxy()
    first_sign_in(desk, kim_link, "kim@lakeside.example", CLINICIAN_PASSWORD)
    desk.goto("/clinic/intake/")
    desk.get_by_role("link", name=re.compile("Sam Okafor")).first.click()
    desk.get_by_role("button", name="Accept and invite").click()
    desk.wait_for_load_state("networkidle")
    patient = Patient.objects.get(family_name="Okafor")
    assert patient.clinic.slug == "lakeside"
    assert Enrollment.objects.get().status == "accepted"
    assert desk.url.endswith(f"/clinic/patients/{patient.pk}/")
