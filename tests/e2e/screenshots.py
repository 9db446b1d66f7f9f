"""The screenshots in docs/screenshots/, refreshed by the browser tests only when asked
(``NALTRACK_SCREENSHOTS=1``), so an ordinary test run leaves the working tree as it was."""

from __future__ import annotations

import os
from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def save_screenshot(target, name: str, *, full_page: bool = True) -> None:
    """Save a page (the whole of it) or one element as docs/screenshots/NAME when asked to."""
    if not os.environ.get("NALTRACK_SCREENSHOTS"):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    options = {"full_page": True} if full_page else {}
    target.screenshot(path=str(SCREENSHOTS / name), **options)
