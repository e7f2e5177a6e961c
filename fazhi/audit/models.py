from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    TRANSITION = "transition", "状态变更"
    VIEW_PERSONAL = "view_personal", "查看个人信息"
    EXPORT = "export", "导出"
    IMPORT = "import", "导入"
    LOGIN = "login", "登录"
    LOGIN_FAILED = "login_failed", "登录失败"
    LOCKED = "locked", "账户锁定"
    LOGOUT = "logout", "退出"
    PURGE = "purge", "清理过期日志"
    CHECKPOINT = "checkpoint", "审计检查点"


def target_labels(model) -> tuple[str, ...]:
    """The ``target_type`` values the entries about ``model``'s records carry: its label, and the labels it
    had before it moved to another app (the model's ``FORMER_LABELS``, e.g. "litigation.suggestion"). The
    chain is never rewritten, so an entry keeps the label it was written with; lookups ask for all of them."""
    return (model._meta.label_lower, *getattr(model, "FORMER_LABELS", ()))


class AuditEntry(models.Model):
    """One link of the append-only, hash-chained audit trail.

    ``hash`` = HMAC-SM3(audit key, prev_hash + canonical content) (fazhi.audit.chain); changing,
    inserting or removing any entry breaks the chain from that point, which ``fazhi audit_verify`` reports.
    """

    seq = models.BigIntegerField("序号", unique=True)
    at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("操作人姓名", max_length=150, blank=True)
    action = models.CharField("操作", max_length=20, choices=Action.choices, db_index=True)
    target_type = models.CharField("对象类型", max_length=100, blank=True, db_index=True)
    target_id = models.CharField("对象编号", max_length=64, blank=True, db_index=True)
    target_repr = models.CharField("对象", max_length=200, blank=True)
    org_id = models.BigIntegerField("所属单位", null=True, blank=True, db_index=True)
    changes = models.JSONField("变更内容", default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["seq"]

    def __str__(self):
        return f"#{self.seq} {self.actor_name} {self.get_action_display()} {self.target_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("审计日志只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计日志不能删除；超过保存期限的日志只能用 fazhi audit_purge 清理。")


class ChainHead(models.Model):
    """The chain's last link, one row: locking it serialises appends across processes."""

    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
    # The chain may start after purged entries: verification starts from this anchor.
    anchor_seq = models.BigIntegerField(default=0)
    anchor_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self):
        return f"链头 #{self.seq}"
