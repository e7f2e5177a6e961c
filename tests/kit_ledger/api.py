"""/api/kit-notices/: list, detail, create and one route per action, all from views.PAGES."""

from drf_spectacular.utils import OpenApiParameter

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from .filters import filter_notices
from .serializers import NoticeSerializer
from .views import PAGES


class NoticeViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = NoticeSerializer
    create_summary = "登记整改事项"
    list_summary = "整改事项列表（按权限范围）"
    filter_params = [
        OpenApiParameter("status", description="状态代码：open/done/cancelled"),
        OpenApiParameter("org", description="承办单位代码（含下级单位）"),
        OpenApiParameter("q", description="编号或事项名称"),
    ]
    filter = staticmethod(filter_notices)


router.register("kit-notices", NoticeViewSet, basename="kit-notice")
