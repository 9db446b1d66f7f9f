from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "naltrack.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from naltrack.audit import database  # noqa: F401  (connects the SQLite delete guard)
