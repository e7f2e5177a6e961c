"""Log lines without personal data: a filter for every logging handler (configured in settings.LOGGING)
and for gunicorn's access and error logs (fazhi.web.gunicorn_logging), so this module imports nothing
of the application."""

import logging
import re

# Query parameters whose values are personal data (fazhi.ledger.filtering.PERSONAL_PARAMS: contact,
# id_number, phone), and any other parameter named after them (applicant_phone …). The name starts at a
# parameter boundary — after ?, & or ;, as a bare query string (gunicorn's %(q)s), or after a space or
# quote in a log line — so a request line, a Referer and a bare query string are all covered; and a
# query percent-encoded inside another (the sign-in page's ?next=/disputes/%3Fcontact%3D…) too.
_PERSONAL_QUERY = re.compile(
    r"(?:(?<![\w%.-])|(?<=%3[Ff])|(?<=%26))"
    r"([\w.-]*(?:contact|id_number|phone)[\w.-]*)(=|%3[Dd])"
    r"(?:(?!%26)[^&;\s\"'])*"
)

# A calendar subscription's key is its credential and sits in the path (/calendar/feed/<key>.ics): a log
# line must not hand it to whoever reads the logs.
_FEED_KEY = re.compile(r"(/calendar/feed/)[0-9A-Fa-f]+(\.ics)")


def redact_query(text: str) -> str:
    """``text`` with the values of personal-data query parameters, and calendar feed keys, replaced by ***."""
    text = _FEED_KEY.sub(r"\1***\2", text)
    return _PERSONAL_QUERY.sub(lambda match: f"{match.group(1)}{match.group(2)}***", text)


class RedactPersonalParams(logging.Filter):
    """Keeps ID numbers and phones typed into a filter out of every log line (the development server's,
    Django's and gunicorn's request logs write the full request line, query string and Referer included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's own business
            return True
        redacted = redact_query(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
