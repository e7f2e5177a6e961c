from django.contrib import admin

from .models import Case, Reminder, Suggestion


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records change only through the services (numbering, audit, optimistic locking)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("number", "kind", "stage", "org", "copy_received_on", "reply_due", "status", "outcome")
    list_filter = ("kind", "status", "outcome")
    search_fields = ("number", "external_number", "court")


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyAdmin):
    list_display = ("number", "kind", "issuer", "received_on", "reply_due", "status")
    list_filter = ("kind", "status")


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ("number", "to_unit", "issued_on", "due_date", "status")
    list_filter = ("status",)
