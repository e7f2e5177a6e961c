"""REST API of the dispute ledger: /api/disputes/ with filters; writes and actions from ``views.ACTIONS``."""

from drf_spectacular.utils import OpenApiParameter

from fazhi.api.fields import OrgCodeField
from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .filters import filter_disputes
from .views import PAGES

FILTER_PARAMS = [
    OpenApiParameter(
        "status", description="状态代码：received/dispatched/mediating/success/failed/withdrawn"
    ),
    OpenApiParameter("org", description="单位代码（含下级单位）"),
    OpenApiParameter("type", int, description="纠纷类型 id"),
    OpenApiParameter("channel", description="来源渠道代码"),
    OpenApiParameter("received_from", description="受理日期起（YYYY-MM-DD）"),
    OpenApiParameter("received_to", description="受理日期止（YYYY-MM-DD）"),
    OpenApiParameter("overdue", bool, description="只看已超期"),
    OpenApiParameter("due_soon", bool, description="只看即将到期"),
    OpenApiParameter("group", bool, description="只看群体性纠纷"),
    OpenApiParameter("q", description="编号、简况或当事人姓名"),
    OpenApiParameter("contact", description="当事人身份证号码或电话（完整号码，精确匹配）"),
    OpenApiParameter("id_number", description="当事人身份证号码（精确）"),
    OpenApiParameter("phone", description="当事人电话（精确）"),
]


class DisputeViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.DisputeSerializer
    detail_serializer = s.DisputeDetailSerializer
    # The API names a type by its name and assisting units by their codes (the page offers choices).
    api_fields = {"dispute_type": s.TypeField, "assisting_units": lambda **kw: OrgCodeField(many=True, **kw)}
    create_summary = "登记纠纷"
    list_summary = "纠纷列表（按权限范围）"
    filter_params = FILTER_PARAMS
    filter = staticmethod(filter_disputes)
    list_related = ("parties",)
    detail_related = ("dispatches__from_org", "dispatches__to_org", "dispatches__by", "sessions")


router.register("disputes", DisputeViewSet, basename="dispute")
