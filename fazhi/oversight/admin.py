from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from .models import Reminder, Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "kind", "issuer", "received_on", "reply_due", "status")
    list_filter = ("kind", "status")


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "to_unit", "issued_on", "due_date", "status")
    list_filter = ("status",)
