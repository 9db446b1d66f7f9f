from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "naltrack.api"
    label = "api"
    verbose_name = "JSON API"
