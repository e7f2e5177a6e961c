"""In-app notifications (one per person), the outbound channels an office connects (e-mail, webhook) and
each delivery of a notification over a channel."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q


class Kind(models.TextChoices):
    DISPATCH = "dispatch", "分派"
    RETURNED = "returned", "退回"
    ASSIGNMENT = "assignment", "交办"
    DUE_SOON = "due_soon", "即将到期"
    OVERDUE = "overdue", "已超期"


# Kinds raised by the daily sweep: at most one per person, record and day.
DAILY_KINDS = (Kind.DUE_SOON, Kind.OVERDUE)


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="接收人",
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    title = models.CharField("标题", max_length=200)
    body = models.CharField("内容", max_length=500, blank=True)
    link = models.CharField("链接", max_length=300, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    day = models.DateField("日期")
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notice_user_unread")]
        constraints = [
            # The sweep may run many times a day (or on two workers): the database keeps it to one.
            models.UniqueConstraint(
                fields=["user", "kind", "content_type", "object_id", "day"],
                condition=Q(kind__in=["due_soon", "overdue"]),
                name="notice_once_a_day",
            )
        ]

    def __str__(self):
        return self.title


class ChannelKind(models.TextChoices):
    EMAIL = "email", "电子邮件（SMTP）"
    WEBHOOK = "webhook", "Webhook（POST JSON，如浙政钉、粤政易或短信网关）"


class Channel(models.Model):
    """An outbound channel the system administrator connects on the settings site. E-mail goes to each
    person's own address through the SMTP server named here; a webhook receives every notification as
    JSON (the receiving platform maps the person's user name or phone to its own account)."""

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=20, choices=ChannelKind.choices)
    enabled = models.BooleanField("启用", default=True)
    url = models.URLField(
        "Webhook 地址", max_length=500, blank=True, help_text="仅 Webhook：接收 POST 请求的地址"
    )
    # The two secrets are kept SM4-encrypted (fazhi.crypto), set through the settings site's form.
    secret = models.CharField(
        "签名密钥",
        max_length=500,
        blank=True,
        help_text="仅 Webhook：填写后，请求头 X-Fazhi-Signature 带正文的 HMAC-SHA256 签名（十六进制）",
    )
    smtp_host = models.CharField("SMTP 服务器", max_length=200, blank=True)
    smtp_port = models.PositiveIntegerField("SMTP 端口", default=25)
    smtp_username = models.CharField("SMTP 用户名", max_length=200, blank=True)
    smtp_password = models.CharField("SMTP 密码", max_length=500, blank=True)
    smtp_use_tls = models.BooleanField("使用 STARTTLS", default=False)
    smtp_use_ssl = models.BooleanField("使用 SSL", default=False)
    from_email = models.EmailField("发件人地址", blank=True)

    class Meta:
        verbose_name = "通知渠道"
        verbose_name_plural = "通知渠道"
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name}（{self.get_kind_display()}）"

    def plain(self, name: str) -> str:
        """A secret as typed (stored encrypted; a value written in plain, e.g. by a test, is used as is)."""
        from fazhi import crypto

        value = getattr(self, name)
        return crypto.decrypt(value) if crypto.is_token(value) else value

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == ChannelKind.WEBHOOK and not self.url:
            raise ValidationError({"url": "Webhook 渠道须填写接收地址，例如 https://gateway.example/notify"})
        if self.kind == ChannelKind.EMAIL:
            problems = {}
            if not self.smtp_host:
                problems["smtp_host"] = "电子邮件渠道须填写 SMTP 服务器，例如 smtp.example.gov.cn"
            if not self.from_email:
                problems["from_email"] = "电子邮件渠道须填写发件人地址"
            if self.smtp_use_tls and self.smtp_use_ssl:
                problems["smtp_use_ssl"] = "STARTTLS 与 SSL 只能选一种"
            if problems:
                raise ValidationError(problems)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"


class Delivery(models.Model):
    """One notification over one channel, as the worker sent it (or could not)."""

    notification = models.ForeignKey(
        Notification, verbose_name="通知", on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.ForeignKey(
        Channel, verbose_name="渠道", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        "状态", max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    error = models.CharField("错误", max_length=500, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_attempt_at = models.DateTimeField("最近尝试", null=True, blank=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "通知发送记录"
        verbose_name_plural = "通知发送记录"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["notification", "channel"], name="delivery_once")]

    def __str__(self):
        return f"{self.notification} → {self.channel}"
