"""REST API of the legality review ledger: /api/legal-reviews/ with filters; writes and actions from
``views.ACTIONS``; the opinion letter."""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.decorators import action

from fazhi.api.router import router
from fazhi.ledger.api import LedgerViewSet
from fazhi.ledger.api_fields import named_by
from fazhi.ledger.downloads import DOCX

from . import serializers as s
from .opinion_letter import letter_download
from .views import PAGES

ACTIVE_USERS = get_user_model().objects.filter(is_active=True)
MISSING_REVIEWER = "没有用户名为“{value}”的人员，请核对。"


class ReviewItemViewSet(LedgerViewSet):
    pages = PAGES
    serializer_class = s.ReviewItemSerializer
    detail_serializer = s.ReviewItemDetailSerializer
    create_summary = "送审"
    list_summary = "合法性审查事项列表（按权限范围）"
    api_fields = {"reviewer": named_by("username", ACTIVE_USERS, MISSING_REVIEWER, allow_null=True)}
    detail_related = ("rounds__reviewer_org", "rounds__reviewer")

    @extend_schema(
        request=None,
        responses={(200, DOCX): OpenApiResponse(OpenApiTypes.BINARY, description="法律意见书（Word）")},
        parameters=[OpenApiParameter("round", int, description="轮次，默认为最后一轮有意见的轮次")],
        summary="下载法律意见书",
    )
    @action(detail=True, methods=["get"])
    def letter(self, request, pk=None):
        return letter_download(request.user, self.get_object(), request.query_params.get("round"))


router.register("legal-reviews", ReviewItemViewSet, basename="legal-review")
