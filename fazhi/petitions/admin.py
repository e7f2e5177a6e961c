from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin, SettingsRowAdmin

from .models import CitizenDemand, Petition, Petitioner, PetitionSettings, ResidentCouncil


@admin.register(PetitionSettings)
class PetitionSettingsAdmin(SettingsRowAdmin):
    list_display = ("__str__", "group_threshold")


class PetitionerInline(admin.TabularInline):
    model = Petitioner
    fields = ("role", "name")
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Petition)
class PetitionAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "org", "received_on", "form", "status", "due_date")
    list_filter = ("status", "form")
    search_fields = ("number", "matter")
    inlines = [PetitionerInline]


@admin.register(CitizenDemand)
class CitizenDemandAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "org", "channel", "external_number", "received_on", "status")
    list_filter = ("status", "channel")
    search_fields = ("number", "external_number", "content")


@admin.register(ResidentCouncil)
class ResidentCouncilAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "org", "held_on", "topics_raised", "topics_resolved")
    search_fields = ("number", "topics")
