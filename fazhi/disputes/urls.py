from django.urls import path

from . import excel_views, views

app_name = "disputes"

urlpatterns = [
    path("", views.dispute_list, name="list"),
    path("inbox/", views.inbox, name="inbox"),
    path("new/", views.intake, name="intake"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/reveal/", views.reveal, name="reveal"),
    path("<int:pk>/agreement.docx", views.agreement, name="agreement"),
    path(
        "<int:pk>/<str:name>/",
        views.dispute_action,
        name="action",
    ),
    *excel_views.PAGES.urls(),
]
