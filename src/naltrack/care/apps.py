from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "naltrack.care"
    label = "care"
    verbose_name = "Clinical record"

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from naltrack.care.plain_text import clean_text_fields

        pre_save.connect(clean_text_fields, dispatch_uid="naltrack.care.plain_text")
