"""Recovery codes: shown once at setup, each accepted once at sign-in, renewable."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.accounts import second_factor
from naltrack.audit.models import AuditEvent
from tests.accounts.helpers import current_code, link_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_required")]

CODE = re.compile(r"<code>([a-z2-7]{4})-([a-z2-7]{4})</code>")


@pytest.fixture
def two_factor_required():
    with override_settings(NALTRACK_REQUIRE_2FA=True):
        yield


def codes_on(page) -> list[str]:
    return ["".join(parts) for parts in CODE.findall(page.text)]


@pytest.fixture
def codes(client, clinician) -> list[str]:
    """The clinician sets up an authenticator through the emailed link; the codes shown."""
    client.force_login(clinician)
    client.get(reverse("accounts:two_factor"))
    client.get(link_in(mail.outbox[-1]))
    device = TOTPDevice.objects.get(user=clinician)
    page = client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    shown = codes_on(page)
    assert "only time we show them" in page.text
    assert len(shown) == second_factor.RECOVERY_CODE_COUNT == len(set(shown))
    return shown


def sign_in_with(user, code: str) -> tuple[Client, object]:
    """A new password-only session for ``user`` that enters ``code`` at the second step (any
    slowing down after an earlier wrong code is over)."""
    StaticDevice.objects.filter(user=user).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    client = Client()
    client.force_login(user)
    response = client.post(reverse("accounts:two_factor"), {"token": code})
    return client, response


def test_each_recovery_code_signs_in_once(clinician, codes):
    formatted = f"{codes[0][:4]}-{codes[0][4:]}".upper()  # as read off the page, shouted
    client, response = sign_in_with(clinician, formatted)
    assert response.status_code == 302
    assert client.get(reverse("clinician:home")).status_code == 200
    used = AuditEvent.objects.get(action=AuditEvent.Action.RECOVERY_CODE_USED)
    assert used.actor_id == clinician.pk
    assert used.detail == {"left": len(codes) - 1}

    client, again = sign_in_with(clinician, codes[0])
    assert again.status_code == 200
    assert "did not match" in again.text
    assert client.get(reverse("clinician:home")).status_code == 302

    client, other = sign_in_with(clinician, codes[1])
    assert other.status_code == 302


def test_recovery_codes_belong_to_their_own_account(clinician, clinic_admin, codes):
    TOTPDevice.objects.create(user=clinic_admin, name="phone", confirmed=True)
    _, response = sign_in_with(clinic_admin, codes[0])
    assert response.status_code == 200
    assert StaticToken.objects.filter(token=codes[0]).exists()


def test_the_codes_page_is_shown_once(client, codes):
    page = client.get(reverse("accounts:recovery_codes"))
    assert page.status_code == 200
    assert f"You have {len(codes)} unused codes" in page.text
    assert not any(code in page.text for code in codes)
    assert not any(code in client.get(reverse("accounts:two_factor")).text for code in codes)


def test_new_codes_replace_the_old_ones(client, clinician, codes):
    page = client.post(reverse("accounts:recovery_codes"))
    fresh = codes_on(page)
    assert len(fresh) == second_factor.RECOVERY_CODE_COUNT
    assert not set(fresh) & set(codes)
    assert "old recovery codes no longer work" in page.text
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.RECOVERY_CODES, actor_id=clinician.pk
        ).count()
        == 2  # at setup, and now
    )
    _, old = sign_in_with(clinician, codes[2])
    assert old.status_code == 200
    _, new = sign_in_with(clinician, fresh[2])
    assert new.status_code == 302


def test_new_codes_need_a_full_sign_in(clinician, codes):
    client = Client()
    client.force_login(clinician)  # password only
    response = client.post(reverse("accounts:recovery_codes"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert StaticToken.objects.filter(device__user=clinician).count() == len(codes)


def test_new_codes_need_an_authenticator(client, clinician):
    client.force_login(clinician)
    with override_settings(NALTRACK_REQUIRE_2FA=False):
        response = client.post(reverse("accounts:recovery_codes"))
    assert response.status_code == 302
    assert not StaticToken.objects.exists()
