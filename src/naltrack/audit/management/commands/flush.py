"""Django's ``flush``, which on SQLite may empty the audit trail with the rest of the database
(see naltrack.audit.database); nothing else may delete an audit event."""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush

from naltrack.audit.database import whole_database_flush


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        with whole_database_flush():
            super().handle(**options)
