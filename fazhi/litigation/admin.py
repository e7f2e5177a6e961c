from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from .models import Case, Reminder, Suggestion


@admin.register(Case)
class CaseAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "kind", "stage", "org", "copy_received_on", "reply_due", "status", "outcome")
    list_filter = ("kind", "status", "outcome")
    search_fields = ("number", "external_number", "court")


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "kind", "issuer", "received_on", "reply_due", "status")
    list_filter = ("kind", "status")


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "to_unit", "issued_on", "due_date", "status")
    list_filter = ("status",)
