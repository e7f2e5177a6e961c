"""API shapes of the learning records (activity records: no number, no status)."""

from rest_framework import serializers

from fazhi.ledger.api import ACTIVITY_FIELDS, ActivitySerializer
from fazhi.ledger.personal import mask

from .models import (
    AdviserAssignment,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
    Material,
    ModelCommunity,
    PufaEvent,
    ServiceRecord,
    StudySession,
)


class StudySessionSerializer(ActivitySerializer):
    class Meta:
        model = StudySession
        fields = [*ACTIVITY_FIELDS, "held_on", "kind", "title", "topics", "topic_count", "audience",
                  "attendance", "speaker", "hosted_by_head", "note"]  # fmt: skip


class MaterialSerializer(serializers.ModelSerializer):
    class Meta:
        model = Material
        fields = ["id", "kind", "unit", "quantity"]


class PufaEventSerializer(ActivitySerializer):
    materials = MaterialSerializer(many=True, read_only=True)

    class Meta:
        model = PufaEvent
        fields = [*ACTIVITY_FIELDS, "held_on", "kind", "title", "place", "audience", "people_reached",
                  "consultations", "media_reports", "outlets", "note", "materials"]  # fmt: skip


class ServiceRecordSerializer(ActivitySerializer):
    unit = serializers.CharField(read_only=True)

    class Meta:
        model = ServiceRecord
        fields = [*ACTIVITY_FIELDS, "served_on", "kind", "count", "unit", "client_kind", "lawyer", "summary"]


class LeadershipActSerializer(ActivitySerializer):
    dispute = serializers.SlugRelatedField(slug_field="number", read_only=True)
    petition = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = LeadershipAct
        fields = [*ACTIVITY_FIELDS, "held_on", "kind", "leader", "title", "topics", "planned_sessions",
                  "dispute", "petition", "note"]  # fmt: skip


class LegalLiterateSerializer(ActivitySerializer):
    class Meta:
        model = LegalLiterate
        fields = [
            *ACTIVITY_FIELDS,
            "name",
            "appointed_on",
            "occupation",
            "trainings_attended",
            "left_on",
            "note",
        ]


class ExamRoundSerializer(ActivitySerializer):
    class Meta:
        model = ExamRound
        fields = [*ACTIVITY_FIELDS, "held_on", "title", "enrolled", "sat", "passed", "excellent", "note"]


class AdviserAssignmentSerializer(ActivitySerializer):
    # personal data: the API shows it masked, as the pages do
    phone = serializers.SerializerMethodField(help_text="联系电话（只显示后四位）")

    class Meta:
        model = AdviserAssignment
        fields = [*ACTIVITY_FIELDS, "lawyer", "law_firm", "phone", "term_start", "term_end", "rota",
                  "duties_per_month", "note"]  # fmt: skip

    def get_phone(self, adviser) -> str:
        return mask("phone", adviser.phone)


class ModelCommunitySerializer(ActivitySerializer):
    class Meta:
        model = ModelCommunity
        fields = [*ACTIVITY_FIELDS, "level", "title", "awarded_on", "awarded_by", "revoked_on", "note"]
