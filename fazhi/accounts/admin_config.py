from django.contrib.admin.apps import AdminConfig


class FazhiAdminConfig(AdminConfig):
    """Django admin with the site whose permissions follow the separated admin roles."""

    default_site = "fazhi.accounts.admin_site.FazhiAdminSite"
