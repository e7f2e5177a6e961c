from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin, SettingsRowAdmin

from .models import Dispute, DisputeSettings, DisputeType, Party


@admin.register(DisputeType)
class DisputeTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "order", "active")
    list_editable = ("order", "active")


@admin.register(DisputeSettings)
class DisputeSettingsAdmin(SettingsRowAdmin):
    list_display = ("__str__", "group_threshold")


class PartyInline(admin.TabularInline):
    model = Party
    fields = ("role", "kind", "name")
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Dispute)
class DisputeAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "org", "received_on", "dispute_type", "status", "due_date")
    list_filter = ("status", "channel", "dispute_type")
    search_fields = ("number", "summary")
    inlines = [PartyInline]
