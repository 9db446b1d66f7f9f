from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "naltrack.education"
    label = "education"
    verbose_name = "Education library"
