from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin, SettingsRowAdmin

from .models import Certificate, EnforcementCase, EnforcementSettings, InspectionBatch, Officer, SpecialAction


@admin.register(EnforcementSettings)
class EnforcementSettingsAdmin(SettingsRowAdmin):
    list_display = ("__str__", "certificate_warning_days")


@admin.register(EnforcementCase)
class EnforcementCaseAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "org", "filed_on", "procedure", "status", "due_date")
    list_filter = ("status", "procedure", "field")
    search_fields = ("number", "summary")


@admin.register(Officer)
class OfficerAdmin(ReadOnlyLedgerAdmin):
    list_display = ("name", "org", "status", "joined_on")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyLedgerAdmin):
    list_display = ("number", "officer", "org", "status", "expires_on")


@admin.register(InspectionBatch)
class InspectionBatchAdmin(ReadOnlyLedgerAdmin):
    list_display = ("held_on", "org", "action", "objects_checked", "hazards_found")


@admin.register(SpecialAction)
class SpecialActionAdmin(ReadOnlyLedgerAdmin):
    list_display = ("name", "org", "kind", "starts_on", "ends_on")
