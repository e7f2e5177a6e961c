from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "fazhi.orgs"
    verbose_name = "组织机构与角色"
