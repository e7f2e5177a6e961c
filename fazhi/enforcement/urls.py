from django.contrib.auth.decorators import login_required
from django.urls import include, path

from . import excel_views, views

app_name = "enforcement"

inspection_urls = [
    path(
        "",
        login_required(views.INSPECTION_PAGES.list_page),
        {"listing": views.INSPECTION_LIST},
        name="list",
    ),
    *excel_views.INSPECTION_PAGES.urls(),
]

urlpatterns = [
    path("inspections/", include((inspection_urls, "inspections"))),
    *views.INSPECTION_PAGES.urls(),
    *views.CERTIFICATE_PAGES.urls(),
    *views.SPECIAL_ACTION_PAGES.urls(),
    *excel_views.SPECIAL_ACTION_PAGES.urls(),
    *views.PAGES.urls(),
    *excel_views.PAGES.urls(),
]
