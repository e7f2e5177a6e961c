"""REST API of the legality review ledger: /api/legal-reviews/ with filters; writes and actions from
``views.ACTIONS``; the opinion letter."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.decorators import action

from fazhi.api.fields import OrgCodeField
from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet

from . import serializers as s
from . import services
from .filters import filter_items
from .opinion_letter import opinion_docx
from .views import PAGES

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


class ReviewItemViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.ReviewItemSerializer
    detail_serializer = s.ReviewItemDetailSerializer
    create_summary = "送审"
    list_summary = "合法性审查事项列表（按权限范围）"
    filter_params = FILTER_PARAMS
    filter = staticmethod(filter_items)
    api_fields = {
        "reviewer": lambda **kw: s.ReviewerField(allow_null=True, **kw),  # by username
        "co_reviewers": lambda **kw: OrgCodeField(many=True, **kw),  # by unit code
    }
    detail_related = ("rounds__reviewer_org", "rounds__reviewer")

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
