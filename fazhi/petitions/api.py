"""REST API of the petitions ledger: /api/petitions/, /api/citizen-demands/ and /api/resident-councils/,
with the list filters; writes and actions from the page tables in ``views``."""

from fazhi.api.router import router
from fazhi.disputes.serializers import TypeField
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .views import COUNCIL_PAGES, DEMAND_PAGES, PAGES


class PetitionViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.PetitionSerializer
    detail_serializer = s.PetitionDetailSerializer
    api_fields = {"dispute_type": TypeField}  # the type of the dispute a petition is handed to, by name
    create_summary = "登记信访事项"
    list_summary = "信访事项列表（按权限范围）"
    list_related = ("parties",)


class DemandViewSet(LedgerViewSet):
    pages = DEMAND_PAGES
    serializer_class = s.DemandSerializer
    create_summary = "登记民意诉求"
    list_summary = "民意诉求列表（按权限范围）"


class CouncilViewSet(LedgerViewSet):
    pages = COUNCIL_PAGES
    serializer_class = s.CouncilSerializer
    create_summary = "登记居民议事会"
    list_summary = "居民议事会列表（按权限范围）"


router.register("petitions", PetitionViewSet, basename="petition")
router.register("citizen-demands", DemandViewSet, basename="citizen-demand")
router.register("resident-councils", CouncilViewSet, basename="resident-council")
