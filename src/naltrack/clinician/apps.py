from django.apps import AppConfig


class ClinicianConfig(AppConfig):
    name = "naltrack.clinician"
    label = "clinician"
    verbose_name = "The clinician's pages"
