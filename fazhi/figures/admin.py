"""Catalogue of hand-entered figures and their values; every change is audited."""

from django.contrib import admin
from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import diff, record, snapshot

from .manual import AUDITED_FIELDS
from .models import ManualFigure, ManualValue

CATALOGUE_FIELDS = ["code", "label", "unit", "phrases", "description", "kind"]


class AuditedAdmin(admin.ModelAdmin):
    audited_fields: list[str] = []

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = snapshot(type(obj).objects.get(pk=obj.pk), self.audited_fields) if change else {}
            super().save_model(request, obj, form, change)
            after = snapshot(obj, self.audited_fields)
            record(
                Action.UPDATE if change else Action.CREATE,
                actor=request.user,
                target=obj,
                changes=diff(before, after),
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            record(
                Action.DELETE,
                actor=request.user,
                target=obj,
                changes=diff(snapshot(obj, self.audited_fields), {}),
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ManualFigure)
class ManualFigureAdmin(AuditedAdmin):
    audited_fields = CATALOGUE_FIELDS
    list_display = ["code", "label", "unit", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "label", "phrases"]


@admin.register(ManualValue)
class ManualValueAdmin(AuditedAdmin):
    audited_fields = AUDITED_FIELDS
    list_display = ["figure", "org", "year", "value", "baseline", "note", "entered_by", "entered_at"]
    list_filter = ["year", "baseline", "figure"]
    search_fields = ["figure__code", "figure__label", "org__name"]
    readonly_fields = ["entered_by", "entered_at"]

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)
