from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "fazhi.audit"
    verbose_name = "审计"

    def ready(self):
        from django.contrib.auth import get_user_model

        from fazhi.deadlines.models import HolidayNotice
        from fazhi.orgs.models import Organisation, RoleAssignment

        from .watch import watch

        # Logins have audit entries of their own; last_login would only repeat them.
        watch(
            get_user_model(),
            secret_fields=("password", "totp_secret", "totp_last_step"),
            ignored_fields=("last_login",),
        )
        watch(RoleAssignment)
        watch(Organisation)
        watch(HolidayNotice)
