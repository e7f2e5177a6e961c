"""REST API of the learning records: /api/learning/sessions/, /events/, /services/, /acts/, /literates/,
/exams/, /advisers/, /honours/; writes and
actions from the pages' declarations (views.py)."""

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from .views import (
    ACT_PAGES,
    ADVISER_PAGES,
    EVENT_PAGES,
    EXAM_PAGES,
    HONOUR_PAGES,
    LITERATE_PAGES,
    SERVICE_PAGES,
    SESSION_PAGES,
)


class StudySessionViewSet(LedgerViewSet):
    pages = SESSION_PAGES
    serializer_class = s.StudySessionSerializer
    create_summary = "登记学法培训"
    list_summary = "学法培训列表（按权限范围）"


class PufaEventViewSet(LedgerViewSet):
    pages = EVENT_PAGES
    serializer_class = s.PufaEventSerializer
    create_summary = "登记普法活动"
    list_summary = "普法活动列表（按权限范围）"
    list_related = ("materials",)


class ServiceRecordViewSet(LedgerViewSet):
    pages = SERVICE_PAGES
    serializer_class = s.ServiceRecordSerializer
    create_summary = "登记法律服务"
    list_summary = "公共法律服务记录列表（按权限范围）"


class LeadershipActViewSet(LedgerViewSet):
    pages = ACT_PAGES
    serializer_class = s.LeadershipActSerializer
    create_summary = "登记第一责任人履职"
    list_summary = "第一责任人履职列表（按权限范围）"


class LegalLiterateViewSet(LedgerViewSet):
    pages = LITERATE_PAGES
    serializer_class = s.LegalLiterateSerializer
    create_summary = "登记法律明白人"
    list_summary = "法律明白人名册（按权限范围）"


class ExamRoundViewSet(LedgerViewSet):
    pages = EXAM_PAGES
    serializer_class = s.ExamRoundSerializer
    create_summary = "登记学法考试"
    list_summary = "学法考试列表（按权限范围）"


class AdviserAssignmentViewSet(LedgerViewSet):
    pages = ADVISER_PAGES
    serializer_class = s.AdviserAssignmentSerializer
    create_summary = "登记社区法律顾问（一社区一法律顾问）"
    list_summary = "社区法律顾问列表（按权限范围；联系电话只显示后四位）"


class ModelCommunityViewSet(LedgerViewSet):
    pages = HONOUR_PAGES
    serializer_class = s.ModelCommunitySerializer
    create_summary = "登记民主法治示范社区命名"
    list_summary = "民主法治示范社区列表（按权限范围）"


router.register("learning/sessions", StudySessionViewSet, basename="study-session")
router.register("learning/events", PufaEventViewSet, basename="pufa-event")
router.register("learning/services", ServiceRecordViewSet, basename="legal-service")
router.register("learning/acts", LeadershipActViewSet, basename="leadership-act")
router.register("learning/literates", LegalLiterateViewSet, basename="legal-literate")
router.register("learning/exams", ExamRoundViewSet, basename="exam-round")
router.register("learning/advisers", AdviserAssignmentViewSet, basename="community-adviser")
router.register("learning/honours", ModelCommunityViewSet, basename="model-community")
