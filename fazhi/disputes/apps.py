from fazhi.ledger.apps import LedgerConfig


class DisputesConfig(LedgerConfig):
    name = "fazhi.disputes"
    verbose_name = "矛盾纠纷多元化解"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .reference import ensure_default_types

        post_migrate.connect(ensure_default_types, sender=self, dispatch_uid="disputes-default-types")
        super().ready()
