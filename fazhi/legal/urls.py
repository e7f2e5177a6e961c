from django.urls import path

from . import excel_views, views

app_name = "legal"

urlpatterns = [
    path("", views.item_list, name="list"),
    path("new/", views.submit, name="submit"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/letter/<int:seq>.docx", views.letter, name="letter"),
    path("<int:pk>/<str:name>/", views.item_action, name="action"),
    *excel_views.PAGES.urls(),
]
