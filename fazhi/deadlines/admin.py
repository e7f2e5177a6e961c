from django.contrib import admin
from django.core.exceptions import ValidationError

from .models import HolidayNotice


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
