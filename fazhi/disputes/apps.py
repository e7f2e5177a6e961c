from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "fazhi.disputes"
    verbose_name = "矛盾纠纷多元化解"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .reference import ensure_default_types

        post_migrate.connect(ensure_default_types, sender=self, dispatch_uid="disputes-default-types")
        from fazhi.demo import register as register_demo
        from fazhi.web.navigation import WorkLine
        from fazhi.web.navigation import register as register_nav

        from . import api, figures  # noqa: F401  (registers the viewset and the figures)
        from .demo import load_demo

        register_nav(WorkLine("纠纷调解", "disputes:list", "/disputes/"))
        register_demo(load_demo)
