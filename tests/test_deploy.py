"""Production settings pass Django's deployment checklist and load the demo only when asked."""

from __future__ import annotations

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from naltrack.accounts.models import Clinic, User
from naltrack.care.models import Patient
from naltrack.demo_clinic.clinic import DEMO_LOGINS
from naltrack.web.checks import KNOWN_KEYS, check_secret_keys

ROOT = Path(__file__).resolve().parent.parent


def production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NALTRACK_", "DJANGO_"))}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="naltrack.example",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    )
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_reports_no_issue(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env(NALTRACK_HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_email_is_not_sent(tmp_path):
    env = production_env(NALTRACK_HOME=str(tmp_path))
    del env["EMAIL_BACKEND"]
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "naltrack.W001" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "key",
    [
        "naltrack-development-only-key-not-for-production-use-0123456789",
        "django-insecure-" + secrets.token_urlsafe(50),
        "test-only-secret-key-" + "x" * 40,
    ],
    ids=["old development key", "django-insecure", "test suite key"],
)
def test_check_deploy_fails_on_a_published_key(tmp_path, key):
    result = manage(
        "check", "--deploy", env=production_env(NALTRACK_HOME=str(tmp_path), SECRET_KEY=key)
    )
    assert result.returncode != 0
    assert "(naltrack.E001) SECRET_KEY is a published key" in result.stderr


@pytest.mark.parametrize(
    "key", ["too-short-" + secrets.token_urlsafe(10), "ab" * 40], ids=["short", "few characters"]
)
def test_a_short_or_simple_key_is_an_error(settings, key):
    settings.SECRET_KEY = key
    (error,) = check_secret_keys()
    assert error.id == "naltrack.E001" and "too short or too simple" in error.msg


def test_an_old_published_key_still_accepted_is_an_error(settings):
    settings.SECRET_KEY = secrets.token_urlsafe(50)
    settings.SECRET_KEY_FALLBACKS = [secrets.token_urlsafe(50), *KNOWN_KEYS]
    (error,) = check_secret_keys()
    assert error.msg.startswith("SECRET_KEY_FALLBACKS[1] is a published key")


def test_a_good_key_passes(settings):
    settings.SECRET_KEY = secrets.token_urlsafe(50)
    assert check_secret_keys() == []


def test_the_settings_publish_no_key():
    source = (ROOT / "src/naltrack/config/settings.py").read_text()
    assert not [key for key in KNOWN_KEYS if key in source]


@pytest.mark.parametrize("mode", ["NALTRACK_DEMO", "NALTRACK_DEBUG"])
def test_a_local_install_makes_its_own_key_once_and_keeps_it(tmp_path, mode):
    env = production_env(NALTRACK_HOME=str(tmp_path), **{mode: "1"})
    del env["SECRET_KEY"]
    show_key = "from django.conf import settings; print('key=' + settings.SECRET_KEY)"
    first, again = (manage("shell", "-c", show_key, env=env) for _ in range(2))
    key = first.stdout.partition("key=")[2].strip()
    assert key and again.stdout.partition("key=")[2].strip() == key
    kept = tmp_path / "var" / "secret_key"
    assert kept.read_text().strip() == key
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert manage("check", "--deploy", env=env | {"SECRET_KEY": key}).stderr.count("E001") == 0


def test_two_local_installs_get_different_keys(tmp_path):
    from naltrack.config.secret_key import local_secret_key

    one, other = local_secret_key(tmp_path / "a" / "key"), local_secret_key(tmp_path / "b" / "key")
    assert one != other and len(one) >= 50
    assert local_secret_key(tmp_path / "a" / "key") == one


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(NALTRACK_HOME=str(tmp_path))
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_demo_is_refused_in_production():
    with pytest.raises(CommandError):
        call_command("demo")
    assert not Clinic.objects.exists()


@pytest.mark.django_db
@override_settings(DEMO=True)
def test_demo_creates_the_published_logins_and_resets_cleanly():
    call_command("demo")
    call_command("demo", "--if-empty")  # leaves it alone
    call_command("demo")  # resets without duplicating
    assert Clinic.objects.count() == 1
    for login in DEMO_LOGINS:
        assert User.objects.get(email=login.email).role == login.role
    assert Patient.objects.filter(user__email="patient@riverside.example").count() == 1
    assert Patient.objects.count() >= 5


def test_a_mistyped_trusted_proxy_stops_the_start(tmp_path):
    env = production_env(
        NALTRACK_HOME=str(tmp_path), NALTRACK_TRUSTED_PROXIES="10.0.0.0/8, 10.0.0.300"
    )
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "NALTRACK_TRUSTED_PROXIES: '10.0.0.300' does not appear to be" in result.stderr
