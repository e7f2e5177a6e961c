from importlib import import_module

from django.apps import AppConfig


class LedgerKitConfig(AppConfig):
    """The shared ledger layer itself (models, services, checks); not a ledger."""

    name = "fazhi.ledger"
    verbose_name = "台账公共部分"

    def ready(self):
        from django.db.backends.signals import connection_created

        from fazhi.db import tune_session

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            recompute,  # noqa: F401  (connects the recompute to a changed holiday notice)
        )

        connection_created.connect(tune_session, dispatch_uid="fazhi.db.tune_session")


class LedgerConfig(AppConfig):
    """Base of a ledger app's AppConfig: ready() registers the app's ``ledger.LEDGER``.

    Registering imports the app's API and figures modules (they register themselves), and puts its
    settings models in the audit trail; the settings site offers them to the system administrator
    because they are registered (fazhi.accounts.admin_site reads the registry).
    """

    default = False  # a base: Django must not take it for the app config of a module that imports it

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = True  # each ledger app's own config is its module's default

    def ready(self):
        from fazhi.audit.watch import watch

        from .registry import register

        ledger = register(import_module(f"{self.name}.ledger").LEDGER)
        for module in filter(None, (ledger.api, ledger.figures)):  # a missing one fails the checks
            import_module(module)
        for model in ledger.settings_models:
            watch(model)
