"""Bases for the settings site's model admins.

Ledger records (and the other rows that change only through their services: reports, sign-in
attempts) are shown read-only; a ledger's settings row is one row that is changed, never added
twice or deleted.
"""

from django.contrib import admin


class ReadOnlyLedgerAdmin(admin.ModelAdmin):
    """Records change only through their services (numbering, audit, optimistic locking)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SettingsRowAdmin(admin.ModelAdmin):
    """For a SettingsRow: the one row may be added while there is none, and is never deleted."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
