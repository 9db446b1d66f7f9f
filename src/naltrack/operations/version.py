"""The version of Naltrack that is installed, as pyproject.toml gives it.

Operators read it in ``naltrack --version``, the staff pages' footer and the admin's header, to
know which entry of CHANGELOG.md they run. No Django import: ``naltrack --version`` stays fast.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata


@cache
def naltrack_version() -> str:
    try:
        return metadata.version("naltrack")
    except metadata.PackageNotFoundError:
        # A source tree on the path without `pip install -e .`: say so rather than guess.
        return "unknown (not installed)"
