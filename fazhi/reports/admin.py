"""Read-only admin views: reports are changed through the services (audited, version-checked)."""

from django.contrib import admin

from .models import AnnualReport, Paragraph, Section


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyAdmin):
    list_display = ["title", "org", "year", "status", "publish_due", "signed"]
    list_filter = ["status", "year"]


@admin.register(Section)
class SectionAdmin(ReadOnlyAdmin):
    list_display = ["report", "number", "title", "key"]


@admin.register(Paragraph)
class ParagraphAdmin(ReadOnlyAdmin):
    list_display = ["section", "order", "source", "draft_key"]
