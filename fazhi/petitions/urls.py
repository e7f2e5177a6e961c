from django.urls import include, path

from . import excel_views, views

app_name = "petitions"

urlpatterns = [
    *views.PAGES.urls(),
    *excel_views.PETITION_EXCEL.urls(),
    path("demands/", include(([*views.DEMAND_PAGES.urls(), *excel_views.DEMAND_EXCEL.urls()], "demands"))),
    path("councils/", include((views.COUNCIL_PAGES.urls(), "councils"))),
]
