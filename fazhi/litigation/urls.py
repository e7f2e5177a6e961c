from django.urls import path

from . import excel_views, views

app_name = "litigation"

urlpatterns = [
    *views.PAGES.urls(),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/new/", views.meeting_new, name="meeting_new"),
    *excel_views.PAGES.urls(),
]
