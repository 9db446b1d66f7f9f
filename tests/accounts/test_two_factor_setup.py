"""Setting up an authenticator: only with proof of the mailbox (an invitation, a password reset,
or the setup link emailed at a password-only sign-in)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.accounts import second_factor
from naltrack.accounts.models import User
from naltrack.accounts.services import invitation_send, member_create
from naltrack.audit.models import AuditEvent
from tests.accounts.helpers import current_code, link_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_required")]

NEW_PASSWORD = "a-long-new-password-42"


@pytest.fixture
def two_factor_required():
    with override_settings(NALTRACK_REQUIRE_2FA=True):
        yield


def finish_setup(client, user: User) -> TOTPDevice:
    """On the setup page: read the shown key's device, enter its code; returns the device."""
    page = client.get(reverse("accounts:two_factor"))
    assert "Set up two-step sign-in" in page.text
    assert "data:image/svg+xml;base64," in page.text
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    assert done.status_code == 200
    assert "save your recovery codes" in done.text
    device.refresh_from_db()
    assert device.confirmed
    return device


def set_password_through(client, link: str):
    form_page = client.get(link, follow=True)
    return client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def test_invited_staff_set_a_password_then_their_authenticator(client, clinic, clinic_admin):
    invited = member_create(
        clinic=clinic, email="kim@clinic.example", full_name="Nurse Kim", role="clinician"
    )
    invitation_send(
        user=invited, invited_by=clinic_admin, request=None, base_url="http://testserver/"
    )

    saved = set_password_through(client, link_in(mail.outbox[0]))
    assert saved.status_code == 302
    assert saved["Location"] == reverse("accounts:two_factor")
    assert client.session["_auth_user_id"] == str(invited.pk)

    device = finish_setup(client, invited)
    assert client.get(reverse("clinician:home")).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.TWO_FACTOR_SETUP,
        actor_id=invited.pk,
        object_id=str(device.pk),
        detail__via="invitation",
    ).exists()
    assert StaticToken.objects.filter(device__user=invited).count() == 10


def test_staff_who_reset_their_password_set_up_their_authenticator(client, clinician):
    client.post(reverse("accounts:password_reset"), {"email": clinician.email})
    saved = set_password_through(client, link_in(mail.outbox[0]))
    assert saved["Location"] == reverse("accounts:two_factor")
    finish_setup(client, clinician)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.TWO_FACTOR_SETUP, detail__via="password_reset"
    ).exists()


def test_a_reset_does_not_replace_an_authenticator_already_set_up(client, clinician):
    """Owning the mailbox alone is not enough to take over the second factor."""
    TOTPDevice.objects.create(user=clinician, name="phone", confirmed=True)
    client.post(reverse("accounts:password_reset"), {"email": clinician.email})
    saved = set_password_through(client, link_in(mail.outbox[0]))
    assert saved["Location"] == reverse("accounts:password_reset_complete")
    assert "_auth_user_id" not in client.session
    assert TOTPDevice.objects.filter(user=clinician).count() == 1


def test_the_setup_window_closes(client, clinician):
    client.post(reverse("accounts:password_reset"), {"email": clinician.email})
    set_password_through(client, link_in(mail.outbox[0]))
    later = second_factor.timezone.now() + second_factor.SETUP_WINDOW + dt.timedelta(seconds=1)
    with mock.patch.object(second_factor.timezone, "now", return_value=later):
        page = client.get(reverse("accounts:two_factor"))
    assert "data:image" not in page.text
    assert "emailed you a link" in page.text


def emailed_setup_link(client, user: User) -> str:
    """Sign in with the password only; the two-factor page emails the setup link."""
    client.force_login(user)
    client.get(reverse("accounts:two_factor"))
    return link_in(mail.outbox[-1])


def test_the_emailed_link_opened_while_signed_in_leads_to_setup(client, clinician):
    link = emailed_setup_link(client, clinician)
    opened = client.get(link)
    assert opened["Location"] == reverse("accounts:two_factor")
    finish_setup(client, clinician)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.TWO_FACTOR_SETUP, detail__via="email_link"
    ).exists()


def test_the_emailed_link_opened_signed_out_asks_to_sign_in_then_continues(client, clinician):
    link = emailed_setup_link(client, clinician)
    client.logout()
    opened = client.get(link)
    assert opened.status_code == 302
    assert opened["Location"].startswith(reverse("accounts:login"))
    signed_in = client.post(opened["Location"], {"username": clinician.email, "password": PASSWORD})
    assert signed_in["Location"] == link
    assert client.get(link)["Location"] == reverse("accounts:two_factor")
    finish_setup(client, clinician)


def test_the_emailed_link_works_only_for_its_own_account(client, clinician, clinic_admin):
    link = emailed_setup_link(client, clinician)
    client.logout()
    client.force_login(clinic_admin)
    opened = client.get(link)
    assert opened.status_code == 403
    assert "someone else's account" in opened.text
    assert not TOTPDevice.objects.exists()
    # It still works for its owner.
    client.force_login(clinician)
    assert client.get(link)["Location"] == reverse("accounts:two_factor")


def test_the_emailed_link_works_once(client, clinician):
    link = emailed_setup_link(client, clinician)
    client.get(link)
    again = client.get(link)
    assert again.status_code == 200
    assert "already been used or has expired" in again.text


def test_the_emailed_link_expires(client, clinician):
    link = emailed_setup_link(client, clinician)
    tokens = second_factor.setup_link_tokens
    later = tokens._now() + second_factor.SETUP_LINK_TIMEOUT + dt.timedelta(seconds=1)
    with mock.patch.object(tokens, "_now", return_value=later):
        expired = client.get(link)
    assert "already been used or has expired" in expired.text
    assert not TOTPDevice.objects.filter(user=clinician).exists()


def test_the_emailed_link_dies_once_an_authenticator_is_set_up(client, clinician):
    """Two links sent: setting up through the newer one kills the older."""
    older = emailed_setup_link(client, clinician)
    tokens = second_factor.setup_link_tokens
    with mock.patch.object(tokens, "_now", return_value=tokens._now() + dt.timedelta(seconds=5)):
        client.post(reverse("accounts:two_factor"), {})
    newer = link_in(mail.outbox[-1])
    assert newer != older
    assert client.get(newer)["Location"] == reverse("accounts:two_factor")
    finish_setup(client, clinician)
    stale = client.get(older)
    assert "already been used or has expired" in stale.text
    assert TOTPDevice.objects.filter(user=clinician).count() == 1


def test_a_forged_link_is_refused(client, clinician):
    link = emailed_setup_link(client, clinician)
    forged = link.rstrip("/")[:-1] + ("0" if not link.rstrip("/").endswith("0") else "1") + "/"
    assert "already been used or has expired" in client.get(forged).text
