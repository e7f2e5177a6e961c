"""API shapes of legality review items. Nothing personal is stored, so nothing is masked."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer

from .models import ReviewItem, ReviewKind, ReviewRound


class ReviewerField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", get_user_model().objects.filter(is_active=True))
        super().__init__(slug_field="username", **kwargs)
        self.error_messages["does_not_exist"] = "没有用户名为“{value}”的人员，请核对。"


class ReviewRoundSerializer(serializers.ModelSerializer):
    reviewer_org = serializers.SlugRelatedField(slug_field="code", read_only=True)
    reviewer = serializers.StringRelatedField()
    # Plain text: the item's own opinion field already names the enum once in the schema.
    opinion = serializers.CharField(read_only=True)

    class Meta:
        model = ReviewRound
        fields = [
            "seq",
            "submitted_on",
            "materials",
            "due_date",
            "earliest_opinion_on",
            "reviewer_org",
            "reviewer",
            "opinion",
            "opinion_text",
            "opinion_on",
            "letter_issued",
            "returned",
            "too_short",
            "working_days",
        ]


class ReviewItemSerializer(RecordSerializer):
    submitted_by = serializers.CharField(source="submitted_by.code")
    submitted_by_name = serializers.CharField(source="submitted_by.name")
    reviewer_org = serializers.SlugRelatedField(slug_field="code", read_only=True)
    reviewer = serializers.StringRelatedField()
    kind = serializers.CharField(
        help_text="类别代码：" + "；".join(f"{code}={label}" for code, label in ReviewKind.choices)
    )
    kind_label = serializers.CharField(source="get_kind_display")
    opinion = serializers.CharField(help_text="审查意见代码：lawful/lawful_if_revised/unlawful，空为尚未出具")

    class Meta:
        model = ReviewItem
        fields = [
            *RECORD_FIELDS, "kind", "kind_label", "title", "summary", "submitted_by", "submitted_by_name",
            "contact", "submitted_on", "counterparty", "amount", "requires_filing", "filed_on", "filing_note",
            "reviewer_org", "reviewer", "due_date", "concluded_on", "opinion", "close_reason",
        ]  # fmt: skip


class ReviewItemDetailSerializer(ReviewItemSerializer):
    rounds = ReviewRoundSerializer(many=True)

    co_reviewers = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta(ReviewItemSerializer.Meta):
        fields = [*ReviewItemSerializer.Meta.fields, "co_reviewers", "rounds"]
