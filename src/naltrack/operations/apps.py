from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "naltrack.operations"
    label = "operations"
    verbose_name = "Backups, restores and upgrades"
