from django.apps import AppConfig


class EnrollmentConfig(AppConfig):
    name = "naltrack.enrollment"
    label = "enrollment"
    verbose_name = "Enrollment"
