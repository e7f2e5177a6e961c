"""Figures no ledger records, entered by hand per organisation and year, and published baselines."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

BASELINE_NOTE = "来自已发布报告"


class ManualFigure(models.Model):
    """A catalogue row: one named figure whose values are entered by hand (or imported)."""

    class Kind(models.TextChoices):
        HAND_ENTERED = "hand_entered", "手工填报指标"
        # A computed figure's past years taken from a published report: the row exists only so that
        # its baseline values have a catalogue entry; the ledger still computes the figure.
        BASELINE = "baseline", "计算指标的历史基线"

    code = models.CharField(
        "代码",
        max_length=80,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", "代码应为小写英文加点分隔，如 services.gov_items。"
            )
        ],
        help_text="如 services.gov_items；接口、报告和导入都用这个代码",
    )
    label = models.CharField("名称", max_length=100, help_text="报告中的写法，如“政务服务办件”")
    unit = models.CharField("单位", max_length=20, help_text="件、宗、份、人次、万元、% …")
    phrases = models.CharField(
        "其他写法", max_length=300, blank=True, help_text="已发布报告中的其他说法，用顿号“、”分隔"
    )
    description = models.TextField("说明", blank=True)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices, default=Kind.HAND_ENTERED)

    class Meta:
        verbose_name = "手工指标"
        verbose_name_plural = "手工指标"
        ordering = ["code"]

    def __str__(self):
        return f"{self.label}（{self.unit}）"

    def phrase_list(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.phrases.replace(",", "、").split("、") if p.strip())


class ManualValue(models.Model):
    """One organisation's value of a figure for one year."""

    figure = models.ForeignKey(
        ManualFigure, verbose_name="指标", on_delete=models.PROTECT, related_name="values"
    )
    org = models.ForeignKey(
        "orgs.Organisation", verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    value = models.DecimalField("数值", max_digits=20, decimal_places=4)
    note = models.CharField("备注", max_length=200, blank=True)
    baseline = models.BooleanField("来自已发布报告", default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="填报人", null=True, blank=True, on_delete=models.SET_NULL
    )
    entered_at = models.DateTimeField("填报时间", auto_now=True)

    class Meta:
        verbose_name = "指标填报值"
        verbose_name_plural = "指标填报值"
        ordering = ["figure__code", "year", "org__path"]
        constraints = [
            models.UniqueConstraint(fields=["figure", "org", "year"], name="unique_manual_value_per_org_year")
        ]

    def __str__(self):
        return f"{self.org} {self.year}年 {self.figure.label}"
