"""Serializer fields every ledger's API shares."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from fazhi.orgs.models import Organisation


class OrgCodeField(serializers.SlugRelatedField):
    """An organisation given by its code (e.g. "wuchang-tw")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Organisation.objects.filter(active=True))
        super().__init__(slug_field="code", **kwargs)
        self.error_messages["does_not_exist"] = "没有代码为“{value}”的单位，请核对单位代码。"


@extend_schema_field({"type": "string"})
class CodeChoiceField(serializers.ChoiceField):
    """A choice given by its code, documented as text listing the codes: ledgers have choice sets
    under the same field names ("kind", "role"), and shared enum names in the schema would collide."""

    def __init__(self, choices, **kwargs):
        listing = "；".join(f"{code}={label}" for code, label in choices)
        kwargs["help_text"] = (kwargs.get("help_text", "") + " 可选：" + listing).strip()
        super().__init__(choices, **kwargs)


class DeadlineFields(serializers.Serializer):
    """A ledger record's deadline as the API states it: the engine's status, and whether its computed dates
    are 「暂定」 (counted through a year whose holiday notice is not yet entered) and why. List DEADLINE_FIELDS
    in the serializer's Meta.fields."""

    deadline_status = serializers.SerializerMethodField(
        help_text="overdue 已逾期；due_soon 即将到期；ok 未到期"
    )
    provisional = serializers.BooleanField(
        read_only=True, help_text="true：期限跨入尚未录入节假日安排的年份，暂按周末和固定日期节假日计算"
    )
    provisional_reason = serializers.CharField(
        read_only=True, help_text="暂定的原因，如“2027年节假日安排尚未录入”"
    )

    def get_deadline_status(self, record) -> str:
        return record.deadline_status()


DEADLINE_FIELDS = ["deadline_status", "provisional", "provisional_reason"]
