"""REST API: /api/suggestions/ and /api/reminders/ (the same paths as before the move to this app)."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .views import REMINDER_PAGES, SUGGESTION_PAGES


class SuggestionViewSet(LedgerViewSet):
    pages = SUGGESTION_PAGES
    serializer_class = s.SuggestionSerializer
    create_summary = "登记建议书"
    list_summary = "司法建议书和检察建议书列表"


class ReminderViewSet(LedgerViewSet):
    pages = REMINDER_PAGES
    serializer_class = s.ReminderSerializer
    create_summary = "发出提醒函"
    list_summary = "法治督察提醒函列表"


router.register("suggestions", SuggestionViewSet, basename="suggestion")
router.register("reminders", ReminderViewSet, basename="reminder")
