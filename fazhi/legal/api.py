"""REST API of the legality review ledger: /api/legal-reviews/ with filters, optimistic locking, actions."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.api.router import router

from . import serializers as s
from . import services
from .filters import base_queryset, filter_items
from .opinion_letter import opinion_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FILTER_PARAMS = [
    OpenApiParameter("status", description="状态代码：submitted/reviewing/returned/concluded/withdrawn"),
    OpenApiParameter("kind", description="类别：contract/normative/major_decision/topic/plan/other"),
    OpenApiParameter("opinion", description="审查意见：lawful/lawful_if_revised/unlawful"),
    OpenApiParameter("org", description="当前所在单位代码（含下级单位）"),
    OpenApiParameter("submitted_by", description="送审单位代码（含下级单位）"),
    OpenApiParameter("submitted_from", description="送审日期起（YYYY-MM-DD）"),
    OpenApiParameter("submitted_to", description="送审日期止（YYYY-MM-DD）"),
    OpenApiParameter("overdue", bool, description="只看已超期"),
    OpenApiParameter("due_soon", bool, description="只看即将到期"),
    OpenApiParameter("to_file", bool, description="只看须备案而未备案的合同"),
    OpenApiParameter("q", description="编号、名称或合同相对方"),
]


class ReviewItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.ReviewItemSerializer

    def get_queryset(self):
        queryset = base_queryset(self.request.user)
        if self.action == "list":
            return filter_items(queryset, self.request.query_params)
        return queryset.prefetch_related("rounds__reviewer_org", "rounds__reviewer")

    def get_serializer_class(self):
        return s.ReviewItemDetailSerializer if self.action != "list" else s.ReviewItemSerializer

    def _detail(self, item, code=status.HTTP_200_OK):
        fresh = get_object_or_404(self.get_queryset(), pk=item.pk)
        return Response(s.ReviewItemDetailSerializer(fresh).data, status=code)

    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    @extend_schema(parameters=FILTER_PARAMS, summary="合法性审查事项列表（按权限范围）")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=s.ReviewSubmitSerializer, responses={201: s.ReviewItemDetailSerializer}, summary="送审"
    )
    def create(self, request):
        item = services.submit(request.user, **self._input(s.ReviewSubmitSerializer))
        return self._detail(item, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.ReviewUpdateSerializer, responses=s.ReviewItemDetailSerializer, summary="修改基本信息"
    )
    def partial_update(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.ReviewUpdateSerializer)
        version = data.pop("version")
        return self._detail(services.update_details(request.user, item, version, **data))

    @extend_schema(
        request=s.ReviewUpdateSerializer, responses=s.ReviewItemDetailSerializer, summary="修改基本信息"
    )
    def update(self, request, pk=None):
        return self.partial_update(request, pk)

    @extend_schema(request=s.AssignSerializer, responses=s.ReviewItemDetailSerializer, summary="指派审查")
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.AssignSerializer)
        return self._detail(
            services.assign(request.user, item, data["version"], data["reviewer_org"], data["reviewer"])
        )

    @extend_schema(
        request=s.ConcludeReviewSerializer, responses=s.ReviewItemDetailSerializer, summary="出具审查意见"
    )
    @action(detail=True, methods=["post"])
    def conclude(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.ConcludeReviewSerializer)
        version = data.pop("version")
        return self._detail(services.conclude(request.user, item, version, **data))

    @extend_schema(request=s.ReturnSerializer, responses=s.ReviewItemDetailSerializer, summary="退回修改")
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_for_revision(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.ReturnSerializer)
        version = data.pop("version")
        return self._detail(services.return_for_revision(request.user, item, version, **data))

    @extend_schema(
        request=s.ResubmitSerializer, responses=s.ReviewItemDetailSerializer, summary="修改后重新送审"
    )
    @action(detail=True, methods=["post"])
    def resubmit(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.ResubmitSerializer)
        version = data.pop("version")
        return self._detail(services.resubmit(request.user, item, version, **data))

    @extend_schema(request=s.ReviewWithdrawSerializer, responses=s.ReviewItemDetailSerializer, summary="撤回")
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.ReviewWithdrawSerializer)
        return self._detail(services.withdraw(request.user, item, data["version"], reason=data["reason"]))

    @extend_schema(request=s.FilingSerializer, responses=s.ReviewItemDetailSerializer, summary="合同备案")
    @action(detail=True, methods=["post"])
    def filing(self, request, pk=None):
        item = self.get_object()
        data = self._input(s.FilingSerializer)
        return self._detail(
            services.file_contract(
                request.user, item, data["version"], filed_on=data["filed_on"], note=data["note"]
            )
        )

    @extend_schema(
        request=None,
        responses={(200, DOCX): OpenApiResponse(OpenApiTypes.BINARY, description="法律意见书（Word）")},
        parameters=[OpenApiParameter("round", int, description="轮次，默认为最后一轮有意见的轮次")],
        summary="下载法律意见书",
    )
    @action(detail=True, methods=["get"])
    def letter(self, request, pk=None):
        item = self.get_object()
        round_ = services.letter_round(item, request.query_params.get("round"))
        services.audit_letter_download(request.user, item, round_)
        response = HttpResponse(opinion_docx(item, round_), content_type=DOCX)
        response["Content-Disposition"] = (
            f"attachment; filename*=UTF-8''legal-opinion-{item.pk}-{round_.seq}.docx"
        )
        return response


router.register("legal-reviews", ReviewItemViewSet, basename="legal-review")
