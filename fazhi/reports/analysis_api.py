"""POST /api/report-analysis/: a published report (multipart file) → the analyzer's JSON."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from fazhi.api.router import router
from fazhi.errors import NotPermitted
from fazhi.orgs.scoping import visible_orgs

from .analysis_forms import MAX_FILE_BYTES
from .analyzer import analyze


class ReportFileSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=(
            "报告文件：纯文本（UTF-8/GBK/GB18030）、网页另存的文字、.html、.docx 或可复制文字的 PDF，"
            "不超过 10 MB；扫描件 PDF 返回 400（report_unreadable）。"
        ),
        error_messages={
            "required": "请在 file 字段上传报告文件。",
            "empty": "文件为空：没有可分析的内容。请选择报告正文文件。",
            "invalid": "file 字段必须是上传的文件（multipart/form-data）。",
        },
    )

    def validate_file(self, upload):
        if upload.size > MAX_FILE_BYTES:
            raise serializers.ValidationError("文件过大（上限 10 MB）：请确认选择的是报告正文文件。")
        return upload


ERROR = inline_serializer(
    "ReportAnalysisError",
    fields={
        "error": inline_serializer(
            "ReportAnalysisErrorBody",
            fields={
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(),
            },
        )
    },
)


class ReportAnalysisViewSet(viewsets.ViewSet):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="report_analysis_create",
        summary="分析已发布的年度报告：提纲、必报事项、数字",
        description=(
            "上传一份报告（multipart/form-data，字段 file），返回分析结果，结构见 docs/analyzer.md"
            "（title、issuer、year、signed、outline、mandated、missing、figures 等，不含正文）。"
            "无法读取时返回 400，error.code 为 report_unreadable，error.message 说明原因和处理办法。"
        ),
        request={"multipart/form-data": ReportFileSerializer},
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="AnalysisResult.to_dict()",
                examples=[
                    OpenApiExample(
                        "五常街道",
                        value={
                            "title": None,
                            "issuer": "杭州市余杭区人民政府五常街道办事处",
                            "year": 2024,
                            "signed": "2024-02-18",
                            "missing": [],
                            "figures": [
                                {
                                    "text": "3218件",
                                    "value": 3218,
                                    "unit": "件",
                                    "subject": "接收矛盾纠纷",
                                    "code": "disputes.received",
                                }
                            ],
                        },
                    )
                ],
            ),
            400: OpenApiResponse(ERROR, description="文件无法分析或未上传文件"),
            403: OpenApiResponse(ERROR, description="没有台账角色"),
        },
    )
    def create(self, request):
        if not visible_orgs(request.user).exists():
            raise NotPermitted("报告分析仅供有台账角色的人员使用；如需使用，请联系系统管理员分配角色。")
        serializer = ReportFileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        # ReportUnreadable is a FazhiError: the API's handler turns it into the 400 error format.
        return Response(analyze(upload.read(), filename=upload.name).to_dict())


router.register("report-analysis", ReportAnalysisViewSet, basename="report-analysis")
