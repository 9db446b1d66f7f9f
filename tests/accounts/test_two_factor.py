from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    code = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{code:06d}"


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_staff_must_set_up_and_pass_a_second_factor(client, clinician, patient):
    client.force_login(clinician)
    chart = reverse("clinician:patient_chart", args=[patient.pk])
    response = client.get(chart)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))

    setup = client.get(response["Location"])
    assert "Set up two-step sign-in" in setup.text
    assert "data:image/svg+xml;base64," in setup.text
    device = TOTPDevice.objects.get(user=clinician)
    assert not device.confirmed

    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000", "next": chart})
    assert wrong.status_code == 200
    assert "did not match" in wrong.text

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    ok = client.post(reverse("accounts:two_factor"), {"token": current_code(device), "next": chart})
    assert ok.status_code == 302
    assert ok["Location"] == chart
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(chart).status_code == 200


@override_settings(NALTRACK_REQUIRE_2FA=True)
def test_confirmed_device_is_asked_for_at_the_next_sign_in(client, clinician):
    device = TOTPDevice.objects.create(user=clinician, name="phone", confirmed=True)
    client.force_login(clinician)
    page = client.get(reverse("accounts:two_factor"))
    assert "Enter your sign-in code" in page.text
    assert "data:image" not in page.text  # the secret is never shown again
    assert (
        client.post(reverse("accounts:two_factor"), {"token": current_code(device)}).status_code
        == 302
    )
    assert client.get(reverse("clinician:home")).status_code == 200


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


@override_settings(NALTRACK_REQUIRE_2FA=False)
def test_second_factor_can_be_switched_off(client, clinician):
    client.force_login(clinician)
    assert client.get(reverse("clinician:home")).status_code == 200
