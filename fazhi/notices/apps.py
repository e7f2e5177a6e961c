from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "fazhi.notices"
    verbose_name = "通知与提醒"

    def ready(self):
        from fazhi.audit.watch import watch

        from . import api, signals  # noqa: F401  (the API's viewset; dispatches and assignments notify)
        from .models import Channel

        # The channels are settings: every change in the audit trail, the secrets only as 已设置.
        watch(Channel, secret_fields=("secret", "smtp_password"))
