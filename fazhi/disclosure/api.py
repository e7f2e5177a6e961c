"""REST API of the disclosure ledger: /api/disclosure/ with filters; writes and actions from ``views.ACTIONS``."""

from drf_spectacular.utils import OpenApiParameter

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .filters import filter_requests
from .views import PAGES

FILTER_PARAMS = [
    OpenApiParameter("status", description="状态代码：received/correction/consulting/replied"),
    OpenApiParameter("org", description="单位代码（含下级单位）"),
    OpenApiParameter("channel", description="申请方式代码"),
    OpenApiParameter("applicant_kind", description="申请人类别代码"),
    OpenApiParameter("outcome", description="办理结果代码"),
    OpenApiParameter("received_from", description="收到申请日期起（YYYY-MM-DD）"),
    OpenApiParameter("received_to", description="收到申请日期止（YYYY-MM-DD）"),
    OpenApiParameter("replied_from", description="答复日期起（YYYY-MM-DD）"),
    OpenApiParameter("replied_to", description="答复日期止（YYYY-MM-DD）"),
    OpenApiParameter("overdue", bool, description="只看已超期"),
    OpenApiParameter("due_soon", bool, description="只看即将到期"),
    OpenApiParameter("q", description="编号、申请内容或申请人姓名"),
    OpenApiParameter("contact", description="申请人身份证号码或电话（完整号码，精确匹配）"),
    OpenApiParameter("id_number", description="申请人身份证号码（精确）"),
    OpenApiParameter("phone", description="申请人电话（精确）"),
]


class DisclosureRequestViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.RequestSerializer
    detail_serializer = s.RequestDetailSerializer
    api_fields = {"case": s.CaseField}
    create_summary = "登记政府信息公开申请"
    list_summary = "政府信息公开申请列表（按权限范围）"
    filter_params = FILTER_PARAMS
    filter = staticmethod(filter_requests)
    list_related = ("parties",)
    detail_related = ("consultations", "cases")


router.register("disclosure", DisclosureRequestViewSet, basename="disclosure")
