from django.urls import path

from . import excel_views, views

app_name = "legal"

urlpatterns = [
    path("<int:pk>/letter/<int:seq>.docx", views.letter, name="letter"),
    *views.PAGES.urls(),
    *excel_views.PAGES.urls(),
]
