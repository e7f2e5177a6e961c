"""API shapes of disputes. Personal data leaves only masked; the reveal action gives it unmasked."""

from rest_framework import serializers

from fazhi.api.fields import DEADLINE_FIELDS, DeadlineFields, OrgCodeField
from fazhi.api.parties import MaskedPartySerializer, PartyInputSerializer

from .models import (
    STATES,
    Channel,
    ConfirmationResult,
    Dispatch,
    Dispute,
    DisputeType,
    Party,
    PartyKind,
    PartyRole,
    Referral,
    Satisfaction,
    Session,
)


class PartySerializer(MaskedPartySerializer):
    class Meta:
        model = Party
        fields = ["id", "role", "kind", "name", "id_number", "phone"]


class DisputePartyInputSerializer(PartyInputSerializer):
    role = serializers.ChoiceField(PartyRole.choices, default=PartyRole.APPLICANT)
    kind = serializers.ChoiceField(PartyKind.choices, default=PartyKind.PERSON)
    address = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class DispatchSerializer(serializers.ModelSerializer):
    from_org = serializers.CharField(source="from_org.name")
    to_org = serializers.CharField(source="to_org.name")
    by = serializers.StringRelatedField()

    class Meta:
        model = Dispatch
        fields = ["id", "from_org", "to_org", "by", "at", "note"]


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "held_on", "place", "mediators", "participants", "notes"]


class DisputeSerializer(DeadlineFields, serializers.ModelSerializer):
    org = serializers.CharField(source="org.code")
    org_name = serializers.CharField(source="org.name")
    dispute_type = serializers.CharField(source="dispute_type.name")
    status_label = serializers.CharField()
    parties = PartySerializer(many=True)
    # Plain text here: the same choices as ConfirmationSerializer.result would get a second enum name.
    confirmation_result = serializers.CharField(read_only=True)

    class Meta:
        model = Dispute
        fields = [
            "id",
            "number",
            "version",
            "status",
            "status_label",
            "org",
            "org_name",
            "channel",
            "external_number",
            "received_on",
            "dispute_type",
            "summary",
            "persons_involved",
            "amount_involved",
            "is_group",
            "due_date",
            *DEADLINE_FIELDS,
            "concluded_on",
            "agreement_text",
            "amount_agreed",
            "amount_recovered",
            "performance_due",
            "referred_to",
            "close_reason",
            "confirmation_due",
            "confirmation_applied_on",
            "confirmation_court",
            "confirmation_result",
            "visited_on",
            "satisfaction",
            "parties",
        ]


class DisputeDetailSerializer(DisputeSerializer):
    dispatches = DispatchSerializer(many=True)
    sessions = SessionSerializer(many=True)
    assisting_units = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta(DisputeSerializer.Meta):
        fields = [*DisputeSerializer.Meta.fields, "assisting_units", "dispatches", "sessions"]


class TypeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="name", queryset=DisputeType.objects.filter(active=True), **kwargs)
        self.error_messages["does_not_exist"] = "没有名为“{value}”的纠纷类型，请从纠纷类型列表中选择。"


class DisputeCreateSerializer(serializers.Serializer):
    org = OrgCodeField()
    channel = serializers.ChoiceField(Channel.choices, default=Channel.VISIT)
    external_number = serializers.CharField(required=False, allow_blank=True, default="", max_length=60)
    received_on = serializers.DateField()
    dispute_type = TypeField()
    summary = serializers.CharField()
    persons_involved = serializers.IntegerField(min_value=1, default=2)
    amount_involved = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, default=0)
    assisting_units = OrgCodeField(many=True, required=False)
    parties = DisputePartyInputSerializer(many=True, allow_empty=False)


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="编辑所基于的版本号（乐观锁）")


class DisputeUpdateSerializer(VersionSerializer):
    channel = serializers.ChoiceField(Channel.choices, required=False)
    external_number = serializers.CharField(required=False, allow_blank=True, max_length=60)
    received_on = serializers.DateField(required=False)
    dispute_type = TypeField(required=False)
    summary = serializers.CharField(required=False)
    persons_involved = serializers.IntegerField(min_value=1, required=False)
    amount_involved = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, required=False)


class DispatchInputSerializer(VersionSerializer):
    to_org = OrgCodeField()
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class SessionInputSerializer(VersionSerializer):
    held_on = serializers.DateField()
    place = serializers.CharField(max_length=100)
    mediators = serializers.CharField(max_length=200)
    participants = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    notes = serializers.CharField()


class ConcludeSerializer(VersionSerializer):
    outcome = serializers.ChoiceField([("success", "调解成功"), ("failure", "调解不成")])
    concluded_on = serializers.DateField()
    agreement_text = serializers.CharField(required=False, allow_blank=True, default="")
    amount_agreed = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    amount_recovered = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True
    )
    performance_due = serializers.DateField(required=False, allow_null=True)
    performance_method = serializers.CharField(required=False, allow_blank=True, default="")
    referred_to = serializers.ChoiceField(Referral.choices, required=False, allow_blank=True, default="")
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class WithdrawSerializer(VersionSerializer):
    concluded_on = serializers.DateField()
    reason = serializers.CharField()


class ConfirmationSerializer(VersionSerializer):
    applied_on = serializers.DateField()
    court = serializers.CharField(max_length=100)
    result = serializers.ChoiceField(ConfirmationResult.choices, default=ConfirmationResult.PENDING)


class VisitSerializer(VersionSerializer):
    visited_on = serializers.DateField()
    satisfaction = serializers.ChoiceField(Satisfaction.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


STATUS_CHOICES = STATES.choices
