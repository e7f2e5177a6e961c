from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "fazhi.legal"
    verbose_name = "合法性审查"

    def ready(self):
        from fazhi.demo import register as register_demo
        from fazhi.web.navigation import WorkLine
        from fazhi.web.navigation import register as register_nav

        from . import api, figures  # noqa: F401  (registers the viewset and the figures)
        from .demo import load_demo

        register_nav(WorkLine("合法性审查", "legal:list", "/legal/"))
        register_demo(load_demo)
