from django.urls import path, re_path

from fazhi.accounts.feeds import KEY_PATTERN

from . import due_calendar, health, search, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("search/", search.search_page, name="search"),
    path("calendar/", due_calendar.month, name="calendar"),
    path("calendar/due.ics", due_calendar.ics, name="calendar_ics"),
    path("calendar/feed/", due_calendar.feed_manage, name="calendar_feed_manage"),
    re_path(rf"^calendar/feed/(?P<key>{KEY_PATTERN})\.ics$", due_calendar.feed, name="calendar_feed"),
    path("attachments/<str:token>/", views.download_attachment, name="attachment"),
    path(
        "attachments/upload/<int:content_type_id>/<int:pk>/",
        views.upload_attachment,
        name="attachment_upload",
    ),
]
