from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from .models import Case


@admin.register(Case)
class CaseAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "kind", "stage", "org", "copy_received_on", "reply_due", "status", "outcome")
    list_filter = ("kind", "status", "outcome")
    search_fields = ("number", "external_number", "court")
