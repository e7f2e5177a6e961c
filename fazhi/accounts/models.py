import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone


class User(AbstractUser):
    """A person who signs in. Roles are held in organisations (orgs.RoleAssignment)."""

    full_name = models.CharField("姓名", max_length=50, blank=True)
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)
    # SM4-encrypted (fazhi.crypto) base32 secret; see accounts.otp.
    totp_secret = models.CharField("动态口令密钥", max_length=255, blank=True)
    totp_confirmed = models.BooleanField("已绑定动态口令", default=False)
    # The last accepted TOTP time step: a code is accepted once, so an observed code cannot be replayed.
    totp_last_step = models.BigIntegerField("最近使用的动态口令时段", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self):
        return self.full_name or self.username

    def set_password(self, raw_password):
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()
        self._password_changed = True

    def save(self, *args, **kwargs):
        from .separation import may_grant_superuser

        if self.is_superuser and not may_grant_superuser():
            was = type(self).objects.filter(pk=self.pk).values_list("is_superuser", flat=True).first()
            if not was:
                raise PermissionDenied(
                    "三员分立：超级用户权限不能在系统中授予，只能由服务器上的 fazhi break_glass 命令授予（写入审计日志）。"
                )
        super().save(*args, **kwargs)
        if getattr(self, "_password_changed", False):
            # A changed password ends every API token issued under the old one.
            self._password_changed = False
            self.api_tokens.filter(revoked_at__isnull=True).update(
                revoked_at=timezone.now(), revoked_reason="密码已修改"
            )

    @property
    def password_expired(self) -> bool:
        """True once the password is older than FAZHI_PASSWORD_MAX_AGE_DAYS.

        An unknown age (accounts loaded with a ready-made hash) is not treated as expired.
        """
        if self.password_changed_at is None or not self.has_usable_password():
            return False
        max_age = datetime.timedelta(days=settings.FAZHI_PASSWORD_MAX_AGE_DAYS)
        return timezone.now() - self.password_changed_at > max_age


class LoginAttempt(models.Model):
    """One try to sign in, by whatever path (web form, Django admin, API token); lock-out counts these."""

    username = models.CharField("用户名", max_length=150, db_index=True)
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    ip = models.GenericIPAddressField("IP 地址", null=True, blank=True)
    success = models.BooleanField("成功", default=False)
    reason = models.CharField("原因", max_length=50, blank=True)
    # Set when a security administrator unlocks the account: cleared failures no longer count.
    cleared = models.BooleanField("已解除", default=False)

    class Meta:
        verbose_name = "登录尝试"
        verbose_name_plural = "登录尝试"
        ordering = ["-at"]
        indexes = [models.Index(fields=["username", "at"], name="login_attempt_user_at")]

    def __str__(self):
        return f"{self.username} {self.at:%Y-%m-%d %H:%M} {'成功' if self.success else '失败'}"


class ApiToken(models.Model):
    """An API token. Only its SM3 digest is kept: the key is shown once, when issued, and never again."""

    user = models.ForeignKey(User, verbose_name="人员", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("名称", max_length=50, blank=True)
    key_hash = models.CharField("令牌摘要", max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("签发时间", default=timezone.now)
    expires_at = models.DateTimeField("到期时间")
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)
    revoked_reason = models.CharField("撤销原因", max_length=50, blank=True)

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} · {self.name or '未命名'} · {self.created_at:%Y-%m-%d}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class CalendarFeed(models.Model):
    """A person's calendar subscription (``/calendar/feed/<key>.ics``, fazhi.accounts.feeds): a calendar
    program asks for it without a session, so the key in its address is the credential. Only the key's SM3
    digest is kept, like an API token's; one per person, replaced when regenerated, deleted when revoked."""

    user = models.OneToOneField(
        User, verbose_name="人员", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    key_hash = models.CharField("订阅密钥摘要", max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("生成时间", default=timezone.now)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)

    class Meta:
        verbose_name = "日历订阅"
        verbose_name_plural = "日历订阅"

    def __str__(self):
        return f"{self.user} 的日历订阅"
