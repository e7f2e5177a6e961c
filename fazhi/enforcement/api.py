"""REST API of the enforcement ledger: /api/enforcement-cases/, -certificates/, -inspections/ and
-special-actions/ with filters; writes and actions from the pages' action rows (views.py)."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .filters import INSPECTION_FILTERS
from .views import CERTIFICATE_PAGES, INSPECTION_PAGES, PAGES, SPECIAL_ACTION_PAGES


class EnforcementCaseViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.EnforcementCaseSerializer
    api_fields = {
        "officers": s.officers_field,
        "review_item": s.review_item_field,
        "inspection": s.inspection_field,
        "special_action": s.special_action_field,
    }
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


class InspectionViewSet(LedgerViewSet):
    """执法检查: the list (the page's filters), one inspection with the cases opened from it, the
    registration and the edit, from the same declaration as the pages."""

    pages = INSPECTION_PAGES
    filters = INSPECTION_FILTERS  # the inspection list is mounted beside its Excel pages, not in the pages
    serializer_class = s.InspectionSerializer
    api_fields = {"special_action": s.special_action_field}
    create_summary = "登记执法检查"
    list_summary = "执法检查列表（按权限范围）"
    list_related = ("cases",)


router.register("enforcement-inspections", InspectionViewSet, basename="enforcement-inspection")


class SpecialActionViewSet(LedgerViewSet):
    """专项行动: the list, one action, the registration and the edit, from the same declaration as the pages."""

    pages = SPECIAL_ACTION_PAGES
    serializer_class = s.SpecialActionSerializer
    create_summary = "登记专项行动"
    list_summary = "专项行动列表（按权限范围）"


router.register("enforcement-special-actions", SpecialActionViewSet, basename="enforcement-special-action")
