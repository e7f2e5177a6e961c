from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fazhi.accounts"
    verbose_name = "账户与安全"

    def ready(self):
        from . import signals  # noqa: F401  (connects the login signals)
