"""API shapes of suggestions and reminders."""

from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer

from .models import Contact, HandlingUnit, Measure, Reminder, Suggestion


class HandlerSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")

    class Meta:
        model = HandlingUnit
        fields = ["unit", "unit_name", "lead", "part", "assigned_on"]


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = ["on", "mode", "note"]


class MeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measure
        fields = ["id", "problem", "action", "owner", "due_on", "status", "done_on", "note"]


class SuggestionSerializer(RecordSerializer):
    kind = serializers.CharField()
    replied_on_time = serializers.BooleanField(allow_null=True)
    # the proposer's phone is personal: not in the API (the page shows it masked)
    handlers = HandlerSerializer(many=True, read_only=True)
    contacts = ContactSerializer(many=True, read_only=True)
    measures = MeasureSerializer(many=True, read_only=True)

    class Meta:
        model = Suggestion
        fields = [
            *RECORD_FIELDS, "kind", "issuer", "letter_number", "received_on", "content", "reply_due",
            "replied_on", "replied_on_time", "reply_text", "level", "role", "proposer", "complex_case",
            "public_interest", "urgent", "supervision_kind", "audit_kind", "audited_entity", "findings_count",
            "recommendations_count", "drafted_on", "approved_on", "approved_by", "satisfaction", "satisfaction_on",
            "round", "earlier_rounds", "closed_on", "handlers", "contacts", "measures",
        ]  # fmt: skip


class ReminderSerializer(RecordSerializer):
    to_unit = serializers.CharField(source="to_unit.code")
    to_unit_name = serializers.CharField(source="to_unit.name")

    class Meta:
        model = Reminder
        fields = [
            *RECORD_FIELDS, "to_unit", "to_unit_name", "issued_on", "matter", "due_date", "followed_on",
            "follow_up",
        ]  # fmt: skip
