"""A refused request leaves one warning line in the log, not a traceback; a server error keeps its traceback."""

import io
import logging
import sys

from fazhi.web.log_refusals import RefusalsInOneLine


def console():
    """The settings' console handler (settings.LOGGING), as configured in this process."""
    return next(
        h for h in logging.getLogger().handlers if any(isinstance(f, RefusalsInOneLine) for f in h.filters)
    )


def test_a_403_is_one_line_in_the_log(client, tree, person):
    client.force_login(person("office", "office", tree["a"]))
    handler = console()
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        assert client.get("/figures/district/").status_code == 403
    finally:
        handler.setStream(previous)
    logged = stream.getvalue()
    assert "Forbidden" in logged and "/figures/district/" in logged
    assert "Traceback" not in logged and "PermissionDenied" not in logged


def test_a_server_error_keeps_its_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        failed = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), sys.exc_info()
        )
    failed.status_code = 500
    assert RefusalsInOneLine().filter(failed) and failed.exc_info is not None
    refused = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Forbidden", (), failed.exc_info
    )
    refused.status_code = 403
    assert RefusalsInOneLine().filter(refused) and refused.exc_info is None
