"""The version operators see is the one pyproject.toml gives, wherever they look for it."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.reminders.workers import ROOT

pytestmark = pytest.mark.django_db
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


@pytest.mark.parametrize("spelling", ["--version", "version"])
def test_the_command_says_which_naltrack_is_installed(spelling):
    result = subprocess.run(
        [sys.executable, "-m", "naltrack.cli", spelling],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == f"naltrack {VERSION}\n"


def test_staff_pages_show_the_version_in_the_footer(client, clinician):
    client.force_login(clinician)
    page = client.get(reverse("clinician:home")).content.decode()
    footer = page[page.index('<footer class="container site-footer">') :]
    assert f"Naltrack {VERSION}" in footer


def test_patients_are_not_shown_the_version(client, patient):
    client.force_login(patient.user)
    page = client.get(reverse("patient:home")).content.decode()
    assert f"Naltrack {VERSION}" not in page


def test_the_operator_admin_shows_the_version_in_its_header(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:index")).content.decode()
    assert f"Naltrack operator admin · {VERSION}" in page
