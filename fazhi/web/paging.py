"""One way lists are paged: the page, and the query string that keeps the person's filters."""

from django.core.paginator import Paginator

PAGE_SIZE = 30


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> dict:
    """Context for web/_pager.html: ``page`` and ``query`` (the filters without the page number)."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return {"page": page, "query": params.urlencode()}
