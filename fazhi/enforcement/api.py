"""REST API of the enforcement ledger: /api/enforcement-cases/ with filters; writes and actions from
``views.ACTIONS``."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .views import CERTIFICATE_PAGES, PAGES


class EnforcementCaseViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.EnforcementCaseSerializer
    api_fields = {"officers": s.officers_field, "review_item": s.review_item_field}
    create_summary = "行政执法案件立案"
    list_summary = "行政执法案件列表（按权限范围）"
    list_related = ("parties", "officers")


router.register("enforcement-cases", EnforcementCaseViewSet, basename="enforcement-case")


class CertificateViewSet(LedgerViewSet):
    """执法证 roster: registering an officer with the card, and the card's events, from the same rows as
    the pages."""

    pages = CERTIFICATE_PAGES
    serializer_class = s.CertificateSerializer
    create_summary = "新增执法人员（及其执法证）"
    list_summary = "执法证列表（按权限范围）"


router.register("enforcement-certificates", CertificateViewSet, basename="enforcement-certificate")
