from django.contrib import admin

from fazhi.ledger.admin import ReadOnlyLedgerAdmin

from .models import (
    AdviserAssignment,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
    ModelCommunity,
    PufaEvent,
    ServiceRecord,
    StudySession,
)


@admin.register(StudySession)
class StudySessionAdmin(ReadOnlyLedgerAdmin):
    list_display = ("held_on", "title", "kind", "org", "attendance")
    list_filter = ("kind",)


@admin.register(PufaEvent)
class PufaEventAdmin(ReadOnlyLedgerAdmin):
    list_display = ("held_on", "title", "kind", "org", "people_reached")
    list_filter = ("kind",)


@admin.register(ServiceRecord)
class ServiceRecordAdmin(ReadOnlyLedgerAdmin):
    list_display = ("served_on", "kind", "count", "org")
    list_filter = ("kind",)


@admin.register(LeadershipAct)
class LeadershipActAdmin(ReadOnlyLedgerAdmin):
    list_display = ("held_on", "title", "kind", "leader", "org")
    list_filter = ("kind",)


@admin.register(LegalLiterate)
class LegalLiterateAdmin(ReadOnlyLedgerAdmin):
    list_display = ("name", "org", "appointed_on", "trainings_attended", "left_on")


@admin.register(ExamRound)
class ExamRoundAdmin(ReadOnlyLedgerAdmin):
    list_display = ("held_on", "title", "org", "enrolled", "sat", "excellent")


@admin.register(AdviserAssignment)
class AdviserAssignmentAdmin(ReadOnlyLedgerAdmin):
    list_display = ("lawyer", "org", "law_firm", "term_start", "term_end")  # no phone: personal data


@admin.register(ModelCommunity)
class ModelCommunityAdmin(ReadOnlyLedgerAdmin):
    list_display = ("title", "org", "level", "awarded_on", "revoked_on")
    list_filter = ("level",)
