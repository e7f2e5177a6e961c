from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "fazhi.litigation"
    verbose_name = "行政复议与诉讼"

    def ready(self):
        from fazhi.demo import register as register_demo
        from fazhi.web.navigation import WorkLine
        from fazhi.web.navigation import register as register_nav

        from . import api, figures  # noqa: F401  (registers the viewsets and the figures)
        from .demo import load_demo

        register_nav(WorkLine("复议诉讼", "litigation:list", "/litigation/"))
        register_demo(load_demo)
