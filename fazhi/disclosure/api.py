"""REST API of the disclosure ledger: /api/disclosure/ with filters; writes and actions from ``views.ACTIONS``."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .views import PAGES


class DisclosureRequestViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.RequestSerializer
    detail_serializer = s.RequestDetailSerializer
    api_fields = {"case": s.CaseField}
    create_summary = "登记政府信息公开申请"
    list_summary = "政府信息公开申请列表（按权限范围）"
    list_related = ("parties",)
    detail_related = ("consultations", "cases")


router.register("disclosure", DisclosureRequestViewSet, basename="disclosure")
