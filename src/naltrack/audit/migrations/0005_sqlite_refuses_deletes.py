"""SQLite refuses DELETE of audit events too, except inside a whole-database flush
(naltrack.audit.database explains the guard function)."""

from django.db import migrations

FORWARD = """
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
WHEN NOT naltrack_audit_delete_allowed()
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
"""
REVERSE = "DROP TRIGGER IF EXISTS audit_event_no_delete;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(FORWARD)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(REVERSE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_two_factor_actions")]
    operations = [migrations.RunPython(forward, reverse)]
