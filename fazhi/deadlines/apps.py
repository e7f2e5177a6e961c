from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "fazhi.deadlines"
    label = "deadlines"
    verbose_name = "期限与工作日"

    def ready(self) -> None:
        from . import signals  # noqa: F401
