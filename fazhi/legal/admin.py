from django.contrib import admin

from .models import LegalSettings, ReviewItem, ReviewRound


@admin.register(LegalSettings)
class LegalSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "filing_threshold")

    def has_add_permission(self, request):
        return not LegalSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class RoundInline(admin.TabularInline):
    model = ReviewRound
    fields = ("seq", "submitted_on", "due_date", "reviewer_org", "opinion", "opinion_on", "letter_issued")
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin):
    """Read-only: items change only through the services (numbering, audit, optimistic locking)."""

    list_display = ("number", "kind", "title", "submitted_by", "org", "status", "due_date")
    list_filter = ("status", "kind", "opinion")
    search_fields = ("number", "title", "counterparty")
    inlines = [RoundInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
