import re

from django.urls import NoReverseMatch, reverse

from .navigation import work_lines


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    items = []
    for line in work_lines():
        try:
            url = reverse(line.url_name)
        except NoReverseMatch:
            continue
        active = bool(
            re.match(line.prefix if line.prefix.endswith("$") else re.escape(line.prefix), request.path)
        )
        items.append({"label": line.label, "url": url, "active": active})
    return {"nav_items": items}
