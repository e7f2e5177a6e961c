from django.urls import path

from . import excel_views, views

app_name = "learning"

urlpatterns = [
    path("", views.overview, name="list"),
    *(url for pages in views.ALL_PAGES for url in pages.urls()),
    *(url for pages in excel_views.ALL for url in pages.urls()),
]
