from django.urls import NoReverseMatch, reverse

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
    if "sys_admin" in role_codes(user):  # the system administrator's own pages, besides 系统设置
        url = reverse("ops:backups")
        items.append({"label": "数据备份", "url": url, "active": request.path.startswith(url)})
    return {"nav_items": items}
