"""One way lists are paged: the page, the page size the person chose, and the query strings that keep
the person's filters, sort and page size in the pager's links (``ledger/_pager.html``). Below every app
(it imports none), so that the ledger kit, the audit trail's pages and the web pages all page through it
without an import cycle."""

from django.core.paginator import Paginator

PAGE_SIZE = 30
PAGE_SIZES = (20, 50, 100)  # what a ledger list offers; the first is its default


def chosen_size(params, sizes=PAGE_SIZES, default: int | None = None) -> int:
    """``page_size`` when it is one of ``sizes``; anything else (malformed, 0, a million) is ignored."""
    value = str(params.get("page_size") or "").strip()
    return next((size for size in sizes if str(size) == value), default or sizes[0])


def without(params, *names) -> str:
    """The query string of ``params`` without ``names`` (a link that sets them again)."""
    kept = params.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def paginate(request, queryset, per_page: int = PAGE_SIZE, sizes=()) -> dict:
    """Context for ledger/_pager.html: ``page`` and ``query`` (the filters without the page number);
    with ``sizes``, the person chooses the page size among them (``page_size``, ``page_sizes``)."""
    params = request.GET
    if sizes:
        per_page = chosen_size(params, sizes)
    page = Paginator(queryset, per_page).get_page(params.get("page"))
    context = {"page": page, "query": without(params, "page")}
    if sizes:
        rest = without(params, "page", "page_size")
        context["page_size"] = per_page
        context["page_sizes"] = [(size, f"{rest}&page_size={size}".lstrip("&")) for size in sizes]
    return context
