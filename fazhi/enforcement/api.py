"""REST API of the enforcement ledger: /api/enforcement-cases/ with filters; writes and actions from
``views.ACTIONS``."""

from drf_spectacular.utils import OpenApiParameter

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .filters import filter_cases, filter_certificates
from .views import CERTIFICATE_PAGES, PAGES

FILTER_PARAMS = [
    OpenApiParameter("status", description="状态代码：filed/investigating/notified/hearing/decided/served/executing/closed/no_penalty/revoked"),
    OpenApiParameter("org", description="单位代码（含下级单位）"),
    OpenApiParameter("procedure", description="程序：ordinary/simple"),
    OpenApiParameter("field", description="执法领域代码"),
    OpenApiParameter("source", description="案件来源代码"),
    OpenApiParameter("filed_from", description="立案日期起（YYYY-MM-DD）"),
    OpenApiParameter("filed_to", description="立案日期止（YYYY-MM-DD）"),
    OpenApiParameter("overdue", bool, description="只看已超期"),
    OpenApiParameter("due_soon", bool, description="只看即将到期"),
    OpenApiParameter("enterprise", bool, description="只看涉企案件"),
    OpenApiParameter("late", bool, description="只看逾期公示"),
    OpenApiParameter("q", description="编号、案由或当事人姓名"),
    OpenApiParameter("contact", description="当事人身份证号码或电话（完整号码，精确匹配）"),
    OpenApiParameter("id_number", description="当事人身份证号码（精确）"),
    OpenApiParameter("phone", description="当事人电话（精确）"),
]  # fmt: skip


class EnforcementCaseViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.EnforcementCaseSerializer
    api_fields = {"officers": s.officers_field, "review_item": s.review_item_field}
    create_summary = "行政执法案件立案"
    list_summary = "行政执法案件列表（按权限范围）"
    filter_params = FILTER_PARAMS
    filter = staticmethod(filter_cases)
    list_related = ("parties", "officers")


router.register("enforcement-cases", EnforcementCaseViewSet, basename="enforcement-case")


class CertificateViewSet(LedgerViewSet):
    """执法证 roster: registering an officer with the card, and the card's events, from the same rows as
    the pages."""

    pages = CERTIFICATE_PAGES
    serializer_class = s.CertificateSerializer
    create_summary = "新增执法人员（及其执法证）"
    list_summary = "执法证列表（按权限范围）"
    filter_params = [
        OpenApiParameter("org", description="单位代码（含下级单位）"),
        OpenApiParameter("status", description="证件状态：valid/cancelled/lost/renewed"),
        OpenApiParameter("expiring", bool, description="只看提醒期内或已过期的有效证件"),
        OpenApiParameter("q", description="姓名或证号"),
    ]
    filter = staticmethod(filter_certificates)


router.register("enforcement-certificates", CertificateViewSet, basename="enforcement-certificate")
