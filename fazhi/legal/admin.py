from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin, SettingsRowAdmin

from .models import LegalSettings, ReviewItem, ReviewRound


@admin.register(LegalSettings)
class LegalSettingsAdmin(SettingsRowAdmin):
    list_display = ("__str__", "filing_threshold")


class RoundInline(admin.TabularInline):
    model = ReviewRound
    fields = ("seq", "submitted_on", "due_date", "reviewer_org", "opinion", "opinion_on", "letter_issued")
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReviewItem)
class ReviewItemAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "kind", "title", "submitted_by", "org", "status", "due_date")
    list_filter = ("status", "kind", "opinion")
    search_fields = ("number", "title", "counterparty")
    inlines = [RoundInline]
