from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "naltrack.public"
    label = "public"
    verbose_name = "Public pages"
