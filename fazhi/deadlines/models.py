"""Holiday notices entered by an administrator for years the bundled calendar does not know (or to correct it)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .datelists import EXAMPLE, format_date_list, parse_date_list

WEEKDAY_NAMES = "一二三四五六日"


def parse_notice(year: int, holidays_text: str, working_text: str) -> tuple[list[date], list[date]]:
    """The rest days and the 调休 working weekend days of a notice; ValidationError keyed by field."""
    errors: dict[str, list[str]] = {}
    parsed: dict[str, list[date]] = {}
    for field, text in (("holidays", holidays_text), ("working_weekends", working_text)):
        try:
            parsed[field] = parse_date_list(text)
        except ValidationError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)
    holidays, working = parsed["holidays"], parsed["working_weekends"]
    if not holidays:
        errors["holidays"] = [f"请填写通知中的放假日期，{EXAMPLE}。"]
    for field, dates in (("holidays", holidays), ("working_weekends", working)):
        outside = [d.isoformat() for d in dates if d.year != year]
        if outside:
            errors.setdefault(field, []).append(
                f"{'、'.join(outside)}不在{year}年内：每年的通知只录入该年的日期，"
                "跨年的日期请录入到其所在年份的节假日安排中。"
            )
    weekdays = [f"{d.isoformat()}（星期{WEEKDAY_NAMES[d.weekday()]}）" for d in working if d.weekday() < 5]
    if weekdays:
        errors.setdefault("working_weekends", []).append(
            f"{'、'.join(weekdays)}本来就是工作日：这里只填通知中周六、周日调休上班的日期。"
        )
    both = sorted(set(holidays) & set(working))
    if both:
        errors.setdefault("working_weekends", []).append(
            f"{'、'.join(d.isoformat() for d in both)}既被填为放假日期又被填为调休上班日期，请核对通知。"
        )
    if errors:
        raise ValidationError(errors)
    return holidays, working


class HolidayNotice(models.Model):
    year = models.PositiveSmallIntegerField(
        "年份",
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        error_messages={"unique": "该年份的节假日安排已经录入，请直接修改原记录。"},
    )
    title = models.CharField(
        "通知标题或文号",
        max_length=200,
        help_text="例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕x号）",
    )
    holidays = models.TextField(
        "放假日期",
        help_text=f"通知中全部放假的日期（含与周末连休的日期），每行一个日期或日期范围，{EXAMPLE}。",
    )
    working_weekends = models.TextField(
        "调休上班日期",
        blank=True,
        help_text="通知中周六、周日调休上班的日期，每行一个，例如 2027-09-26。",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="录入人",
    )
    entered_at = models.DateTimeField("录入时间", auto_now_add=True)
    changed_at = models.DateTimeField("最后修改时间", auto_now=True)

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年节假日安排（{self.title}）"

    def clean(self) -> None:
        if self.year is None:
            return
        holidays, working = parse_notice(self.year, self.holidays, self.working_weekends)
        # Stored in one canonical form so that what the calendar reads is what the admin page shows.
        self.holidays = format_date_list(holidays)
        self.working_weekends = format_date_list(working)

    def parsed(self) -> tuple[list[date], list[date]]:
        return parse_notice(self.year, self.holidays, self.working_weekends)
