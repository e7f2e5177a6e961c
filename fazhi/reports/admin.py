"""Read-only admin views: reports are changed through the services (audited, version-checked)."""

from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from .models import AnnualReport, Paragraph, Section


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyLedgerAdmin):
    list_display = ["title", "org", "year", "status", "publish_due", "signed"]
    list_filter = ["status", "year"]


@admin.register(Section)
class SectionAdmin(ReadOnlyLedgerAdmin):
    list_display = ["report", "number", "title", "key"]


@admin.register(Paragraph)
class ParagraphAdmin(ReadOnlyLedgerAdmin):
    list_display = ["section", "order", "source", "draft_key"]
