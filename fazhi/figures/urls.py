from django.urls import path

from . import views

app_name = "figures"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("district/", views.district, name="district"),
    path("manual/", views.manual, name="manual"),
]
