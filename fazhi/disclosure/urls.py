from django.urls import path

from . import excel_views, views

app_name = "disclosure"

urlpatterns = [
    path("annual/", views.annual, name="annual"),
    *views.PAGES.urls(),
    *excel_views.PAGES.urls(),
]
