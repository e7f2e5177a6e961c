"""A job: long work (a big Excel import) that the worker runs for one person, who alone sees it.

The row is written when the job is created, when the worker starts it and when it ends; the progress in
between lives in the cache (fazhi.jobs.progress), so that the work's own transaction never waits on it."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class State(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "进行中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"
    CANCELLED = "cancelled", "已取消"


FINISHED = (State.DONE, State.FAILED, State.CANCELLED)


class Kind(models.TextChoices):
    IMPORT = "import", "Excel 导入"
    EXPORT = "export", "Excel 导出"
    REPORT = "report", "年度报告（导出PDF、分析）"
    DOCUMENT = "document", "文书（生成PDF）"
    OPS = "ops", "系统运维（备份、校验备份、生成测试数据）"


class Job(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jobs")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    label = models.CharField("任务", max_length=200)
    state = models.CharField("状态", max_length=20, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField("已处理", default=0)
    total = models.PositiveIntegerField("总数", default=0)
    params = models.JSONField("参数", default=dict, blank=True)
    # The uploaded file waiting for the worker; removed when the job ends (it may hold personal data).
    source = models.FileField("上传文件", upload_to="jobs/uploads/", blank=True)
    result = models.FileField("结果文件", upload_to="jobs/results/", blank=True)
    result_name = models.CharField("结果文件名", max_length=200, blank=True)
    summary = models.CharField("结果", max_length=500, blank=True)
    error = models.TextField("错误信息", blank=True)
    link = models.CharField("结果页面", max_length=200, blank=True)
    task_id = models.CharField("任务队列编号", max_length=64, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "后台任务"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="jobs_owner_created_idx")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.state in FINISHED
