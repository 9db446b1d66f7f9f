from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.audit.models import AuditEvent
from tests.accounts.helpers import current_code

pytestmark = pytest.mark.django_db

SECRET_SIGNS = ("data:image", "Key:", "otpauth://")


def assert_no_secret(page, *devices: TOTPDevice) -> None:
    import base64

    for sign in SECRET_SIGNS:
        assert sign not in page.text
    for device in devices:
        assert base64.b32encode(device.bin_key).decode() not in page.text
        assert device.key not in page.text


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_a_password_alone_cannot_set_up_an_authenticator(client, clinician, patient):
    """Whoever has only the password is sent to the mailbox, never shown a key."""
    client.force_login(clinician)
    chart = reverse("clinician:patient_chart", args=[patient.pk])
    response = client.get(chart)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "emailed you a link to set up your authenticator" in page.text
    assert_no_secret(page)
    assert not TOTPDevice.objects.filter(user=clinician).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [clinician.email]
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.TWO_FACTOR_LINK, object_id=str(clinician.pk)
    ).exists()

    # Reloading the page sends nothing more.
    client.get(response["Location"])
    assert len(mail.outbox) == 1

    # Posting codes confirms nothing and shows nothing.
    for code in ("000000", "123456"):
        posted = client.post(reverse("accounts:two_factor"), {"token": code, "next": chart})
        assert posted.status_code == 200
        assert_no_secret(posted)
    assert not TOTPDevice.objects.filter(user=clinician).exists()
    assert client.get(chart).status_code == 302


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_a_pending_device_made_without_proof_never_shows_its_key(client, clinician):
    """A device left unconfirmed by the old flow (or anything else) is never shown or confirmed."""
    device = TOTPDevice.objects.create(user=clinician, name="someone's phone", confirmed=False)
    client.force_login(clinician)
    page = client.get(reverse("accounts:two_factor"))
    assert_no_secret(page, device)
    posted = client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    assert_no_secret(posted, device)
    device.refresh_from_db()
    assert not device.confirmed
    assert not client.session.get("otp_device_id")


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_setup_links_to_one_account_are_limited(client, clinician):
    from naltrack.accounts.second_factor import SETUP_LINKS_MAX

    client.force_login(clinician)
    client.get(reverse("accounts:two_factor"))
    for _ in range(SETUP_LINKS_MAX + 2):
        page = client.post(reverse("accounts:two_factor"), {})
    assert len(mail.outbox) == SETUP_LINKS_MAX
    assert "already sent you several links" in page.text
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.TWO_FACTOR_LINK, object_id=str(clinician.pk)
        ).count()
        == SETUP_LINKS_MAX
    )


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_confirmed_device_is_asked_for_at_the_next_sign_in(client, clinician):
    device = TOTPDevice.objects.create(user=clinician, name="phone", confirmed=True)
    client.force_login(clinician)
    page = client.get(reverse("accounts:two_factor"))
    assert "Enter your sign-in code" in page.text
    assert_no_secret(page, device)  # the secret is never shown again
    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert "did not match" in wrong.text
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    assert (
        client.post(reverse("accounts:two_factor"), {"token": current_code(device)}).status_code
        == 302
    )
    assert client.get(reverse("clinician:home")).status_code == 200
    assert not mail.outbox


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_signed_in_staff_see_that_two_step_sign_in_is_on(client, clinician):
    device = TOTPDevice.objects.create(user=clinician, name="phone", confirmed=True)
    client.force_login(clinician)
    client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    page = client.get(reverse("accounts:two_factor"))
    assert "Two-step sign-in is on" in page.text
    assert reverse("accounts:recovery_codes") in page.text
    assert_no_secret(page, device)


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_two_factor_next_cannot_leave_the_site(client, clinician):
    device = TOTPDevice.objects.create(user=clinician, name="phone", confirmed=True)
    client.force_login(clinician)
    response = client.post(
        reverse("accounts:two_factor"),
        {"token": current_code(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("home")


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_patients_are_not_asked_for_a_second_factor(client, patient):
    client.force_login(patient.user)
    assert client.get(reverse("patient:home")).status_code == 200
    # Nor sent setup links.
    assert client.get(reverse("accounts:two_factor")).status_code == 404
    assert not mail.outbox


@override_settings(NALTRACK_REQUIRE_2FA=False)
def test_second_factor_can_be_switched_off(client, clinician):
    client.force_login(clinician)
    assert client.get(reverse("clinician:home")).status_code == 200
