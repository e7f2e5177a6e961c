from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("attachments/<str:token>/", views.download_attachment, name="attachment"),
    path(
        "attachments/upload/<int:content_type_id>/<int:pk>/",
        views.upload_attachment,
        name="attachment_upload",
    ),
]
