from django.contrib import admin

from .models import Dispute, DisputeSettings, DisputeType, Party


@admin.register(DisputeType)
class DisputeTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "order", "active")
    list_editable = ("order", "active")


@admin.register(DisputeSettings)
class DisputeSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "group_threshold")

    def has_add_permission(self, request):
        return not DisputeSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class PartyInline(admin.TabularInline):
    model = Party
    fields = ("role", "kind", "name")
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Dispute)
class DisputeAdmin(admin.ModelAdmin):
    """Read-only: records change only through the services (numbering, audit, optimistic locking)."""

    list_display = ("number", "org", "received_on", "dispute_type", "status", "due_date")
    list_filter = ("status", "channel", "dispute_type")
    search_fields = ("number", "summary")
    inlines = [PartyInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
