"""The system-settings site (Django admin) follows the three separated admin roles.

Permissions come from the role a person holds, not from per-user permission rows (三员分立,
fazhi.accounts.separation): the system administrator manages people (names, active or not) and
organisations and the settings lists, never roles or credentials; the security administrator
assigns roles, resets passwords and TOTP, unlocks accounts, revokes API tokens and reads sign-in
attempts, never for himself; the audit administrator has the audit trail page. Every visit needs
the second factor, superusers included.
Ledger records are never edited here: they change only through their services. Each ledger's
settings lists come from its registration (fazhi.ledger.registry), so a new ledger's settings are
the system administrator's without an edit here.
"""

from django.contrib.admin import AdminSite

from fazhi.accounts import otp
from fazhi.orgs.scoping import role_codes

ROLE_MODELS = {
    "sys_admin": {
        "accounts.user",
        "orgs.organisation",
        "deadlines.holidaynotice",
        "figures.manualfigure",
        "ledger.documenttemplate",  # an office's own templates of the record documents (文书模板)
        "notices.channel",  # the outbound channels (e-mail, webhook) notifications are sent over
        "notices.delivery",  # each sending, read only (fazhi.notices.admin)
    },
    "sec_admin": {"accounts.user", "accounts.loginattempt", "accounts.apitoken", "orgs.roleassignment"},
}
# The security administrator sees people to unlock them and reset their credentials (own pages),
# never edits their other fields; tokens are only listed and revoked (an action), never edited.
READ_ONLY_ROLE_MODELS = {
    "sec_admin": {"accounts.user", "accounts.apitoken"},
    "sys_admin": {"notices.delivery"},
}
SETTINGS_ROLE = "sys_admin"  # edits every registered ledger's settings lists


def role_models(role: str) -> set[str]:
    """The model labels ("app_label.model") a role manages on the settings site."""
    labels = set(ROLE_MODELS.get(role, ()))
    if role == SETTINGS_ROLE:
        from fazhi.ledger.registry import settings_models

        labels |= {model._meta.label_lower for model in settings_models()}
    return labels


def role_allows(user, perm: str) -> bool:
    """perm as Django writes it: "app_label.action_model"."""
    app_label, _, codename = perm.partition(".")
    action, _, model = codename.partition("_")
    label = f"{app_label}.{model}"
    for role in role_codes(user):
        if label in role_models(role):
            if action != "view" and label in READ_ONLY_ROLE_MODELS.get(role, ()):
                continue
            return True
    return False


def role_allows_app(user, app_label: str) -> bool:
    return any(label.startswith(f"{app_label}.") for role in role_codes(user) for label in role_models(role))


class FazhiAdminSite(AdminSite):
    site_header = "法治街道工作台 · 系统管理"
    site_title = "法治街道工作台"
    index_title = "系统设置"

    def has_permission(self, request):
        user = request.user
        allowed = user.is_active and (user.is_superuser or bool(role_codes(user) & ROLE_MODELS.keys()))
        return allowed and otp.is_verified(request)
