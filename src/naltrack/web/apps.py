from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "naltrack.web"
    label = "web"
    verbose_name = "What the clinician's and the patient's pages share"

    def ready(self) -> None:
        from naltrack.web import checks  # noqa: F401
