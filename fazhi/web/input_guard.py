"""Refuse any request that carries a NUL character, before a view sees it.

PostgreSQL cannot store NUL in text and fails the query when one is looked up or saved; Django's
form CharFields and DRF's CharFields refuse it, but lookups (unit codes, filters, paths) do not. One
check here keeps every form, filter and API field safe, with a message a person can act on.
"""

from django.http import QueryDict

from .errors import respond

MESSAGE = "提交的内容含有空字符（\\0，通常来自复制粘贴或损坏的文件），请删除后重新提交。"
JSON_NUL = b"\\u0000"


def _query_has_nul(query: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists())


def carries_nul(request) -> bool:
    if "\x00" in request.path or _query_has_nul(request.GET):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    content_type = request.content_type or ""
    if content_type == "application/json" or content_type.endswith("+json"):
        return b"\x00" in request.body or JSON_NUL in request.body
    if request.method == "POST" and content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        return _query_has_nul(request.POST)
    if content_type == "application/x-www-form-urlencoded":
        return _query_has_nul(QueryDict(request.body))
    return False


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            return respond(request, 400, "invalid", MESSAGE)
        return self.get_response(request)
