"""API shapes of cases and analysis meetings. Personal data leaves only masked."""

from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer
from fazhi.ledger.api_fields import CodeChoiceField, OrgCodeField
from fazhi.ledger.api_parties import MaskedPartySerializer
from fazhi.ledger.inputs import VERSION_HELP

from .models import (
    AnalysisMeeting,
    Case,
    CaseDocument,
    CaseParty,
    Hearing,
    LitigationDocumentKind,
)


class CasePartySerializer(MaskedPartySerializer):
    role = serializers.CharField()

    class Meta:
        model = CaseParty
        fields = ["id", "role", "name", "id_number", "phone"]


class CaseDocumentSerializer(serializers.ModelSerializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    attachment = serializers.SerializerMethodField()

    class Meta:
        model = CaseDocument
        fields = ["id", "kind", "kind_label", "title", "received_on", "attachment"]

    def get_attachment(self, document) -> str:
        return f"/attachments/{document.attachment.token}/" if document.attachment_id else ""


class HearingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Hearing
        fields = ["id", "held_on", "head_appeared", "appeared_by", "note"]


class CaseSerializer(RecordSerializer):
    kind = serializers.CharField()
    stage = serializers.CharField()
    own_role = serializers.CharField()
    outcome = serializers.CharField()
    reply_met = serializers.BooleanField(allow_null=True)
    previous = serializers.CharField(source="previous.number", default="")
    parties = CasePartySerializer(many=True)

    class Meta:
        model = Case
        fields = [
            *RECORD_FIELDS, "kind", "stage", "previous", "court", "external_number", "own_role", "cause",
            "disputed_act", "copy_received_on", "reply_due", "replied_on", "reply_met", "due_date",
            "outcome", "concluded_on", "outcome_note", "parties",
        ]  # fmt: skip


class CaseDetailSerializer(CaseSerializer):
    documents = CaseDocumentSerializer(many=True)
    hearings = HearingSerializer(many=True)
    follow_ups = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "documents", "hearings", "follow_ups"]


class CaseDocumentInputSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text=VERSION_HELP)
    kind = CodeChoiceField(LitigationDocumentKind.choices)
    received_on = serializers.DateField()
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    file = serializers.FileField(source="upload", required=False, allow_null=True, default=None)


class LitigationMeetingSerializer(serializers.ModelSerializer):
    org = serializers.CharField(source="org.code")
    cases = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = AnalysisMeeting
        fields = ["id", "org", "held_on", "attendees", "conclusions", "annual_review", "cases"]


class LitigationMeetingInputSerializer(serializers.Serializer):
    org = OrgCodeField()
    held_on = serializers.DateField()
    attendees = serializers.CharField(max_length=300)
    conclusions = serializers.CharField()
    annual_review = serializers.BooleanField(default=False)
    cases = serializers.ListField(child=serializers.CharField(), required=False, default=list,
                                  help_text="案件编号")  # fmt: skip
