from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from .models import HolidayNotice
from .signals import calendar_changed

SHOWN = 20  # moved records named in the message; the rest are counted (all are in the audit trail)


@admin.register(HolidayNotice)
class HolidayNoticeAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "rest_day_count", "working_weekend_count", "entered_by", "changed_at"]
    search_fields = ["title"]
    readonly_fields = ["entered_by", "entered_at", "changed_at"]
    fieldsets = [
        (None, {"fields": ["year", "title"]}),
        ("日期", {"fields": ["holidays", "working_weekends"]}),
        ("录入", {"fields": ["entered_by", "entered_at", "changed_at"]}),
    ]

    @admin.display(description="放假天数")
    def rest_day_count(self, notice: HolidayNotice) -> int | str:
        return self._count(notice, 0)

    @admin.display(description="调休上班天数")
    def working_weekend_count(self, notice: HolidayNotice) -> int | str:
        return self._count(notice, 1)

    @staticmethod
    def _count(notice: HolidayNotice, which: int) -> int | str:
        # Text saved around the form (e.g. in a shell) may not parse; the list must still show the row.
        try:
            return len(notice.parsed()[which])
        except ValidationError:
            return "录入有误"

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)
        self._recompute(request, obj.year)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._recompute(request, obj.year)

    def delete_queryset(self, request, queryset):
        years = sorted(queryset.values_list("year", flat=True))
        super().delete_queryset(request, queryset)
        for year in years:
            self._recompute(request, year)

    def _recompute(self, request, year: int) -> None:
        """Open records reaching into the year get their due dates again, in the admin's transaction."""
        moved = [
            m
            for _, answer in calendar_changed.send(HolidayNotice, year=year, actor=request.user)
            for m in answer
        ]
        if not moved:
            self.message_user(request, f"已重新核对跨入{year}年的办理期限：没有记录的期限发生变化。")
            return
        named = "；".join(str(m) for m in moved[:SHOWN])
        more = f"；另有{len(moved) - SHOWN}条，详见审计日志" if len(moved) > SHOWN else ""
        self.message_user(
            request,
            f"已按{year}年节假日安排重新计算期限，{len(moved)}条记录的期限发生变化：{named}{more}。",
            messages.WARNING,
        )
