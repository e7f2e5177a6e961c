from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "fazhi.api"
    verbose_name = "接口"
