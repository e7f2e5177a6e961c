from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from . import lockout
from .models import LoginAttempt, User


@admin.register(User)
class FazhiUserAdmin(UserAdmin):
    list_display = ("username", "full_name", "is_active", "totp_confirmed", "last_login")
    search_fields = ("username", "full_name")
    readonly_fields = ("password_changed_at", "totp_confirmed", "last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("username", "password", "full_name", "email")}),
        (
            "状态",
            {"fields": ("is_active", "is_staff", "is_superuser", "totp_confirmed", "password_changed_at")},
        ),
        ("时间", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "full_name", "password1", "password2")}),
    )
    actions = ["unlock_accounts"]

    @admin.action(description="解锁所选账户（安全管理员）")
    def unlock_accounts(self, request, queryset):
        try:
            unlocked = [u.username for u in queryset if lockout.unlock(u.username, actor=request.user)]
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(
            request, f"已解锁：{'、'.join(unlocked)}" if unlocked else "所选账户均未处于锁定状态。"
        )


@admin.register(LoginAttempt)
class LoginAttemptAdmin(ReadOnlyLedgerAdmin):
    list_display = ("at", "username", "ip", "success", "reason", "cleared")
    list_filter = ("success", "reason")
    search_fields = ("username", "ip")
