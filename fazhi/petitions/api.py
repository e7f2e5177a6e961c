"""REST API of the petitions ledger: /api/petitions/, /api/citizen-demands/ and /api/resident-councils/,
with the list filters; writes and actions from the page tables in ``views``."""

from drf_spectacular.utils import OpenApiParameter

from fazhi.api.router import router
from fazhi.disputes.serializers import TypeField
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .filters import filter_councils, filter_demands, filter_petitions
from .views import COUNCIL_PAGES, DEMAND_PAGES, PAGES

ORG = OpenApiParameter("org", description="单位代码（含下级单位）")
OVERDUE = OpenApiParameter("overdue", bool, description="只看已超期")
DUE_SOON = OpenApiParameter("due_soon", bool, description="只看即将到期")

PETITION_FILTERS = [
    OpenApiParameter("status", description="状态代码：received/accepted/not_accepted/answered/reviewing/…"),
    ORG,
    OpenApiParameter("form", description="信访形式：visit/letter/online/phone"),
    OpenApiParameter("received_from", description="收到日期起（YYYY-MM-DD）"),
    OpenApiParameter("received_to", description="收到日期止（YYYY-MM-DD）"),
    OVERDUE,
    DUE_SOON,
    OpenApiParameter("group", bool, description="只看集体访"),
    OpenApiParameter("leader", bool, description="只看领导接访日接待的"),
    OpenApiParameter("transferred", bool, description="只看转送、交办的"),
    OpenApiParameter("q", description="编号、信访事项或信访人姓名"),
    OpenApiParameter("contact", description="信访人身份证号码或电话（完整号码，精确匹配）"),
    OpenApiParameter("id_number", description="信访人身份证号码（精确）"),
    OpenApiParameter("phone", description="信访人电话（精确）"),
]

DEMAND_FILTERS = [
    OpenApiParameter("status", description="状态代码：pending/handled"),
    ORG,
    OpenApiParameter("channel", description="来源渠道代码"),
    OpenApiParameter("received_from", description="受理日期起（YYYY-MM-DD）"),
    OpenApiParameter("received_to", description="受理日期止（YYYY-MM-DD）"),
    OVERDUE,
    DUE_SOON,
    OpenApiParameter("resolved", bool, description="只看已解决的"),
    OpenApiParameter("q", description="编号、工单编号或诉求内容"),
]

COUNCIL_FILTERS = [
    ORG,
    OpenApiParameter("held_from", description="召开日期起（YYYY-MM-DD）"),
    OpenApiParameter("held_to", description="召开日期止（YYYY-MM-DD）"),
    OpenApiParameter("q", description="编号或议题"),
]


class PetitionViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.PetitionSerializer
    detail_serializer = s.PetitionDetailSerializer
    api_fields = {"dispute_type": TypeField}  # the type of the dispute a petition is handed to, by name
    create_summary = "登记信访事项"
    list_summary = "信访事项列表（按权限范围）"
    filter_params = PETITION_FILTERS
    filter = staticmethod(filter_petitions)
    list_related = ("parties",)


class DemandViewSet(LedgerViewSet):
    pages = DEMAND_PAGES
    serializer_class = s.DemandSerializer
    create_summary = "登记民意诉求"
    list_summary = "民意诉求列表（按权限范围）"
    filter_params = DEMAND_FILTERS
    filter = staticmethod(filter_demands)


class CouncilViewSet(LedgerViewSet):
    pages = COUNCIL_PAGES
    serializer_class = s.CouncilSerializer
    create_summary = "登记居民议事会"
    list_summary = "居民议事会列表（按权限范围）"
    filter_params = COUNCIL_FILTERS
    filter = staticmethod(filter_councils)


router.register("petitions", PetitionViewSet, basename="petition")
router.register("citizen-demands", DemandViewSet, basename="citizen-demand")
router.register("resident-councils", CouncilViewSet, basename="resident-council")
