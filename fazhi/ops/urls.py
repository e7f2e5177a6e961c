from django.urls import path

from . import views

app_name = "ops"
urlpatterns = [
    path("backups/", views.backups_page, name="backups"),
    path("backups/now/", views.backup_now, name="backup_now"),
    path("backups/check/", views.check, name="check"),
    path("generate/", views.generate, name="generate"),
]
