"""A refused request is the person's matter, not a fault of the platform: one warning line each."""

import logging


class RefusalsInOneLine(logging.Filter):
    """Drops the traceback Django attaches to the warning of a refused request (403, 404, 400 …), keeping the
    line itself ("Forbidden (Permission denied): /figures/district/"): a traceback for every 403 buried the
    real errors (500s, which keep theirs) in the journal."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
