"""API shapes of legality review items. Nothing personal is stored, so nothing is masked."""

from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, LedgerSerializer, RecordSerializer, own_fields

from .models import ReviewItem, ReviewKind, ReviewRound


class ReviewRoundSerializer(LedgerSerializer):
    # Plain text: the item's own opinion field already names the enum once in the schema.
    opinion = serializers.CharField(read_only=True)

    class Meta:
        model = ReviewRound
        fields = own_fields(ReviewRound, exclude=("id", "item"))


class ReviewItemSerializer(RecordSerializer):
    submitted_by_name = serializers.CharField(source="submitted_by.name")
    kind = serializers.CharField(
        help_text="类别代码：" + "；".join(f"{code}={label}" for code, label in ReviewKind.choices)
    )
    kind_label = serializers.CharField(source="get_kind_display")
    opinion = serializers.CharField(help_text="审查意见代码：lawful/lawful_if_revised/unlawful，空为尚未出具")

    class Meta:
        model = ReviewItem
        fields = [*RECORD_FIELDS, *own_fields(ReviewItem), "kind_label", "submitted_by_name", "due_date"]


class ReviewItemDetailSerializer(ReviewItemSerializer):
    rounds = ReviewRoundSerializer(many=True)

    class Meta(ReviewItemSerializer.Meta):
        fields = [*ReviewItemSerializer.Meta.fields, "co_reviewers", "rounds"]
