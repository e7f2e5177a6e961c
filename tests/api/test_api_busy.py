from django.db import OperationalError

from fazhi.api.errors import exception_handler


def test_a_database_lock_timeout_is_a_chinese_503_not_a_500():
    answer = exception_handler(OperationalError("database is locked"), {})
    assert answer.status_code == 503
    assert answer.data["error"]["code"] == "busy"
    assert "稍后重试" in answer.data["error"]["message"]


def test_other_database_errors_are_not_hidden():
    assert exception_handler(OperationalError("no such table: x"), {}) is None
