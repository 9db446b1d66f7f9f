from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "naltrack.reminders"
    label = "reminders"
    verbose_name = "Reminders"
