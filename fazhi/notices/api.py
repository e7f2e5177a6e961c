"""/api/notifications/: the person's own notifications (list, unread count, mark read). Anyone else's
notification is not found (404), whatever their role."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.api.router import router

from . import services
from .models import Notification


class NotificationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ("id", "kind", "kind_label", "title", "body", "link", "day", "created_at", "read", "read_at")
        read_only_fields = fields

    def get_read(self, obj) -> bool:
        return obj.read_at is not None


COUNT = inline_serializer("NotificationCount", fields={"unread": serializers.IntegerField()})
MARKED = inline_serializer("NotificationsMarked", fields={"marked": serializers.IntegerField()})


class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()  # for the schema; the real one is the person's own

    def get_queryset(self):
        notices = services.visible_to(self.request.user)
        if self.action == "list" and self.request.query_params.get("unread") in ("1", "true"):
            notices = notices.filter(read_at__isnull=True)
        return notices

    @extend_schema(
        summary="本人的通知（最新在前）",
        parameters=[OpenApiParameter("unread", OpenApiTypes.BOOL, description="只看未读")],
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="本人的一条通知")
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(summary="未读通知数", responses={200: COUNT})
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request):
        return Response({"unread": services.unread_count(request.user)})

    @extend_schema(summary="把一条通知标为已读", request=None, responses={200: NotificationSerializer})
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notice = self.get_object()
        services.mark_read(request.user, [notice.pk])
        notice.refresh_from_db()
        return Response(self.get_serializer(notice).data)

    @extend_schema(summary="把本人的全部通知标为已读", request=None, responses={200: MARKED})
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        return Response({"marked": services.mark_read(request.user)})


router.register("notifications", NotificationViewSet, basename="notification")
