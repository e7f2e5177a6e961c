from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models.deletion import ProtectedError, RestrictedError
from django.urls import reverse
from django.utils.html import format_html

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from . import lockout, separation
from .models import ApiToken, LoginAttempt, User

# Django's authtoken admin would show every key in clear; the app is gone and its admin with it.


class PersonAddForm(forms.ModelForm):
    """The system administrator adds a person without a password: the security administrator sets it."""

    class Meta:
        model = User
        fields = ("username", "full_name", "email")

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


@admin.register(User)
class FazhiUserAdmin(UserAdmin):
    list_display = ("username", "full_name", "is_active", "totp_confirmed", "last_login")
    search_fields = ("username", "full_name")
    # is_superuser is shown, never edited: only `fazhi break_glass` grants it (separation.py).
    readonly_fields = (
        "is_superuser",
        "password_changed_at",
        "totp_confirmed",
        "last_login",
        "date_joined",
    )
    fieldsets = (
        (None, {"fields": ("username", "password", "full_name", "email")}),
        ("状态", {"fields": ("is_active", "is_superuser", "totp_confirmed", "password_changed_at")}),
        ("时间", {"fields": ("last_login", "date_joined")}),
    )
    add_form = PersonAddForm
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("username", "full_name", "email")}),)
    actions = ["unlock_accounts", "reset_totp"]

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

    @admin.action(description="重置所选账户的动态口令（安全管理员；下次登录重新绑定）")
    def reset_totp(self, request, queryset):
        try:
            for user in queryset:
                separation.reset_totp(request.user, user)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(request, "已重置所选账户的动态口令，本人下次登录时重新绑定。")

    def user_change_password(self, request, id, form_url=""):
        """Only the security administrator resets a password, and not his own (separation.py)."""
        user = self.get_object(request, unquote(id))
        if user is not None:
            separation.check_manages(request.user, user.pk, "重置密码")
            request.fazhi_credential_reset_of = user.pk
        return super().user_change_password(request, id, form_url)

    def get_fieldsets(self, request, obj=None):
        """The password row is the security administrator's link to reset it (others' passwords only); the
        system administrator, who may not reset one, is offered none (Django's row links to a page that
        refuses him, and the security administrator, who sees the person read only, got no link at all)."""
        if obj is None:
            return super().get_fieldsets(request, obj)
        resets = separation.may_manage_accounts(request.user) and request.user.pk != obj.pk
        (title, options), *rest = self.fieldsets
        first = tuple(
            ("credentials" if resets else None) if name == "password" else name for name in options["fields"]
        )
        return ((title, {**options, "fields": tuple(name for name in first if name)}), *rest)

    @admin.display(description="密码")
    def credentials(self, obj):
        url = reverse("admin:auth_user_password_change", args=(obj.pk,))
        return format_html('<a class="button" href="{}">重置密码</a>', url)

    def get_readonly_fields(self, request, obj=None):
        fields = (*super().get_readonly_fields(request, obj), "credentials")
        if obj is not None and not separation.may_switch_account(request.user, obj):
            return (*fields, "is_active")  # an administrator's account (三员分立)
        return fields

    def save_model(self, request, obj, form, change):
        # the form cannot carry is_active for an administrator's account (read only above); checked again here,
        # on the model as saved, so that no other form or path of this admin gets around it
        if change and "is_active" in form.changed_data:
            separation.check_switches_account(request.user, obj)
        super().save_model(request, obj, form, change)

    def has_change_permission(self, request, obj=None):
        if obj is not None and getattr(request, "fazhi_credential_reset_of", None) == obj.pk:
            return True
        return super().has_change_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        user = self.get_object(request, unquote(object_id))
        if user is not None and request.method == "POST":
            try:
                return super().delete_view(request, object_id, extra_context)
            except (ProtectedError, RestrictedError):
                return self._refuse_deletion(request)
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        if has_history(obj):
            raise ProtectedError("has history", [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if any(has_history(user) for user in queryset):
            raise ProtectedError("has history", list(queryset))
        super().delete_queryset(request, queryset)

    def _refuse_deletion(self, request):
        from django.shortcuts import redirect

        self.message_user(
            request,
            "该账户已有操作记录（审计日志或台账），不能删除；如该人员离开，请取消“有效”勾选以停用账户。",
            messages.ERROR,
        )
        return redirect("admin:accounts_user_changelist")

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except (ProtectedError, RestrictedError):
            return self._refuse_deletion(request)


def has_history(user) -> bool:
    """Whether anything in the audit trail names the person (as actor or as target)."""
    from fazhi.audit.models import AuditEntry

    acted = AuditEntry.objects.filter(actor=user).exists()
    return (
        acted
        or AuditEntry.objects.filter(target_type="accounts.user", target_id=str(user.pk))
        .exclude(action__in=("create",))
        .exists()
    )


@admin.register(LoginAttempt)
class LoginAttemptAdmin(ReadOnlyLedgerAdmin):
    list_display = ("at", "username", "ip", "success", "reason", "cleared")
    list_filter = ("success", "reason")
    search_fields = ("username", "ip")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens listed and revoked by the security administrator; the key is never stored, so never shown."""

    list_display = (
        "user",
        "name",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
        "revoked_reason",
    )
    list_filter = ("revoked_reason",)
    search_fields = ("user__username", "user__full_name", "name")
    fields = ("user", "name", "created_at", "expires_at", "last_used_at", "revoked_at", "revoked_reason")
    readonly_fields = fields
    actions = ["revoke_tokens"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a revoked token stays listed, for the record

    @admin.action(description="撤销所选令牌", permissions=["view"])
    def revoke_tokens(self, request, queryset):
        from .tokens import revoke

        count = sum(revoke(token, actor=request.user, reason="安全管理员撤销") for token in queryset)
        self.message_user(request, f"已撤销{count}个令牌。")
