"""REST API: /api/litigation-cases/, /api/litigation-meetings/, /api/suggestions/, /api/reminders/."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from fazhi.api.parties import RevealedPartySerializer
from fazhi.api.router import router
from fazhi.ledger.errors import FazhiError
from fazhi.ledger.services import reveal_parties
from fazhi.orgs.scoping import visible_orgs

from . import serializers as s
from . import services
from .filters import (
    case_queryset,
    filter_cases,
    filter_reminders,
    filter_suggestions,
    reminder_queryset,
    suggestion_queryset,
)
from .models import AnalysisMeeting

COMMON_PARAMS = [
    OpenApiParameter("org", description="单位代码（含下级单位）"),
    OpenApiParameter("overdue", bool, description="只看已超期"),
    OpenApiParameter("due_soon", bool, description="只看即将到期"),
    OpenApiParameter("q", description="搜索"),
]
CASE_PARAMS = [
    OpenApiParameter("kind", description="案件类别：reconsideration/administrative/civil"),
    OpenApiParameter("stage", description="审级：first/appeal/retrial"),
    OpenApiParameter("status", description="状态：received/answered/concluded"),
    OpenApiParameter("outcome", description="结案结果代码"),
    OpenApiParameter("received_from", description="收到副本日期起（YYYY-MM-DD）"),
    OpenApiParameter("received_to", description="收到副本日期止（YYYY-MM-DD）"),
    OpenApiParameter("contact", description="当事人身份证号码或电话（完整号码，精确匹配）"),
    OpenApiParameter("id_number", description="当事人身份证号码（精确）"),
    OpenApiParameter("phone", description="当事人电话（精确）"),
    *COMMON_PARAMS,
]


class _Inputs:
    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class CaseViewSet(_Inputs, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.CaseSerializer
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def get_queryset(self):
        queryset = case_queryset(self.request.user).prefetch_related("parties")
        if self.action == "list":
            return filter_cases(queryset, self.request.query_params, user=self.request.user)
        return queryset.prefetch_related("documents__attachment", "hearings", "follow_ups")

    def get_serializer_class(self):
        return s.CaseSerializer if self.action == "list" else s.CaseDetailSerializer

    def _detail(self, case, code=status.HTTP_200_OK):
        fresh = get_object_or_404(self.get_queryset(), pk=case.pk)
        return Response(s.CaseDetailSerializer(fresh).data, status=code)

    @extend_schema(parameters=CASE_PARAMS, summary="复议诉讼案件列表（按权限范围）")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=s.CaseCreateSerializer, responses={201: s.CaseDetailSerializer}, summary="登记案件"
    )
    def create(self, request):
        data = self._input(s.CaseCreateSerializer)
        parties = [services.PartyData(**p) for p in data.pop("parties")]
        return self._detail(
            services.register_case(request.user, parties=parties, **data), status.HTTP_201_CREATED
        )

    @extend_schema(
        request=s.CaseUpdateSerializer, responses=s.CaseDetailSerializer, summary="修改案件基本信息"
    )
    def partial_update(self, request, pk=None):
        case = self.get_object()
        data = self._input(s.CaseUpdateSerializer)
        version = data.pop("version")
        return self._detail(services.update_case(request.user, case, version, **data))

    @extend_schema(
        request=s.CaseUpdateSerializer, responses=s.CaseDetailSerializer, summary="修改案件基本信息"
    )
    def update(self, request, pk=None):
        return self.partial_update(request, pk)

    @extend_schema(
        request=s.CaseReplySerializer, responses=s.CaseDetailSerializer, summary="登记提交答辩状（答复书）"
    )
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        case = self.get_object()
        data = self._input(s.CaseReplySerializer)
        return self._detail(
            services.record_reply(request.user, case, data["version"], replied_on=data["replied_on"])
        )

    @extend_schema(
        request=s.CaseDocumentInputSerializer, responses=s.CaseDetailSerializer, summary="登记收到文书"
    )
    @action(detail=True, methods=["post"])
    def documents(self, request, pk=None):
        case = self.get_object()
        data = self._input(s.CaseDocumentInputSerializer)
        version, upload = data.pop("version"), data.pop("file")
        return self._detail(services.add_document(request.user, case, version, upload=upload, **data))

    @extend_schema(request=s.CaseHearingInputSerializer, responses=s.CaseDetailSerializer, summary="登记庭审")
    @action(detail=True, methods=["post"])
    def hearings(self, request, pk=None):
        case = self.get_object()
        data = self._input(s.CaseHearingInputSerializer)
        version = data.pop("version")
        return self._detail(services.add_hearing(request.user, case, version, **data))

    @extend_schema(request=s.CaseConcludeSerializer, responses=s.CaseDetailSerializer, summary="结案")
    @action(detail=True, methods=["post"])
    def conclude(self, request, pk=None):
        case = self.get_object()
        data = self._input(s.CaseConcludeSerializer)
        version = data.pop("version")
        return self._detail(services.conclude(request.user, case, version, **data))

    @extend_schema(
        request=s.CaseAppealSerializer, responses={201: s.CaseDetailSerializer}, summary="登记上诉或再审"
    )
    @action(detail=True, methods=["post"])
    def appeal(self, request, pk=None):
        case = self.get_object()
        data = self._input(s.CaseAppealSerializer)
        return self._detail(services.appeal(request.user, case, **data), status.HTTP_201_CREATED)

    @extend_schema(
        request=None, responses=RevealedPartySerializer(many=True), summary="查看完整个人信息（留痕）"
    )
    @action(detail=True, methods=["post"])
    def reveal(self, request, pk=None):
        return Response(reveal_parties(request.user, self.get_object()))


class MeetingViewSet(_Inputs, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
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


class SuggestionViewSet(_Inputs, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.SuggestionSerializer

    def get_queryset(self):
        queryset = suggestion_queryset(self.request.user)
        if self.action == "list":
            return filter_suggestions(queryset, self.request.query_params)
        return queryset

    def _detail(self, item, code=status.HTTP_200_OK):
        return Response(
            s.SuggestionSerializer(get_object_or_404(self.get_queryset(), pk=item.pk)).data, status=code
        )

    @extend_schema(
        parameters=[OpenApiParameter("kind", description="judicial/procuratorate"), *COMMON_PARAMS],
        summary="司法建议书和检察建议书列表",
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=s.SuggestionCreateSerializer, responses={201: s.SuggestionSerializer}, summary="登记建议书"
    )
    def create(self, request):
        data = self._input(s.SuggestionCreateSerializer)
        return self._detail(services.receive_suggestion(request.user, **data), status.HTTP_201_CREATED)

    @extend_schema(
        request=s.SuggestionUpdateSerializer, responses=s.SuggestionSerializer, summary="修改建议书信息"
    )
    def partial_update(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.SuggestionUpdateSerializer)
        version = data.pop("version")
        return self._detail(services.update_suggestion(request.user, item, version, **data))

    @extend_schema(request=s.SuggestionReplySerializer, responses=s.SuggestionSerializer, summary="登记回复")
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.SuggestionReplySerializer)
        version = data.pop("version")
        return self._detail(services.reply_suggestion(request.user, item, version, **data))


class ReminderViewSet(_Inputs, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.ReminderSerializer

    def get_queryset(self):
        queryset = reminder_queryset(self.request.user)
        if self.action == "list":
            return filter_reminders(queryset, self.request.query_params)
        return queryset

    def _detail(self, item, code=status.HTTP_200_OK):
        return Response(
            s.ReminderSerializer(get_object_or_404(self.get_queryset(), pk=item.pk)).data, status=code
        )

    @extend_schema(parameters=COMMON_PARAMS, summary="法治督察提醒函列表")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=s.ReminderCreateSerializer, responses={201: s.ReminderSerializer}, summary="发出提醒函"
    )
    def create(self, request):
        data = self._input(s.ReminderCreateSerializer)
        return self._detail(services.issue_reminder(request.user, **data), status.HTTP_201_CREATED)

    @extend_schema(
        request=s.ReminderFollowUpSerializer, responses=s.ReminderSerializer, summary="登记整改反馈"
    )
    @action(detail=True, methods=["post"], url_path="follow-up", url_name="follow-up")
    def follow_up(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.ReminderFollowUpSerializer)
        version = data.pop("version")
        return self._detail(services.record_follow_up(request.user, item, version, **data))


router.register("litigation-cases", CaseViewSet, basename="litigation-case")
router.register("litigation-meetings", MeetingViewSet, basename="litigation-meeting")
router.register("suggestions", SuggestionViewSet, basename="suggestion")
router.register("reminders", ReminderViewSet, basename="reminder")
