from django.urls import path

from . import excel_views, views

app_name = "litigation"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_new, name="new"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/reveal/", views.case_reveal, name="reveal"),
    path("<int:pk>/<str:name>/", views.case_action, name="action"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/new/", views.meeting_new, name="meeting_new"),
    path("suggestions/", views.suggestion_list, name="suggestions"),
    path("suggestions/new/", views.suggestion_new, name="suggestion_new"),
    path("suggestions/<int:pk>/", views.suggestion_detail, name="suggestion"),
    path("suggestions/<int:pk>/edit/", views.suggestion_edit, name="suggestion_edit"),
    path("suggestions/<int:pk>/reply/", views.suggestion_reply, name="suggestion_reply"),
    path("reminders/", views.reminder_list, name="reminders"),
    path("reminders/new/", views.reminder_new, name="reminder_new"),
    path("reminders/<int:pk>/", views.reminder_detail, name="reminder"),
    path("reminders/<int:pk>/follow-up/", views.reminder_follow_up, name="reminder_follow_up"),
    *excel_views.PAGES.urls(),
]
