"""REST API of the dispute ledger: /api/disputes/ with filters; writes and actions from ``views.ACTIONS``."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .views import PAGES


class DisputeViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.DisputeSerializer
    detail_serializer = s.DisputeDetailSerializer
    # The API names a type by its name (the page offers choices); assisting units by their codes (the kit).
    api_fields = {"dispute_type": s.TypeField}
    create_summary = "登记纠纷"
    list_summary = "纠纷列表（按权限范围）"
    list_related = ("parties",)
    detail_related = ("dispatches__from_org", "dispatches__to_org", "dispatches__by", "sessions")


router.register("disputes", DisputeViewSet, basename="dispute")
