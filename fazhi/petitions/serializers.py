"""API shapes of the petitions ledger. Petitioners' personal data leaves only masked; the reveal action
gives it unmasked (audited)."""

from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer
from fazhi.ledger.api_parties import MaskedPartySerializer

from .models import CitizenDemand, Petition, Petitioner, ResidentCouncil


class PetitionerSerializer(MaskedPartySerializer):
    class Meta:
        model = Petitioner
        fields = ["id", "role", "name", "id_number", "phone"]


class StageSerializer(serializers.Serializer):
    title = serializers.CharField()
    rule = serializers.CharField(source="rule.code")
    source = serializers.CharField(source="rule.source", help_text="法律依据（条、款）")
    period = serializers.CharField(source="rule.period_text")
    start = serializers.DateField()
    due = serializers.DateField()
    done = serializers.DateField(allow_null=True)


class PetitionSerializer(RecordSerializer):
    parties = PetitionerSerializer(many=True)
    dispute = serializers.CharField(source="dispute.number", allow_null=True, default=None)

    class Meta:
        model = Petition
        fields = [
            *RECORD_FIELDS, "form", "received_on", "transferred_from", "identity_unclear", "matter",
            "category", "persons", "is_group", "leader_reception", "receiving_leader", "due_date",
            "acceptance_due", "objection_due", "decision", "decided_on", "decision_note", "handling_due",
            "extension_days", "extension_reason", "extension_approved_by", "extension_told_on", "opinion_on",
            "opinion_result", "opinion_text", "review_requested_on", "review_due", "reviewed_on",
            "review_result", "reexamination_requested_on", "hearing_from", "hearing_to", "reexamination_due",
            "reexamined_on", "reexamination_result", "satisfaction", "evaluated_on", "dispute", "parties",
        ]  # fmt: skip


class PetitionDetailSerializer(PetitionSerializer):
    stages = StageSerializer(many=True, read_only=True)

    class Meta(PetitionSerializer.Meta):
        fields = [*PetitionSerializer.Meta.fields, "stages"]


class DemandSerializer(RecordSerializer):
    class Meta:
        model = CitizenDemand
        fields = [
            *RECORD_FIELDS, "channel", "external_number", "received_on", "category", "content", "due_date",
            "handled_on", "reply", "resolved", "satisfied",
        ]  # fmt: skip


class CouncilSerializer(RecordSerializer):
    class Meta:
        model = ResidentCouncil
        fields = [*RECORD_FIELDS, "held_on", "topics_raised", "topics_resolved", "topics", "participants"]
