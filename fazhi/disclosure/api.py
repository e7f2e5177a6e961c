"""REST API of the disclosure ledger: /api/disclosure/ with filters; writes and actions from ``views.ACTIONS``."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .views import PAGES, POSTING_PAGES


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


class PostingViewSet(LedgerViewSet):
    """主动公开 postings log (table 二 of the yearly report): logging, publishing, repealing."""

    pages = POSTING_PAGES
    serializer_class = s.PostingSerializer
    create_summary = "登记主动公开信息"
    list_summary = "主动公开信息列表（按权限范围）"


router.register("disclosure-postings", PostingViewSet, basename="disclosure-posting")
