"""The system administrator's part on the settings site: the channels (audited, secrets shown only as
set) and the record of every delivery, read only."""

from django import forms
from django.contrib import admin

from fazhi import crypto
from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from .models import Channel, Delivery


class ChannelForm(forms.ModelForm):
    # Secrets are never shown back; left empty on editing, the stored one is kept.
    secret = forms.CharField(label="签名密钥", required=False, widget=forms.PasswordInput(render_value=False))
    smtp_password = forms.CharField(
        label="SMTP 密码", required=False, widget=forms.PasswordInput(render_value=False)
    )

    class Meta:
        model = Channel
        fields = (
            *("name", "kind", "enabled", "url", "secret", "smtp_host", "smtp_port", "smtp_username"),
            *("smtp_password", "smtp_use_tls", "smtp_use_ssl", "from_email"),
        )

    def clean(self):
        data = super().clean()
        for name in ("secret", "smtp_password"):
            if data.get(name):
                data[name] = crypto.encrypt(data[name])
            elif self.instance.pk:
                data[name] = getattr(self.instance, name)
        return data


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    form = ChannelForm
    list_display = ("name", "kind", "enabled")
    fieldsets = (
        (None, {"fields": ("name", "kind", "enabled")}),
        ("Webhook", {"fields": ("url", "secret")}),
        (
            "电子邮件（SMTP）",
            {
                "fields": (
                    "smtp_host",
                    "smtp_port",
                    "smtp_username",
                    "smtp_password",
                    "smtp_use_tls",
                    "smtp_use_ssl",
                    "from_email",
                )
            },
        ),
    )


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyLedgerAdmin):  # deliveries are written by the worker alone
    list_display = ("created_at", "channel", "recipient", "title", "status", "attempts", "error")
    list_filter = ("status", "channel")
    list_select_related = ("channel", "notification__user")

    @admin.display(description="接收人")
    def recipient(self, obj):
        return obj.notification.user

    @admin.display(description="通知")
    def title(self, obj):
        return obj.notification.title
