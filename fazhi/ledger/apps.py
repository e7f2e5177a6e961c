from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "fazhi.ledger"
    verbose_name = "台账公共部分"

    def ready(self):
        from . import recompute  # noqa: F401  (connects the recompute to a changed holiday notice)
