from . import excel_views, views

app_name = "oversight"

urlpatterns = [
    *views.SUGGESTION_PAGES.urls(),
    *views.REMINDER_PAGES.urls(),
    *excel_views.PAGES.urls(),
]
