from django.apps import AppConfig


class DemoClinicConfig(AppConfig):
    name = "naltrack.demo_clinic"
    label = "demo_clinic"
    verbose_name = "The demo clinic"
