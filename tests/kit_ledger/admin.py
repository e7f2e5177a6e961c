from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from .models import Notice


@admin.register(Notice)
class NoticeAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "title", "org", "status", "due_date")
