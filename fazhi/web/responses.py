"""What every answer to a signed-in person gets: no caching, and a service error as a page, not a 500.

Pages, API answers, exports and downloads for a signed-in person may carry personal data (a party's
name, an unmasked ID number in an export or a reveal); a shared proxy or the browser's disk cache must
not keep them. A FazhiError a page lets escape (e.g. a refused personal-data lookup in a list filter)
and a database timeout are shown with a Chinese message and status; the API answers these itself.
"""

from django.utils.cache import add_never_cache_headers

from fazhi.api.errors import BUSY_MESSAGE, is_busy
from fazhi.errors import FazhiError

from .errors import respond


class ResponsePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(getattr(request, "user", None), "is_authenticated", False):
            add_never_cache_headers(response)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, FazhiError):
            return respond(request, exception.status_code, exception.code, exception.message)
        if is_busy(exception):  # a database timeout: a Chinese 503, not the database's English
            return respond(request, 503, "busy", BUSY_MESSAGE)
        return None
