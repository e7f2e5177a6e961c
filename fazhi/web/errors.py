"""Error pages in Chinese; API paths answer in the API's error format."""

import re

from django.http import JsonResponse
from django.shortcuts import render

from fazhi.errors import MESSAGES


def respond(request, status: int, code: str, message: str):
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": code, "message": message, "fields": {}}}, status=status)
    return render(request, "web/error.html", {"status": status, "message": message}, status=status)


def bad_request(request, exception=None):
    return respond(request, 400, "bad_request", "请求无效，请检查输入后重试。")


def permission_denied(request, exception=None):
    # Our refusals say why in Chinese ("区级对比页面仅供区级审阅人员查看。"): shown as they are; Django's own
    # (bare, or in English) get the general message.
    said = str(exception.args[0]) if exception is not None and exception.args else ""
    message = said if re.search(r"[\u4e00-\u9fff]", said) else MESSAGES["permission_denied"]
    return respond(request, 403, "permission_denied", message)


def page_not_found(request, exception=None):
    return respond(request, 404, "not_found", MESSAGES["not_found"])


def server_error(request):
    return respond(request, 500, "server_error", "系统出现错误，已记录；请稍后重试，或联系系统管理员。")
