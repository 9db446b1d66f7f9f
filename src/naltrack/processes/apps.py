from django.apps import AppConfig


class ProcessesConfig(AppConfig):
    name = "naltrack.processes"
    label = "processes"
    verbose_name = "Long-running processes"
