"""gunicorn's configuration, read from the project directory (gunicorn's default ./gunicorn.conf.py);
a deployment's own configuration must keep ``logger_class`` (tests/web/test_log_redaction.py checks every
gunicorn configuration in the repository)."""

# ID numbers and phones typed into list filters never reach the access or error log.
logger_class = "fazhi.web.gunicorn_logging.RedactingLogger"
