"""Production settings pass Django's deployment checklist and load the demo only when asked."""

from __future__ import annotations

import os
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

ROOT = Path(__file__).resolve().parent.parent


def production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NALTRACK_", "DJANGO_"))}
    env.update(
        SECRET_KEY="a-production-secret-" + "k" * 50, ALLOWED_HOSTS="naltrack.example", **extra
    )
    return env


def test_check_deploy_reports_no_issue(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(NALTRACK_HOME=str(tmp_path)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(NALTRACK_HOME=str(tmp_path))
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
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
