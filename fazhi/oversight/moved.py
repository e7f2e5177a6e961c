"""The suggestions' and reminders' former addresses under /litigation/, kept so that bookmarks and links
in old e-mails still open the page: each answers a permanent redirect (301) to the same page under
/oversight/, query string kept. Mounted at "litigation/" by fazhi/urls.py."""

from django.http import HttpResponsePermanentRedirect
from django.urls import re_path

# The rest of the old path: zero or more "segment/" parts (a pk, "new", "edit", "follow-up" …).
REST = r"(?P<rest>(?:[\w-]+/)*)"


def _to(prefix: str):
    def moved(request, rest: str):
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{prefix}{rest}" + (f"?{query}" if query else ""))

    return moved


urlpatterns = [
    re_path(rf"^suggestions/{REST}$", _to("/oversight/"), name="moved_suggestions"),
    re_path(rf"^reminders/{REST}$", _to("/oversight/reminders/"), name="moved_reminders"),
]
