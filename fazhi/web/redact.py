"""Log lines without personal data: a filter for every logging handler (configured in settings.LOGGING,
so this module imports nothing of the application)."""

import logging
import re

# Query parameters whose values are personal data (fazhi.ledger.filtering.PERSONAL_PARAMS).
_PERSONAL_QUERY = re.compile(r"(?<=[?&;])(contact|id_number|phone)=[^&;\s\"']*")


def redact_query(text: str) -> str:
    """``text`` with the values of personal-data query parameters replaced by ***."""
    return _PERSONAL_QUERY.sub(lambda match: f"{match.group(1)}=***", text)


class RedactPersonalParams(logging.Filter):
    """Keeps ID numbers and phones typed into a filter out of every log line (the development server's
    and Django's request log write the full request line, query string included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's own business
            return True
        redacted = redact_query(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
