"""REST API of the dispute ledger: /api/disputes/ with filters, writes with optimistic locking, actions."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.api.parties import RevealedPartySerializer
from fazhi.api.router import router
from fazhi.ledger.services import reveal_parties

from . import serializers as s
from . import services
from .filters import base_queryset, filter_disputes

FILTER_PARAMS = [
    OpenApiParameter(
        "status", description="状态代码：received/dispatched/mediating/success/failed/withdrawn"
    ),
    OpenApiParameter("org", description="单位代码（含下级单位）"),
    OpenApiParameter("type", int, description="纠纷类型 id"),
    OpenApiParameter("channel", description="来源渠道代码"),
    OpenApiParameter("received_from", description="受理日期起（YYYY-MM-DD）"),
    OpenApiParameter("received_to", description="受理日期止（YYYY-MM-DD）"),
    OpenApiParameter("overdue", bool, description="只看已超期"),
    OpenApiParameter("due_soon", bool, description="只看即将到期"),
    OpenApiParameter("group", bool, description="只看群体性纠纷"),
    OpenApiParameter("q", description="编号、简况或当事人姓名"),
    OpenApiParameter("contact", description="当事人身份证号码或电话（完整号码，精确匹配）"),
    OpenApiParameter("id_number", description="当事人身份证号码（精确）"),
    OpenApiParameter("phone", description="当事人电话（精确）"),
]


def _parties(items) -> list[services.PartyData]:
    return [services.PartyData(**item) for item in items]


class DisputeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.DisputeSerializer

    def get_queryset(self):
        queryset = base_queryset(self.request.user).prefetch_related("parties")
        if self.action == "list":
            return filter_disputes(queryset, self.request.query_params, user=self.request.user)
        return queryset.prefetch_related(
            "dispatches__from_org", "dispatches__to_org", "dispatches__by", "sessions"
        )

    def get_serializer_class(self):
        return s.DisputeDetailSerializer if self.action != "list" else s.DisputeSerializer

    def _detail(self, dispute, code=status.HTTP_200_OK):
        fresh = get_object_or_404(self.get_queryset(), pk=dispute.pk)
        return Response(s.DisputeDetailSerializer(fresh).data, status=code)

    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    @extend_schema(parameters=FILTER_PARAMS, summary="纠纷列表（按权限范围）")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=s.DisputeCreateSerializer, responses={201: s.DisputeDetailSerializer}, summary="登记纠纷"
    )
    def create(self, request):
        data = self._input(s.DisputeCreateSerializer)
        parties = _parties(data.pop("parties"))
        dispute = services.intake(
            request.user, parties=parties, assisting_units=data.pop("assisting_units", []), **data
        )
        return self._detail(dispute, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.DisputeUpdateSerializer, responses=s.DisputeDetailSerializer, summary="修改纠纷基本信息"
    )
    def partial_update(self, request, pk=None):
        dispute = self.get_object()
        data = self._input(s.DisputeUpdateSerializer)
        version = data.pop("version")
        return self._detail(services.update_details(request.user, dispute, version, **data))

    @extend_schema(
        request=s.DisputeUpdateSerializer, responses=s.DisputeDetailSerializer, summary="修改纠纷基本信息"
    )
    def update(self, request, pk=None):
        return self.partial_update(request, pk)

    # Named dispatch_to because "dispatch" is APIView.dispatch; the URL keeps the office's word.
    @extend_schema(
        request=s.DispatchInputSerializer, responses=s.DisputeDetailSerializer, summary="分派/委派"
    )
    @action(detail=True, methods=["post"], url_path="dispatch", url_name="dispatch")
    def dispatch_to(self, request, pk=None):
        dispute = self.get_object()
        data = self._input(s.DispatchInputSerializer)
        return self._detail(
            services.dispatch(request.user, dispute, data["version"], data["to_org"], data["note"])
        )

    @extend_schema(
        request=s.SessionInputSerializer, responses=s.DisputeDetailSerializer, summary="登记调解记录"
    )
    @action(detail=True, methods=["post"])
    def sessions(self, request, pk=None):
        dispute = self.get_object()
        data = self._input(s.SessionInputSerializer)
        version = data.pop("version")
        return self._detail(services.add_session(request.user, dispute, version, **data))

    @extend_schema(
        request=s.ConcludeSerializer, responses=s.DisputeDetailSerializer, summary="办结：调解成功或不成"
    )
    @action(detail=True, methods=["post"])
    def conclude(self, request, pk=None):
        dispute = self.get_object()
        data = self._input(s.ConcludeSerializer)
        version, outcome = data.pop("version"), data.pop("outcome")
        if outcome == "success":
            fields = {k: data.get(k) for k in ("amount_agreed", "amount_recovered", "performance_due")}
            dispute = services.conclude_success(
                request.user,
                dispute,
                version,
                concluded_on=data["concluded_on"],
                agreement_text=data["agreement_text"],
                performance_method=data["performance_method"],
                **fields,
            )
        else:
            dispute = services.conclude_failure(
                request.user,
                dispute,
                version,
                concluded_on=data["concluded_on"],
                referred_to=data["referred_to"],
                reason=data["reason"],
            )
        return self._detail(dispute)

    @extend_schema(request=s.WithdrawSerializer, responses=s.DisputeDetailSerializer, summary="撤回")
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        dispute = self.get_object()
        data = self._input(s.WithdrawSerializer)
        version = data.pop("version")
        return self._detail(services.withdraw(request.user, dispute, version, **data))

    @extend_schema(request=s.ConfirmationSerializer, responses=s.DisputeDetailSerializer, summary="司法确认")
    @action(detail=True, methods=["post"])
    def confirmation(self, request, pk=None):
        dispute = self.get_object()
        data = self._input(s.ConfirmationSerializer)
        version = data.pop("version")
        return self._detail(services.record_confirmation(request.user, dispute, version, **data))

    @extend_schema(request=s.VisitSerializer, responses=s.DisputeDetailSerializer, summary="回访")
    @action(detail=True, methods=["post"])
    def visit(self, request, pk=None):
        dispute = self.get_object()
        data = self._input(s.VisitSerializer)
        version = data.pop("version")
        return self._detail(services.record_visit(request.user, dispute, version, **data))

    @extend_schema(
        request=None, responses=RevealedPartySerializer(many=True), summary="查看完整个人信息（留痕）"
    )
    @action(detail=True, methods=["post"])
    def reveal(self, request, pk=None):
        return Response(reveal_parties(request.user, self.get_object()))


router.register("disputes", DisputeViewSet, basename="dispute")
