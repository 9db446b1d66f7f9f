from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "naltrack.reports"
    label = "reports"
    verbose_name = "Program outcome reports"

    def ready(self) -> None:
        from naltrack.reports.figures import connect

        connect()
