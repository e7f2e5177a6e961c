from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin, SettingsRowAdmin

from .models import Applicant, DisclosureRequest, DisclosureSettings, Posting


@admin.register(DisclosureSettings)
class DisclosureSettingsAdmin(SettingsRowAdmin):
    list_display = ("__str__", "reconsideration_organ", "court")


class ApplicantInline(admin.TabularInline):
    model = Applicant
    fields = ("role", "name")
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DisclosureRequest)
class DisclosureRequestAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "org", "received_on", "applicant_kind", "status", "due_date", "outcome")
    list_filter = ("status", "channel", "applicant_kind", "outcome")
    search_fields = ("number", "content")
    inlines = [ApplicantInline]


@admin.register(Posting)
class PostingAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "org", "kind", "title", "formed_on", "published_on", "status")
    list_filter = ("status", "kind", "venue")
    search_fields = ("number", "title", "document_number")
