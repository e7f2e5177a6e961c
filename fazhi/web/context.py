from django.urls import NoReverseMatch, reverse

from fazhi.accounts.admin_site import ROLE_MODELS as SETTINGS_SITE_ROLES
from fazhi.orgs.scoping import role_codes, visible_orgs

from .navigation import active_line, lines_for


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    kinds = set(visible_orgs(user).values_list("kind", flat=True).distinct())
    lines = []
    for line in lines_for(kinds):
        try:
            lines.append((line, reverse(line.url_name)))
        except NoReverseMatch:
            continue
    active = active_line([line for line, _ in lines], request.path)
    items = [{"label": line.label, "url": url, "active": line is active} for line, url in lines]
    roles = role_codes(user)
    for label, url_name, allowed in ADMIN_PAGES:
        if roles & allowed:
            url = reverse(url_name)
            items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    return {"nav_items": items}


# The three administrators' own pages, each shown to whom it lets in (三员分立; the pages check it again).
ADMIN_PAGES = (
    ("系统管理", "admin:index", frozenset(SETTINGS_SITE_ROLES)),
    ("数据备份", "ops:backups", frozenset({"sys_admin"})),
    ("审计日志", "audit:trail", frozenset({"audit_admin"})),
)
