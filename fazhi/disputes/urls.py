from django.urls import path

from . import excel_views, views

app_name = "disputes"

urlpatterns = [
    path("<int:pk>/agreement.docx", views.agreement, name="agreement"),
    *views.PAGES.urls(),
    *excel_views.PAGES.urls(),
]
