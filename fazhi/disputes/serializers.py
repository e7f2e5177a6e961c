"""API shapes of disputes. Personal data leaves only masked; the reveal action gives it unmasked."""

from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer, own_fields
from fazhi.ledger.api_fields import named_by
from fazhi.ledger.api_parties import MaskedPartySerializer

from .models import Dispatch, Dispute, DisputeType, Party, Session

MISSING_TYPE = "没有名为“{value}”的纠纷类型，请从纠纷类型列表中选择。"


class PartySerializer(MaskedPartySerializer):
    class Meta:
        model = Party
        fields = ["id", "role", "kind", "name", "id_number", "phone"]


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


class DisputeSerializer(RecordSerializer):
    dispute_type = serializers.CharField(source="dispute_type.name")
    parties = PartySerializer(many=True)
    # Plain text here: the same choices as the confirmation input would get a second enum name.
    confirmation_result = serializers.CharField(read_only=True)

    class Meta:
        model = Dispute
        fields = [
            *RECORD_FIELDS,
            *own_fields(Dispute, exclude=("received_by", "visit_note")),
            "due_date",
            "parties",
        ]


class DisputeDetailSerializer(DisputeSerializer):
    dispatches = DispatchSerializer(many=True)
    sessions = SessionSerializer(many=True)

    class Meta(DisputeSerializer.Meta):
        fields = [*DisputeSerializer.Meta.fields, "assisting_units", "dispatches", "sessions"]


# A type by its name (the dispute's API, and a petition handed over as a dispute)
TypeField = named_by("name", DisputeType.objects.filter(active=True), MISSING_TYPE)
