"""/api/kit-notices/: list, detail, create and one route per action, all from views.PAGES."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from .serializers import NoticeSerializer
from .views import PAGES


class NoticeViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = NoticeSerializer
    create_summary = "登记整改事项"
    list_summary = "整改事项列表（按权限范围）"


router.register("kit-notices", NoticeViewSet, basename="kit-notice")
