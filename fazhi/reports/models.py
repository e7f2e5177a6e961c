"""The annual report: one per organisation and year, its sections (the outline) and paragraphs.

Paragraph text keeps figure placeholders (``{{disputes.received}}``, ``{{change:disputes.received}}``)
rather than numbers, so that figures follow the ledgers until the report is approved; approval
stores the values used (``frozen_values``) and from then on the text renders from those.
Change reports only through :mod:`fazhi.reports.services`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import OrgScopedQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", "起草中"
    REVIEW = "review", "待审定"
    APPROVED = "approved", "已审定"
    PUBLISHED = "published", "已公开"


EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.REVIEW})
FROZEN_STATUSES = frozenset({Status.APPROVED, Status.PUBLISHED})


class AnnualReport(models.Model):
    org = models.ForeignKey(Organisation, verbose_name="报告单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("报告年度")
    title = models.CharField("标题", max_length=200)
    # The office's wording: the 落款's full legal name of the issuing organ (杭州市余杭区人民政府五常街道办事处),
    # the year's political keyword in the preamble, the counting word and how money is written.
    issuer = models.CharField("落款单位", max_length=200, blank=True, help_text="机关全称；不填则为单位名称")
    keyword = models.CharField(
        "导语中的年度学习内容",
        max_length=100,
        blank=True,
        help_text="如“党的二十届三中全会精神”；不填则按年度默认",
    )
    count_word = models.CharField(
        "案件量词", max_length=2, choices=[("件", "件"), ("宗", "宗")], default="件"
    )
    money_style = models.CharField(
        "金额写法",
        max_length=10,
        choices=[("exact", "万元保留两位小数（如2027.87万元）"), ("about", "约数（如约2028万元）")],
        default="exact",
    )
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    signed = models.DateField("成文日期", null=True, blank=True)
    publish_due = models.DateField("公开期限", null=True, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)
    frozen_values = models.JSONField("审定时的指标值", default=dict, blank=True)
    approved_at = models.DateTimeField("审定时间", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审定人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField("版本", default=1, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = OrgScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "法治政府建设年度报告"
        verbose_name_plural = "法治政府建设年度报告"
        ordering = ["-year", "org__path"]
        constraints = [models.UniqueConstraint(fields=["org", "year"], name="one_report_per_org_and_year")]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:edit", args=[self.pk])

    @staticmethod
    def default_title(org: Organisation, year: int) -> str:
        return f"{org.name}{year}年法治政府建设年度报告"

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def frozen(self) -> bool:
        return self.status in FROZEN_STATUSES

    def deadline_status(self, today=None) -> str:
        """ "overdue", "due_soon" or "ok" for publication — decided by the deadline engine."""
        from fazhi.deadlines.engine import status

        if self.status == Status.PUBLISHED or self.publish_due is None:
            return "ok"
        try:
            return status(self.publish_due, today)
        except Exception:  # a year whose holiday notice is unknown: say nothing rather than guess
            return "ok"


class Section(models.Model):
    report = models.ForeignKey(
        AnnualReport, verbose_name="报告", on_delete=models.CASCADE, related_name="sections"
    )
    key = models.SlugField("代码", max_length=40)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级部分",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField("顺序")
    title = models.CharField("标题", max_length=200)
    number = models.CharField("序号", max_length=10, blank=True)
    mandated = models.BooleanField("法定内容", default=False)
    heading = models.BooleanField("有标题", default=True)
    # Drafting templates placed here by the office (moving a drafted paragraph records it), so that
    # re-drafting writes them into this section whatever outline the office uses.
    draft_keys = models.JSONField("起草内容", default=list, blank=True)

    class Meta:
        verbose_name = "报告部分"
        verbose_name_plural = "报告部分"
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="unique_section_key_per_report")
        ]

    def __str__(self):
        return f"{self.number}{self.title}"


class Source(models.TextChoices):
    DRAFTED = "drafted", "自动起草"
    EDITED = "edited", "人工编辑"


class Paragraph(models.Model):
    section = models.ForeignKey(
        Section, verbose_name="所属部分", on_delete=models.CASCADE, related_name="paragraphs"
    )
    order = models.PositiveSmallIntegerField("顺序")
    draft_key = models.CharField("起草模板", max_length=60, blank=True)
    template = models.TextField("起草文字", blank=True)
    text = models.TextField("文字", blank=True)
    source = models.CharField("来源", max_length=10, choices=Source.choices, default=Source.DRAFTED)
    version = models.PositiveIntegerField("版本", default=1, editable=False)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "段落"
        verbose_name_plural = "段落"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:40]


class PlanNote(models.Model):
    """A plan for next year noted during the year (明年打算), drafted into item 四 of this year's report."""

    org = models.ForeignKey(Organisation, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("计划年度", help_text="打算在哪一年做，如2025")
    text = models.TextField("工作打算")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = OrgScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "下一年度工作打算"
        verbose_name_plural = "下一年度工作打算"
        ordering = ["year", "created_at", "pk"]

    def __str__(self):
        return self.text[:40]
