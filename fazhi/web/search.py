"""The search page behind the top bar's box (the search itself: fazhi.ledger.search)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fazhi.errors import FazhiError
from fazhi.ledger.search import search


@login_required
def search_page(request):
    text = (request.GET.get("q") or "").strip()[:100]
    context = {"q": text, "found": [], "error": ""}
    if text:
        try:
            context["found"], context["what"] = search(request.user, text)
        except FazhiError as refused:
            context["error"] = str(refused)
    return render(request, "web/search.html", context)
