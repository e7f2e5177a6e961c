"""API shapes of cases, suggestions and reminders. Personal data leaves only masked."""

from rest_framework import serializers

from fazhi.api.fields import CodeChoiceField, OrgCodeField
from fazhi.api.parties import MaskedPartySerializer, PartyInputSerializer

from .models import (
    AnalysisMeeting,
    Case,
    CaseDocument,
    CaseKind,
    CaseParty,
    CasePartyRole,
    CaseStage,
    Hearing,
    LitigationDocumentKind,
    LitigationOutcome,
    OwnRole,
    Reminder,
    Suggestion,
    SuggestionKind,
)


class CasePartySerializer(MaskedPartySerializer):
    role = serializers.CharField()

    class Meta:
        model = CaseParty
        fields = ["id", "role", "name", "id_number", "phone"]


class CasePartyInputSerializer(PartyInputSerializer):
    role = CodeChoiceField(CasePartyRole.choices, default=CasePartyRole.PLAINTIFF)


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


class CaseSerializer(serializers.ModelSerializer):
    org = serializers.CharField(source="org.code")
    org_name = serializers.CharField(source="org.name")
    kind = serializers.CharField()
    stage = serializers.CharField()
    own_role = serializers.CharField()
    outcome = serializers.CharField()
    status_label = serializers.CharField()
    deadline_status = serializers.SerializerMethodField()
    reply_met = serializers.BooleanField(allow_null=True)
    previous = serializers.CharField(source="previous.number", default="")
    parties = CasePartySerializer(many=True)

    class Meta:
        model = Case
        fields = [
            "id", "number", "version", "status", "status_label", "org", "org_name", "kind", "stage",
            "previous", "court", "external_number", "own_role", "cause", "disputed_act",
            "copy_received_on", "reply_due", "replied_on", "reply_met", "due_date", "deadline_status",
            "outcome", "concluded_on", "outcome_note", "parties",
        ]  # fmt: skip

    def get_deadline_status(self, case) -> str:
        return case.deadline_status()


class CaseDetailSerializer(CaseSerializer):
    documents = CaseDocumentSerializer(many=True)
    hearings = HearingSerializer(many=True)
    follow_ups = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "documents", "hearings", "follow_ups"]


class CaseCreateSerializer(serializers.Serializer):
    org = OrgCodeField()
    kind = CodeChoiceField(CaseKind.choices)
    court = serializers.CharField(max_length=100)
    external_number = serializers.CharField(required=False, allow_blank=True, default="", max_length=80)
    own_role = CodeChoiceField(OwnRole.choices, default=OwnRole.DEFENDANT)
    cause = serializers.CharField(required=False, allow_blank=True, default="", max_length=100)
    disputed_act = serializers.CharField()
    copy_received_on = serializers.DateField()
    parties = CasePartyInputSerializer(many=True, allow_empty=False)


class LitigationVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="编辑所基于的版本号（乐观锁）")


class CaseUpdateSerializer(LitigationVersionSerializer):
    court = serializers.CharField(required=False, max_length=100)
    external_number = serializers.CharField(required=False, allow_blank=True, max_length=80)
    own_role = CodeChoiceField(OwnRole.choices, required=False)
    cause = serializers.CharField(required=False, allow_blank=True, max_length=100)
    disputed_act = serializers.CharField(required=False)
    copy_received_on = serializers.DateField(required=False)


class CaseReplySerializer(LitigationVersionSerializer):
    replied_on = serializers.DateField()


class CaseDocumentInputSerializer(LitigationVersionSerializer):
    kind = CodeChoiceField(LitigationDocumentKind.choices)
    received_on = serializers.DateField()
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    file = serializers.FileField(source="upload", required=False, allow_null=True, default=None)


class CaseHearingInputSerializer(LitigationVersionSerializer):
    held_on = serializers.DateField()
    head_appeared = serializers.BooleanField(default=False)
    appeared_by = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CaseConcludeSerializer(LitigationVersionSerializer):
    outcome = CodeChoiceField(LitigationOutcome.choices)
    concluded_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CaseAppealSerializer(serializers.Serializer):
    stage = CodeChoiceField([c for c in CaseStage.choices if c[0] != CaseStage.FIRST])
    court = serializers.CharField(max_length=100)
    copy_received_on = serializers.DateField()
    external_number = serializers.CharField(required=False, allow_blank=True, default="", max_length=80)
    note = serializers.CharField(required=False, allow_blank=True, default="")


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


class SuggestionSerializer(serializers.ModelSerializer):
    org = serializers.CharField(source="org.code")
    kind = serializers.CharField()
    status_label = serializers.CharField()
    deadline_status = serializers.SerializerMethodField()
    replied_on_time = serializers.BooleanField(allow_null=True)

    class Meta:
        model = Suggestion
        fields = [
            "id", "number", "version", "status", "status_label", "org", "kind", "issuer", "letter_number",
            "received_on", "content", "reply_due", "deadline_status", "replied_on", "replied_on_time",
            "reply_text",
        ]  # fmt: skip

    def get_deadline_status(self, suggestion) -> str:
        return suggestion.deadline_status()


class SuggestionCreateSerializer(serializers.Serializer):
    org = OrgCodeField()
    kind = CodeChoiceField(SuggestionKind.choices)
    issuer = serializers.CharField(max_length=100)
    letter_number = serializers.CharField(required=False, allow_blank=True, default="", max_length=80)
    received_on = serializers.DateField()
    content = serializers.CharField()
    reply_due = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="司法建议书按建议书载明的期限填写；检察建议书由系统计算",
    )


class SuggestionUpdateSerializer(LitigationVersionSerializer):
    issuer = serializers.CharField(required=False, max_length=100)
    letter_number = serializers.CharField(required=False, allow_blank=True, max_length=80)
    content = serializers.CharField(required=False)
    reply_due = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="司法建议书按建议书载明的期限填写；检察建议书的期限由系统计算",
    )


class SuggestionReplySerializer(LitigationVersionSerializer):
    replied_on = serializers.DateField()
    reply_text = serializers.CharField()


class ReminderSerializer(serializers.ModelSerializer):
    org = serializers.CharField(source="org.code")
    to_unit = serializers.CharField(source="to_unit.code")
    to_unit_name = serializers.CharField(source="to_unit.name")
    status_label = serializers.CharField()
    deadline_status = serializers.SerializerMethodField()

    class Meta:
        model = Reminder
        fields = [
            "id", "number", "version", "status", "status_label", "org", "to_unit", "to_unit_name",
            "issued_on", "matter", "due_date", "deadline_status", "followed_on", "follow_up",
        ]  # fmt: skip

    def get_deadline_status(self, reminder) -> str:
        return reminder.deadline_status()


class ReminderCreateSerializer(serializers.Serializer):
    org = OrgCodeField()
    to_unit = OrgCodeField()
    issued_on = serializers.DateField()
    matter = serializers.CharField()
    follow_up_due = serializers.DateField(required=False, allow_null=True, default=None)


class ReminderFollowUpSerializer(LitigationVersionSerializer):
    followed_on = serializers.DateField()
    follow_up = serializers.CharField()
