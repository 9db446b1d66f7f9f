from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "naltrack.care"
    label = "care"
    verbose_name = "Clinical record"
