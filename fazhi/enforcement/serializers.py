"""API shapes of enforcement cases. Personal data leaves only masked; the reveal action gives it unmasked."""

from rest_framework import serializers

from fazhi.ledger.api import ACTIVITY_FIELDS, RECORD_FIELDS, ActivitySerializer, RecordSerializer
from fazhi.ledger.api_parties import MaskedPartySerializer

from .models import CaseParty, Certificate, EnforcementCase, InspectionBatch, Officer, SpecialAction


class EnforcementPartySerializer(MaskedPartySerializer):
    class Meta:
        model = CaseParty
        fields = ["id", "role", "kind", "enterprise", "name", "id_number", "phone"]


class EnforcementCaseSerializer(RecordSerializer):
    parties = EnforcementPartySerializer(many=True)
    officers = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    special_action_name = serializers.CharField(source="special_action.name", read_only=True, default=None)

    class Meta:
        model = EnforcementCase
        fields = [
            *RECORD_FIELDS, "filed_on", "procedure", "source", "field", "object_kind", "special_action",
            "special_action_name", "inspection", "summary", "party_kind", "enterprise", "av_record", "officers", "due_date", "decision_due",
            "investigated_on", "notified_on", "hearing_right", "hearing_request_due", "hearing_requested_on",
            "hearing_notice_on", "hearing_earliest", "hearing_on", "legal_review_required", "legal_review_on",
            "decision_on", "penalty_kind", "fine_amount", "confiscated_amount", "served_on", "payment_due",
            "publicity_due", "published_on", "executed_on", "execution_method", "closed_on", "close_reason",
            "parties",
        ]  # fmt: skip


class CertificateSerializer(RecordSerializer):
    """A 执法证 with its officer; ``number`` is the one printed on the card."""

    officer = serializers.CharField(source="officer.name")
    officer_status = serializers.CharField(source="officer.status")

    class Meta:
        model = Certificate
        fields = [
            *RECORD_FIELDS, "officer", "officer_status", "issuer", "issued_on", "expires_on", "ended_on",
            "due_date",
        ]  # fmt: skip


class InspectionSerializer(ActivitySerializer):
    """An inspection action with its counts, and the cases opened from the hazards it found (numbers)."""

    cases = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    special_action_name = serializers.CharField(source="special_action.name", read_only=True, default=None)
    cases_filed = serializers.IntegerField(
        read_only=True, help_text="立案宗数：关联本次检查的本系统案件（撤销立案不计）加台账外立案"
    )

    class Meta:
        model = InspectionBatch
        fields = [
            *ACTIVITY_FIELDS, "held_on", "action", "special_action", "special_action_name", "random_check",
            "field", "object_kind", "objects_checked", "hazards_found", "hazards_rectified", "cases_filed",
            "cases_filed_outside", "joint_units", "note", "cases",
        ]  # fmt: skip


class SpecialActionSerializer(ActivitySerializer):
    """A 专项行动 of an enforcement team (cases and inspections name it by id)."""

    class Meta:
        model = SpecialAction
        fields = [
            *ACTIVITY_FIELDS, "name", "kind", "starts_on", "ends_on", "joint_departments", "goal",
        ]  # fmt: skip


def officers_field(**kwargs):
    kwargs.pop("default", None)
    return serializers.PrimaryKeyRelatedField(
        queryset=Officer.objects.all(), many=True, help_text="承办执法人员 id（至少两名）", **kwargs
    )


def review_item_field(**kwargs):
    from fazhi.legal.models import ReviewItem

    return serializers.PrimaryKeyRelatedField(
        queryset=ReviewItem.objects.all(), allow_null=True, help_text="合法性审查事项 id", **kwargs
    )


def inspection_field(**kwargs):
    kwargs.pop("default", None)
    return serializers.PrimaryKeyRelatedField(
        queryset=InspectionBatch.objects.all(),
        allow_null=True,
        help_text="来源执法检查 id（由该次检查发现的问题立案时填写）",
        **kwargs,
    )


def special_action_field(**kwargs):
    kwargs.pop("default", None)
    return serializers.PrimaryKeyRelatedField(
        queryset=SpecialAction.objects.all(),
        allow_null=True,
        help_text="专项行动 id（本单位在“专项行动”中登记的行动）",
        **kwargs,
    )
