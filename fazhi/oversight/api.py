"""REST API: /api/suggestions/ and /api/reminders/ (the same paths as before the move to this app)."""

from drf_spectacular.utils import OpenApiParameter

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .filters import filter_reminders, filter_suggestions
from .views import REMINDER_PAGES, SUGGESTION_PAGES

COMMON_PARAMS = [
    OpenApiParameter("org", description="单位代码（含下级单位）"),
    OpenApiParameter("overdue", bool, description="只看已超期"),
    OpenApiParameter("due_soon", bool, description="只看即将到期"),
    OpenApiParameter("q", description="搜索"),
]


class SuggestionViewSet(LedgerViewSet):
    pages = SUGGESTION_PAGES
    serializer_class = s.SuggestionSerializer
    create_summary = "登记建议书"
    list_summary = "司法建议书和检察建议书列表"
    filter_params = [OpenApiParameter("kind", description="judicial/procuratorate"), *COMMON_PARAMS]
    filter = staticmethod(filter_suggestions)


class ReminderViewSet(LedgerViewSet):
    pages = REMINDER_PAGES
    serializer_class = s.ReminderSerializer
    create_summary = "发出提醒函"
    list_summary = "法治督察提醒函列表"
    filter_params = COMMON_PARAMS
    filter = staticmethod(filter_reminders)


router.register("suggestions", SuggestionViewSet, basename="suggestion")
router.register("reminders", ReminderViewSet, basename="reminder")
