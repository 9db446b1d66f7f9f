"""SQLite's side of the append-only audit trail.

SQLite has no TRUNCATE, so a test database (and ``naltrack flush``, an operator's whole-database
wipe) can only empty the trail with DELETE. Its DELETE trigger therefore asks a function that
Naltrack registers on each of its own connections: it answers yes only inside ``flush``. Any other
DELETE, from the app or from the ``sqlite3`` shell (where the function does not exist at all), is
refused by the database.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db.backends.signals import connection_created
from django.dispatch import receiver

DELETE_ALLOWED_FUNCTION = "naltrack_audit_delete_allowed"
_delete_allowed = contextvars.ContextVar("audit_delete_allowed", default=False)


@receiver(connection_created)
def register_delete_guard(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            DELETE_ALLOWED_FUNCTION, 0, lambda: int(_delete_allowed.get())
        )


@contextmanager
def whole_database_flush() -> Iterator[None]:
    token = _delete_allowed.set(True)
    try:
        yield
    finally:
        _delete_allowed.reset(token)
