"""Fixtures for the clinician's pages."""

from __future__ import annotations

import pytest


@pytest.fixture
def signed_in(client, clinician):
    client.force_login(clinician)
    return client
