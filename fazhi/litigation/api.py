"""REST API: /api/litigation-cases/, /api/litigation-meetings/."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from fazhi.api.router import router
from fazhi.errors import FazhiError
from fazhi.ledger.api import Inputs, LedgerViewSet
from fazhi.orgs.scoping import visible_orgs

from . import serializers as s
from . import services
from .filters import case_queryset
from .models import AnalysisMeeting
from .views import PAGES


class CaseViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.CaseSerializer
    detail_serializer = s.CaseDetailSerializer
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    create_summary = "登记案件"
    list_summary = "复议诉讼案件列表（按权限范围）"
    list_related = ("parties",)
    detail_related = ("documents__attachment", "hearings", "follow_ups")


class MeetingViewSet(Inputs, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.LitigationMeetingSerializer

    def get_queryset(self):
        return (
            AnalysisMeeting.objects.filter(org__in=visible_orgs(self.request.user))
            .select_related("org")
            .prefetch_related("cases")
        )

    @extend_schema(
        request=s.LitigationMeetingInputSerializer,
        responses={201: s.LitigationMeetingSerializer},
        summary="登记涉诉案件分析会",
    )
    def create(self, request):
        data = self._input(s.LitigationMeetingInputSerializer)
        numbers = data.pop("cases")
        cases = list(case_queryset(request.user).filter(number__in=numbers))
        missing = set(numbers) - {c.number for c in cases}
        if missing:
            raise FazhiError(
                f"找不到这些案件：{'、'.join(sorted(missing))}。", fields={"cases": "案件编号有误"}
            )
        meeting = services.record_meeting(request.user, cases=cases, **data)
        return Response(s.LitigationMeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)


router.register("litigation-cases", CaseViewSet, basename="litigation-case")
router.register("litigation-meetings", MeetingViewSet, basename="litigation-meeting")
