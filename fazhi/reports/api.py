"""REST API of the annual report: /api/reports/ — list, retrieve, create, draft, workflow, export."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.api.router import router
from fazhi.errors import FazhiError
from fazhi.ledger.downloads import file_response

from . import outline, services
from . import serializers as s
from .completeness import problems
from .compose import to_document
from .models import AnnualReport, Paragraph
from .render import FORMATS, export_format
from .render import render as render_export
from .values import current_values


class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.ReportSerializer

    def get_queryset(self):
        return AnnualReport.objects.visible_to(self.request.user).select_related("org")

    def get_serializer_class(self):
        return s.ReportSerializer if self.action == "list" else s.ReportDetailSerializer

    def _detail(self, report, code=status.HTTP_200_OK):
        report = get_object_or_404(self.get_queryset(), pk=report.pk)
        values = current_values(report)
        report.problems = problems(report, values)
        report.actions = [
            {"action": a, "label": label} for a, label in services.allowed_actions(self.request.user, report)
        ]
        return Response(s.ReportDetailSerializer(report, context={"values": values}).data, status=code)

    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    @extend_schema(summary="年度报告列表（按权限范围）")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="年度报告详情：各部分、段落、完整性问题和可进行的操作")
    def retrieve(self, request, pk=None):
        return self._detail(self.get_object())

    @extend_schema(
        request=s.ReportCreateSerializer, responses={201: s.ReportDetailSerializer}, summary="新建报告"
    )
    def create(self, request):
        data = self._input(s.ReportCreateSerializer)
        chapters = data.get("chapters") or outline.CHAPTER_KEYS
        report = services.create_report(
            request.user, data["org"], data["year"], title=data.get("title", ""), chapters=chapters
        )
        if data["draft"]:
            report = services.draft(request.user, report)
        return self._detail(report, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.VersionSerializer, responses=s.ReportDetailSerializer, summary="按最新数据重新起草"
    )
    @action(detail=True, methods=["post"])
    def draft(self, request, pk=None):
        report = self.get_object()
        data = self._input(s.VersionSerializer)
        return self._detail(services.draft(request.user, report, data["version"]))

    @extend_schema(
        request=s.TransitionSerializer,
        responses=s.ReportDetailSerializer,
        summary="流程操作：submit 提交审定 / return 退回 / approve 审定 / reopen 撤销审定 / publish 标记已公开",
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        report = self.get_object()
        data = self._input(s.TransitionSerializer)
        return self._detail(services.run_action(request.user, report, data["action"], data["version"]))

    @extend_schema(
        request=s.ParagraphInputSerializer,
        responses=s.ReportDetailSerializer,
        summary="修改一个段落（或重新生成）",
        parameters=[OpenApiParameter("paragraph_id", int, OpenApiParameter.PATH, description="段落 id")],
    )
    @action(detail=True, methods=["post"], url_path=r"paragraphs/(?P<paragraph_id>\d+)", url_name="paragraph")
    def paragraph(self, request, pk=None, paragraph_id=None):
        report = self.get_object()
        paragraph = get_object_or_404(Paragraph.objects.filter(section__report=report), pk=paragraph_id)
        data = self._input(s.ParagraphInputSerializer)
        if data["redraft"]:
            services.redraft_paragraph(request.user, paragraph, data["version"])
        elif "text" in data:
            services.save_paragraph(request.user, paragraph, data["version"], data["text"])
        else:
            raise FazhiError("请提供段落文字 text，或设置 redraft 为 true。", fields={"text": "必填"})
        return self._detail(report)

    @extend_schema(
        summary="导出报告（Word、Markdown、纯文本或网页）",
        parameters=[
            OpenApiParameter("fmt", str, enum=[*FORMATS], description="导出格式，默认 docx"),
        ],
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    @action(detail=True, methods=["get"])
    def export(self, request, pk=None):
        report = self.get_object()
        try:
            fmt = export_format(request.query_params.get("fmt", "docx"))
        except ValueError as exc:
            raise FazhiError(str(exc), fields={"fmt": "不支持的格式"}) from exc
        body = render_export(to_document(report), fmt.code)
        services.record_export(request.user, report, fmt.code)
        return file_response(body, f"{report.title}{fmt.extension}", fmt.media_type)


router.register("reports", ReportViewSet, basename="report")
