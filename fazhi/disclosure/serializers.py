"""API shapes of disclosure requests. Personal data leaves only masked; the reveal action gives it unmasked."""

from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer
from fazhi.ledger.api_parties import MaskedPartySerializer

from .models import Applicant, Consultation, DisclosureRequest, Posting


class ApplicantSerializer(MaskedPartySerializer):
    class Meta:
        model = Applicant
        fields = ["id", "role", "name", "id_number", "phone"]


class ConsultationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Consultation
        fields = ["id", "kind", "addressee", "sent_on", "opinion_due", "answered_on", "opinion"]


class RequestSerializer(RecordSerializer):
    parties = ApplicantSerializer(many=True)
    outcome_label = serializers.CharField(source="get_outcome_display", read_only=True)

    class Meta:
        model = DisclosureRequest
        fields = [
            *RECORD_FIELDS, "channel", "submitted_on", "received_on", "applicant_kind", "content", "due_date",
            "correction_notice_due", "correction_requested_on", "correction_points", "correction_until",
            "correction_received_on", "extension_days", "extension_approved_by", "extension_approved_on",
            "extension_notified_on", "deferred_until", "deferral_reason", "deferral_notified_on",
            "replied_on", "outcome", "outcome_label", "reply_summary", "parties",
        ]  # fmt: skip


class RequestDetailSerializer(RequestSerializer):
    consultations = ConsultationSerializer(many=True)
    cases = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    deadline_explanation = serializers.SerializerMethodField(
        help_text="答复期限的计算过程（含中止、重新计算和延长）"
    )

    class Meta(RequestSerializer.Meta):
        fields = [*RequestSerializer.Meta.fields, "consultations", "cases", "deadline_explanation"]

    def get_deadline_explanation(self, record) -> list[str]:
        return record.clock_lines()


class CaseField(serializers.SlugRelatedField):
    """A 复议/诉讼 case named by its number; which ones the person may link, the service decides."""

    def __init__(self, **kwargs):
        Case = DisclosureRequest.cases.field.related_model
        super().__init__(slug_field="number", queryset=Case.objects.all(), **kwargs)
        # The same words as the service's refusal of a case out of the person's reach: the answer never
        # tells whether a number exists in another 街道.
        self.error_messages["does_not_exist"] = "没有找到该案件，或您无权查看。"


class PostingSerializer(RecordSerializer):
    class Meta:
        model = Posting
        fields = [
            *RECORD_FIELDS, "kind", "title", "document_number", "venue", "formed_on", "due_date",
            "published_on", "decisions", "fee_amount", "link", "repealed_on", "repeal_note",
        ]  # fmt: skip
