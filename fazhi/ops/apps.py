from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "fazhi.ops"
    verbose_name = "运维"
