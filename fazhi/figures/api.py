"""/api/figures/: figures by organisation, period and codes; the catalogue; the Excel export."""

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.api.router import router
from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.db import replica_reads
from fazhi.ledger.downloads import XLSX, file_response

from . import registry
from .access import codes_from, org_for, period_from
from .compute import table
from .export import filename, workbook_bytes


class FigureValueSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    value = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True, coerce_to_string=False)
    previous = serializers.DecimalField(
        max_digits=24, decimal_places=4, allow_null=True, coerce_to_string=False
    )
    change = serializers.DecimalField(
        max_digits=24, decimal_places=4, allow_null=True, coerce_to_string=False
    )
    rate = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True, coerce_to_string=False)
    change_text = serializers.CharField(help_text="如“同比上升18.22%”")
    source = serializers.CharField(
        help_text="ledger 台账统计 / manual 手工填报 / baseline 已发布报告 / 空 无数据"
    )


class CatalogueSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    hand_entered = serializers.BooleanField()
    phrases = serializers.ListField(child=serializers.CharField())
    description = serializers.CharField()


QUERY = [
    OpenApiParameter("org", OpenApiTypes.STR, description="单位代码；不填为本人所在街道"),
    OpenApiParameter("year", OpenApiTypes.INT, description="年度，如 2024；不填为今年"),
    OpenApiParameter("start", OpenApiTypes.DATE, description="起始日期（与 end 同用，代替 year）"),
    OpenApiParameter("end", OpenApiTypes.DATE, description="截止日期（含当日）"),
    OpenApiParameter("codes", OpenApiTypes.STR, description="指标代码，逗号分隔；不填为全部指标"),
]


def _plain(value):
    # JSON numbers, not strings: 3218 rather than "3218.0000".
    if value is None or isinstance(value, int):
        return value
    return float(value)


def _request_table(request):
    org = org_for(request.user, request.query_params.get("org"))
    period = period_from(request.query_params)
    codes = codes_from(request.query_params, [f.code for f in registry.all_figures()])
    return org, period, table(org, codes, period)


class FigureViewSet(viewsets.ViewSet):
    pagination_class = None

    @extend_schema(parameters=QUERY, responses=FigureValueSerializer(many=True), summary="指标数值与同比")
    def list(self, request):
        _, _, rows = _request_table(request)
        for row in rows:
            for key in ("value", "previous", "change", "rate"):
                row[key] = _plain(row[key])
        return Response(rows)

    @extend_schema(responses=CatalogueSerializer(many=True), summary="全部指标目录")
    @action(detail=False)
    def catalogue(self, request):
        return Response(
            [
                {
                    "code": f.code,
                    "label": f.label,
                    "unit": f.unit,
                    "hand_entered": f.hand_entered,
                    "phrases": list(f.phrases),
                    "description": f.description,
                }
                for f in registry.all_figures()
            ]
        )

    @extend_schema(
        parameters=QUERY,
        responses={(200, XLSX): OpenApiTypes.BINARY},
        summary="指标表导出为 Excel",
    )
    @action(detail=False)
    def export(self, request):
        with replica_reads():
            org, period, rows = _request_table(request)
            content = workbook_bytes(org, period, rows)
        with transaction.atomic():
            record(
                Action.EXPORT,
                actor=request.user,
                target_type="figures.table",
                target_repr=f"{org.name}{period.label}指标（{len(rows)}项）",
                org_id=org.pk,
            )
        return file_response(content, filename(org, period), XLSX)


router.register("figures", FigureViewSet, basename="figure")
