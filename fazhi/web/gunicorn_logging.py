"""gunicorn's logger with the personal-data filter on its access and error logs: the access line holds
the request line and the Referer (a list filtered by ID number or phone), the error log the URI of a
failed request. Named by ``logger_class`` in every gunicorn configuration (gunicorn.conf.py)."""

from gunicorn.glogging import Logger

from .redact import RedactPersonalParams


class RedactingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        # On the loggers, not their handlers: whatever handlers gunicorn, a logconfig or syslog adds.
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, RedactPersonalParams) for f in log.filters):
                log.addFilter(RedactPersonalParams())
