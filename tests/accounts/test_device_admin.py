"""The operator's admin lists second-factor devices but never shows a key or a recovery code."""

from __future__ import annotations

import base64

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.audit.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client: Client) -> Client:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def authenticator(clinician) -> TOTPDevice:
    return TOTPDevice.objects.create(user=clinician, name="Authenticator app", confirmed=True)


@pytest.fixture
def recovery(clinician) -> StaticDevice:
    device = StaticDevice.objects.create(user=clinician, name="Recovery codes", confirmed=True)
    for code in ("abcdefgh", "ijklmnop"):
        device.token_set.create(token=code)
    return device


def secrets_of(authenticator: TOTPDevice) -> list[str]:
    b32 = base64.b32encode(authenticator.bin_key).decode()
    return [authenticator.key, b32, b32.lower(), "otpauth://", "abcdefgh", "ijklmnop"]


def test_device_pages_never_show_a_key_or_a_code(operator, clinician, authenticator, recovery):
    pages = [
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[authenticator.pk]),
        reverse("admin:otp_totp_totpdevice_delete", args=[authenticator.pk]),
        reverse("admin:otp_static_staticdevice_changelist"),
        reverse("admin:otp_static_staticdevice_change", args=[recovery.pk]),
        reverse("admin:otp_static_staticdevice_delete", args=[recovery.pk]),
    ]
    for url in pages:
        page = operator.get(url)
        assert page.status_code == 200, url
        assert "Authenticator app" in page.text or "Recovery codes" in page.text, url
        for secret in secrets_of(authenticator):
            assert secret not in page.text, (url, secret)


def test_django_otps_qr_code_pages_are_gone(operator, authenticator):
    for name in ("admin:otp_totp_totpdevice_config", "admin:otp_totp_totpdevice_qrcode"):
        with pytest.raises(NoReverseMatch):
            reverse(name, kwargs={"pk": authenticator.pk})
    # The old address falls through to the change page's "not found" handling.
    page = operator.get(f"/django-admin/otp_totp/totpdevice/{authenticator.pk}/config/")
    assert authenticator.key not in page.text


def test_devices_cannot_be_added_or_edited(operator, authenticator):
    assert operator.get(reverse("admin:otp_totp_totpdevice_add")).status_code == 403
    change = reverse("admin:otp_totp_totpdevice_change", args=[authenticator.pk])
    operator.post(change, {"name": "renamed", "key": "00" * 20, "confirmed": ""})
    authenticator.refresh_from_db()
    assert authenticator.name == "Authenticator app"
    assert authenticator.confirmed


def test_removing_a_lost_authenticator_is_audited(operator, clinician, authenticator, recovery):
    delete = reverse("admin:otp_totp_totpdevice_delete", args=[authenticator.pk])
    assert operator.post(delete, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(pk=authenticator.pk).exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETE, object_type="totpdevice")
    assert event.object_id == str(authenticator.pk)
    assert event.clinic_id == clinician.membership.clinic_id
    assert event.detail["user_id"] == clinician.pk

    changelist = reverse("admin:otp_static_staticdevice_changelist")
    operator.post(
        changelist, {"action": "delete_selected", "_selected_action": [recovery.pk], "post": "yes"}
    )
    assert not StaticToken.objects.exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DELETE, object_type="staticdevice", object_id=str(recovery.pk)
    ).exists()
