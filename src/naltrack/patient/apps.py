from django.apps import AppConfig


class PatientConfig(AppConfig):
    name = "naltrack.patient"
    label = "patient"
    verbose_name = "The patient's own pages"
