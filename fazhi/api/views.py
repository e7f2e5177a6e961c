from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from fazhi.accounts.models import ApiToken
from fazhi.accounts.tokens import digest, issue_token
from fazhi.ledger.search import PER_LIST, search
from fazhi.orgs.roles import ROLES
from fazhi.orgs.scoping import visible_orgs

from .errors import error_response


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    roles = serializers.ListField(child=serializers.DictField())
    orgs = serializers.ListField(child=serializers.DictField())


@extend_schema(responses=MeSerializer, summary="当前用户、角色与可见单位")
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def me(request):
    user = request.user
    roles = [
        {"role": a.role, "label": ROLES[a.role].label, "org": a.org.code, "org_name": a.org.name}
        for a in user.roles.select_related("org")
    ]
    orgs = [{"code": o.code, "name": o.name, "kind": o.kind} for o in visible_orgs(user)]
    return Response({"username": user.username, "name": str(user), "roles": roles, "orgs": orgs})


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(label="用户名")
    password = serializers.CharField(label="密码", style={"input_type": "password"})
    otp = serializers.CharField(label="动态口令（管理员必填）", required=False, allow_blank=True)
    name = serializers.CharField(label="令牌名称（如用途）", required=False, allow_blank=True, max_length=50)
    days = serializers.IntegerField(label="有效天数（不超过系统上限）", required=False, min_value=1)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    type = serializers.CharField()
    expires_at = serializers.DateTimeField()


@extend_schema(
    request=TokenRequestSerializer,
    responses={200: TokenSerializer},
    summary="申请接口令牌（与网页登录相同的锁定规则与管理员动态口令）",
)
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
def token(request):
    form = TokenRequestSerializer(data=request.data)
    form.is_valid(raise_exception=True)
    key, message = issue_token(request._request, **form.validated_data)
    if key is None:
        return error_response("authentication_failed", message, status.HTTP_401_UNAUTHORIZED)
    expires = ApiToken.objects.filter(key_hash=digest(key)).values_list("expires_at", flat=True).first()
    return Response({"token": key, "type": "Bearer", "expires_at": expires})


class FoundRecordSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField(help_text="编号或名称")
    org = serializers.CharField(help_text="承办单位")
    status = serializers.CharField(help_text="状态")
    url = serializers.CharField(help_text="记录页面")


class FoundListSerializer(serializers.Serializer):
    ledger = serializers.CharField(help_text="台账")
    list = serializers.CharField(help_text="列表")
    total = serializers.IntegerField(help_text="符合条件的记录数")
    more_url = serializers.CharField(help_text="在该列表中查看全部的页面")
    records = FoundRecordSerializer(many=True, help_text=f"至多{PER_LIST}条，最新的在前")


class SearchSerializer(serializers.Serializer):
    searched_by = serializers.CharField(help_text="按什么查找")
    results = FoundListSerializer(many=True)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "q",
            str,
            required=True,
            description="编号、名称、当事人姓名，或完整的身份证号码、电话（精确匹配，记入审计日志）",
        )
    ],
    responses=SearchSerializer,
    summary="全台账搜索（与网页顶栏的搜索相同，范围与各台账列表相同）",
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def search_all(request):
    text = (request.query_params.get("q") or "").strip()
    if not text:
        return error_response(
            "invalid", "请在 q 中给出要查找的编号、姓名或完整号码。", status.HTTP_400_BAD_REQUEST
        )
    found, searched_by = search(request.user, text[:100])
    results = [
        {
            "ledger": group.ledger,
            "list": group.title,
            "total": group.total,
            "more_url": group.more_url,
            "records": [
                {
                    "id": record.pk,
                    "label": str(record),
                    "org": str(record.org),
                    "status": getattr(record, "status_label", ""),
                    "url": url,
                }
                for record, url in group.rows
            ],
        }
        for group in found
    ]
    return Response({"searched_by": searched_by, "results": results})
