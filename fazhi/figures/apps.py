from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "fazhi.figures"
    verbose_name = "指标"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from fazhi.demo import register as register_demo
        from fazhi.orgs.models import Kind
        from fazhi.web.navigation import WorkLine
        from fazhi.web.navigation import register as register_nav

        from . import (
            api,  # noqa: F401  (registers the viewset)
            registry,
        )
        from .demo import load_demo
        from .manual import load_catalogue
        from .models import ManualFigure

        registry.add_loader(load_catalogue)
        for signal in (post_save, post_delete):
            signal.connect(_catalogue_changed, sender=ManualFigure, dispatch_uid=f"figures-{signal}")
        # Everyone who reads some unit's records has figures of it.
        register_nav(WorkLine("指标看板", "figures:dashboard", "/figures/", frozenset(Kind.values)))
        register_demo(load_demo)


def _catalogue_changed(**kwargs):
    from . import registry

    registry.mark_stale()
