"""Migrations down to an earlier schema and up again, on a database the demo clinic fills; run in
a subprocess with the product settings for ``test_migrations_on_data.py``.

``python -m tests.operations.round_trip APP:MIGRATION …``: builds the demo clinic, fingerprints
every table, migrates each APP back to MIGRATION (in the order given), fingerprints again,
migrates forward to the latest, fingerprints a third time, and prints the three fingerprints,
what is left to apply, and whether the audit trail still refuses changes, as one JSON line.

A fingerprint is, per table, its row count and a hash of each column's values in primary key order:
what the test compares without moving the rows themselves between processes.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from typing import Any

import django

# Virtual tables (SQLite's full-text index) and Django's record of migrations change by design.
SKIPPED = ("sqlite_", "education_article_fts", "django_migrations")


def fingerprint() -> dict[str, Any]:
    from django.db import connection

    tables: dict[str, Any] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.startswith(SKIPPED):
                continue
            key = connection.introspection.get_primary_key_column(cursor, table)
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
            cursor.execute(
                f"SELECT {quoted} FROM {connection.ops.quote_name(table)} "  # noqa: S608
                f"ORDER BY {connection.ops.quote_name(key or columns[0])}"
            )
            rows = cursor.fetchall()
            tables[table] = {
                "rows": len(rows),
                "columns": {
                    column: hashlib.sha256(
                        "\x1e".join(repr(row[index]) for row in rows).encode()
                    ).hexdigest()
                    for index, column in enumerate(columns)
                },
            }
    return tables


def pending() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def audit_trail_refuses_updates() -> bool:
    from django.db import DatabaseError, connection, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditevent SET action = 'read'")
    except DatabaseError:
        return True
    return False


def main(targets: list[str]) -> None:
    django.setup()
    from django.core.management import call_command

    call_command("demo", stdout=io.StringIO())
    latest = fingerprint()
    for target in targets:
        app, migration = target.split(":")
        call_command("migrate", app, migration, verbosity=0)
    earlier = fingerprint()
    earlier_pending = pending()
    call_command("migrate", verbosity=0)
    result = {
        "latest": latest,
        "earlier": earlier,
        "earlier_pending": earlier_pending,
        "again": fingerprint(),
        "pending": pending(),
        "append_only": audit_trail_refuses_updates(),
    }
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
