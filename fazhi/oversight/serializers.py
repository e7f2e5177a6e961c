"""API shapes of suggestions and reminders."""

from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer

from .models import Reminder, Suggestion


class SuggestionSerializer(RecordSerializer):
    kind = serializers.CharField()
    replied_on_time = serializers.BooleanField(allow_null=True)

    class Meta:
        model = Suggestion
        fields = [
            *RECORD_FIELDS, "kind", "issuer", "letter_number", "received_on", "content", "reply_due",
            "replied_on", "replied_on_time", "reply_text",
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
