"""Two-step sign-in in a real browser on a phone: an invited clinician chooses a password, sets
up an authenticator and sees their recovery codes once; a password alone only gets an email."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from naltrack.accounts.models import Membership
from naltrack.accounts.services import invitation_send, member_create
from tests.accounts.helpers import current_code
from tests.factories import PASSWORD, member

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "a-long-new-password-42"


@pytest.fixture(autouse=True)
def two_factor_required():
    with override_settings(NALTRACK_REQUIRE_2FA=True):
        yield


def test_invited_clinician_sets_up_two_step_sign_in(page, live_server, clinic):
    invited = member_create(
        clinic=clinic, email="kim@clinic.example", full_name="Nurse Kim", role="clinician"
    )
    url = invitation_send(user=invited, invited_by=None, request=None, base_url=live_server.url)
    page.goto(url)
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_label("The same password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save password").click()

    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    device = TOTPDevice.objects.get(user=invited, confirmed=False)
    page.get_by_label(re.compile("6-digit code")).fill(current_code(device))
    page.get_by_role("button", name="Continue").click()

    # the codes page is a new response to a POST to the same address: wait for it
    expect(page.locator("ul.recovery-codes li")).to_have_count(10)
    main = page.locator("main").inner_text()
    assert "save your recovery codes" in main
    assert "only time we show them" in main
    page.get_by_role("button", name=re.compile("I have saved my codes")).click()
    page.wait_for_load_state("networkidle")
    assert "Today at" in page.locator("main").inner_text()


def test_a_password_alone_is_sent_to_the_mailbox(page, clinic):
    clinician = member(clinic, Membership.Role.CLINICIAN)
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(clinician.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")
    main = page.locator("main").inner_text()
    assert "emailed you a link to set up your authenticator" in main
    assert page.locator("main img").count() == 0
    assert len(mail.outbox) == 1
