from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "naltrack.accounts"
    label = "accounts"
    verbose_name = "Accounts and clinics"

    def ready(self) -> None:
        from naltrack.accounts import signals  # noqa: F401
