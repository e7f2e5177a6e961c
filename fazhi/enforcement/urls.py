from django.contrib.auth.decorators import login_required
from django.urls import include, path

from . import excel_views, views

app_name = "enforcement"

inspection_urls = [
    path("", login_required(views.inspection_list), name="list"),
    *excel_views.INSPECTION_PAGES.urls(),
]

urlpatterns = [
    path("inspections/", include((inspection_urls, "inspections"))),
    *views.INSPECTION_PAGES.urls(),
    *views.CERTIFICATE_PAGES.urls(),
    *views.PAGES.urls(),
    *excel_views.PAGES.urls(),
]
