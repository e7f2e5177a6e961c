"""API shapes of legality review items. Nothing personal is stored, so nothing is masked."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from fazhi.api.fields import DEADLINE_FIELDS, CodeChoiceField, DeadlineFields, OrgCodeField

from .models import ReviewItem, ReviewKind, ReviewOpinion, ReviewRound


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


class ReviewItemSerializer(DeadlineFields, serializers.ModelSerializer):
    org = serializers.CharField(source="org.code")
    org_name = serializers.CharField(source="org.name")
    submitted_by = serializers.CharField(source="submitted_by.code")
    submitted_by_name = serializers.CharField(source="submitted_by.name")
    reviewer_org = serializers.SlugRelatedField(slug_field="code", read_only=True)
    reviewer = serializers.StringRelatedField()
    status_label = serializers.CharField()
    kind = serializers.CharField(
        help_text="类别代码：" + "；".join(f"{code}={label}" for code, label in ReviewKind.choices)
    )
    kind_label = serializers.CharField(source="get_kind_display")
    opinion = serializers.CharField(help_text="审查意见代码：lawful/lawful_if_revised/unlawful，空为尚未出具")

    class Meta:
        model = ReviewItem
        fields = [
            "id",
            "number",
            "version",
            "status",
            "status_label",
            "kind",
            "kind_label",
            "title",
            "summary",
            "org",
            "org_name",
            "submitted_by",
            "submitted_by_name",
            "contact",
            "submitted_on",
            "counterparty",
            "amount",
            "requires_filing",
            "filed_on",
            "filing_note",
            "reviewer_org",
            "reviewer",
            "due_date",
            *DEADLINE_FIELDS,
            "concluded_on",
            "opinion",
            "close_reason",
        ]


class ReviewItemDetailSerializer(ReviewItemSerializer):
    rounds = ReviewRoundSerializer(many=True)

    class Meta(ReviewItemSerializer.Meta):
        fields = [*ReviewItemSerializer.Meta.fields, "rounds"]


class ReviewSubmitSerializer(serializers.Serializer):
    org = OrgCodeField(help_text="送审单位代码")
    kind = CodeChoiceField(ReviewKind.choices)
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    contact = serializers.CharField(required=False, allow_blank=True, default="", max_length=60)
    submitted_on = serializers.DateField()
    counterparty = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    amount = serializers.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    materials = serializers.CharField(required=False, allow_blank=True, default="")


class ReviewVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="编辑所基于的版本号（乐观锁）")


class ReviewUpdateSerializer(ReviewVersionSerializer):
    title = serializers.CharField(required=False, max_length=200)
    summary = serializers.CharField(required=False, allow_blank=True)
    contact = serializers.CharField(required=False, allow_blank=True, max_length=60)
    counterparty = serializers.CharField(required=False, allow_blank=True, max_length=200)
    amount = serializers.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, required=False, allow_null=True
    )


class AssignSerializer(ReviewVersionSerializer):
    reviewer_org = OrgCodeField(help_text="审查单位代码（法律顾问室、司法所等）")
    reviewer = ReviewerField(required=False, allow_null=True, default=None, help_text="审查人用户名")


class ConcludeReviewSerializer(ReviewVersionSerializer):
    opinion = CodeChoiceField(ReviewOpinion.choices)
    opinion_text = serializers.CharField()
    opinion_on = serializers.DateField()
    letter_issued = serializers.BooleanField(default=True)


class ReturnSerializer(ReviewVersionSerializer):
    opinion_text = serializers.CharField(help_text="需要修改的内容")
    opinion_on = serializers.DateField()
    letter_issued = serializers.BooleanField(default=True)


class ResubmitSerializer(ReviewVersionSerializer):
    submitted_on = serializers.DateField()
    materials = serializers.CharField(help_text="修改情况说明")


class ReviewWithdrawSerializer(ReviewVersionSerializer):
    reason = serializers.CharField()


class FilingSerializer(ReviewVersionSerializer):
    filed_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
