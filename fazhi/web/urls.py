from django.urls import path

from . import due_calendar, health, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("calendar/", due_calendar.month, name="calendar"),
    path("calendar/due.ics", due_calendar.ics, name="calendar_ics"),
    path("attachments/<str:token>/", views.download_attachment, name="attachment"),
    path(
        "attachments/upload/<int:content_type_id>/<int:pk>/",
        views.upload_attachment,
        name="attachment_upload",
    ),
]
