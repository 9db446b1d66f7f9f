from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from naltrack.operations.logs import PrivacyFilter


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """What the configured console handler (settings.LOGGING) prints, as it would print it."""
    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, PrivacyFilter) for f in h.filters)
    ]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        yield buffer
    finally:
        handler.setStream(previous)
