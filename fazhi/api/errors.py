"""One error format for the whole API: {"error": {"code", "message", "fields"}} with Chinese text."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import OperationalError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from fazhi.errors import MESSAGES, FazhiError


def _is_chinese(text) -> bool:
    return isinstance(text, str) and any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _flatten(detail):
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(item) for item in detail]
    return str(detail)


def _first_message(fields) -> str:
    if isinstance(fields, dict):
        for value in fields.values():
            return _first_message(value)
    if isinstance(fields, list) and fields:
        return _first_message(fields[0])
    return str(fields)


def error_response(code: str, message: str, status_code: int, fields=None) -> Response:
    body = {"error": {"code": code, "message": message, "fields": fields or {}}}
    return Response(body, status=status_code)


BUSY_MESSAGE = "系统繁忙，本次操作未完成（未保存任何改动），请稍后重试。"


def is_busy(exc) -> bool:
    """SQLite's single writer waited past its timeout, or PostgreSQL cancelled a statement that ran past
    statement_timeout / lock_timeout: the transaction was rolled back whole, nothing is the person's fault."""
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and (
        "locked" in text or "timeout" in text or "canceling" in text
    )


def exception_handler(exc, context):
    if is_busy(exc):
        return error_response("busy", BUSY_MESSAGE, status.HTTP_503_SERVICE_UNAVAILABLE)
    if isinstance(exc, FazhiError):
        return error_response(exc.code, exc.message, exc.status_code, exc.fields)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*[a for a in exc.args[:1] if _is_chinese(a)])
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail})
        message = "提交的数据有误：" + _first_message(fields)
        response.data = {"error": {"code": "invalid", "message": message, "fields": fields}}
        response.status_code = status.HTTP_400_BAD_REQUEST
        return response
    code = getattr(exc, "default_code", "error")
    detail = getattr(exc, "detail", None)
    # Our own Chinese wording (an invalid page, why a letter is missing) beats the generic message;
    # the frameworks' defaults (English, or DRF's terse translations) give way to MESSAGES.
    if _is_chinese(detail) and str(detail) != str(type(exc).default_detail):
        message = str(detail)
    else:
        message = MESSAGES.get(code) or _first_message(_flatten(detail or str(exc)))
    response.data = {"error": {"code": code, "message": message, "fields": {}}}
    return response
