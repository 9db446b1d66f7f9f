from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, **extra
    )


def test_login_page_answers(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert 'autocomplete="email"' in response.text


@pytest.mark.parametrize(
    ("who", "home"),
    [
        ("patient", "patient:home"),
        ("clinician", "clinician:home"),
        ("clinic_admin", "accounts:admin_home"),
    ],
)
def test_each_role_lands_on_its_home(client, request, who, home):
    user = request.getfixturevalue(who)
    user = getattr(user, "user", user)
    response = sign_in(client, user.email, follow=True)
    assert response.redirect_chain[-1][0] == reverse(home)
    assert response.status_code == 200


def test_email_is_case_insensitive(client, clinician):
    response = sign_in(client, clinician.email.upper())
    assert response.status_code == 302


def test_wrong_password_is_refused_and_audited(client, clinician):
    response = sign_in(client, clinician.email, "wrong-password")
    assert response.status_code == 200
    assert "enter a correct" in response.text.lower()
    failure = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED)
    assert failure.detail["email"] == clinician.email
    assert failure.clinic_id == clinician.membership.clinic_id


def test_lockout_after_repeated_failures(client, clinician):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, clinician.email, "wrong-password").status_code == 200
    locked = sign_in(client, clinician.email, "wrong-password")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.text
    # Even the right password is refused while the account is locked.
    again = sign_in(client, clinician.email)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account(client, clinician, clinic_admin):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, clinician.email, "wrong-password")
    assert sign_in(client, clinic_admin.email).status_code == 302


def test_login_and_logout_are_audited(client, clinician):
    sign_in(client, clinician.email)
    client.post(reverse("accounts:logout"))
    actions = list(
        AuditEvent.objects.filter(actor_id=clinician.pk).values_list("action", flat=True)
    )
    assert set(actions) == {AuditEvent.Action.LOGIN, AuditEvent.Action.LOGOUT}


def test_user_without_clinic_is_told_why(client):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 403
    assert "not linked to a clinic" in response.text


def test_production_hashes_passwords_with_argon2id_at_the_owasp_minimum():
    from naltrack.config import settings as production

    assert (
        production.PASSWORD_HASHERS[0] == "naltrack.accounts.passwords.ClinicArgon2PasswordHasher"
    )
    assert production.NALTRACK_ARGON2 == (2, 19456, 1)


def test_a_password_is_stored_with_the_clinics_argon2_parameters_and_old_ones_are_upgraded(
    settings,
):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from naltrack.accounts.passwords import ClinicArgon2PasswordHasher

    settings.NALTRACK_ARGON2 = (2, 19456, 1)
    hasher = ClinicArgon2PasswordHasher()
    encoded = hasher.encode("a long passphrase", hasher.salt())
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert hasher.verify("a long passphrase", encoded)
    assert not hasher.verify("a long passphrasE", encoded)
    assert not hasher.must_update(encoded)
    # Stored before, with Django's own parameters: still signs in, and is stored again.
    older = Argon2PasswordHasher().encode("a long passphrase", hasher.salt())
    assert "m=102400,t=2,p=8" in older
    assert hasher.verify("a long passphrase", older) and hasher.must_update(older)
    # A bigger server asks for more.
    settings.NALTRACK_ARGON2 = (3, 65536, 4)
    assert ClinicArgon2PasswordHasher().must_update(encoded)


def spellings(email: str) -> list[str]:
    return [email, email.upper(), f" {email}", f"{email}  ", email.title(), f" {email.upper()} "]


def test_the_lockout_counts_every_spelling_of_an_address_together(client, clinician):
    """Letter case and spaces do not start a fresh count of wrong passwords."""
    tries = spellings(clinician.email)
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, tries[attempt % len(tries)], "wrong-password")
        assert response.status_code == 200
    assert sign_in(client, tries[-1], "wrong-password").status_code == 429
    # Locked for every spelling, even with the right password.
    for spelling in tries:
        assert sign_in(client, spelling).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_django_admin_login_shares_the_lockout(client, clinician):
    for spelling in spellings(clinician.email)[: settings.AXES_FAILURE_LIMIT]:
        client.post(reverse("admin:login"), {"username": spelling, "password": "wrong-password"})
    response = client.post(
        reverse("admin:login"), {"username": clinician.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 429
    assert sign_in(client, clinician.email).status_code == 429
