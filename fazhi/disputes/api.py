"""REST API of the dispute ledger: /api/disputes/ with filters; writes and actions from ``views.ACTIONS``."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet
from fazhi.ledger.api_fields import OrgCodeField

from . import serializers as s
from .views import PAGES


class DisputeViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.DisputeSerializer
    detail_serializer = s.DisputeDetailSerializer
    # The API names a type by its name and assisting units by their codes (the page offers choices).
    api_fields = {"dispute_type": s.TypeField, "assisting_units": lambda **kw: OrgCodeField(many=True, **kw)}
    create_summary = "登记纠纷"
    list_summary = "纠纷列表（按权限范围）"
    list_related = ("parties",)
    detail_related = ("dispatches__from_org", "dispatches__to_org", "dispatches__by", "sessions")


router.register("disputes", DisputeViewSet, basename="dispute")
