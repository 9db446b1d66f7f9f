from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "naltrack.audit"
    label = "audit"
    verbose_name = "Audit trail"
