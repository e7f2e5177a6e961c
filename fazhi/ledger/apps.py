from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "fazhi.ledger"
    verbose_name = "台账公共部分"
