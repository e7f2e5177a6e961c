from django.urls import NoReverseMatch, reverse

from fazhi.orgs.scoping import visible_orgs

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
    return {"nav_items": [{"label": line.label, "url": url, "active": line is active} for line, url in lines]}
