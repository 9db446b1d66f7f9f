"""The secret key of a local (debug or demo) install that was given none.

A key written in the source is a key everyone has: with it anyone can forge session cookies,
password-reset links and reminder pause links. So a local install makes its own random key the
first time it starts and keeps it in ``var/secret_key`` (readable by its owner only), and every
later start, and every process of ``naltrack up``, reads the same one: sessions and links
survive a restart.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def local_secret_key(path: Path) -> str:
    """The key kept at ``path``, written there first (mode 0600) if there is none yet."""
    if not path.exists():
        _write_once(path)
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise ImproperlyConfigured(f"{path} is empty: delete it and a new key will be made.")
    return key


def _write_once(path: Path) -> None:
    """Write a new key to ``path`` unless another process does it first.

    The web server and the worker start together: each writes a whole key to a file of its own,
    then links it into place, which fails if the other got there first. Theirs stands, and no
    process can ever read a half-written key.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as draft_file:
            draft_file.write(secrets.token_urlsafe(50) + "\n")
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
    finally:
        draft.unlink()
