"""gunicorn in production (deploy/systemd/fazhi-web.service): `gunicorn -c deploy/gunicorn.conf.py`.

Sizes are read from the environment file (/etc/fazhi/fazhi.env) so an office changes them without editing
this file. Keep ``logger_class``: it keeps ID numbers and phones typed into list filters out of the logs
(tests/web/test_log_redaction.py checks every gunicorn configuration in the repository)."""

import multiprocessing
import os

wsgi_app = "fazhi.wsgi:application"
# nginx on the same machine talks to 127.0.0.1; with several web servers set FAZHI_BIND=0.0.0.0:8001 and
# allow only the nginx machine through the firewall.
bind = os.environ.get("FAZHI_BIND", "127.0.0.1:8001")
# Synchronous workers: the pages are short database work. Twice the cores plus one is gunicorn's advice.
workers = int(os.environ.get("FAZHI_WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# An Excel file of FAZHI_JOB_IMPORT_ROWS (2,000) rows or more is imported by the background worker
# (fazhi-worker.service), so no import holds a request for long (a 50,000-row one took 47 s inside a request);
# the timeout still covers an export of a whole ledger. nginx's proxy_read_timeout (deploy/nginx) is longer.
timeout = int(os.environ.get("FAZHI_WEB_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak in a library never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# X-Forwarded-* are believed only from nginx (the application's own check is FAZHI_TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get("FAZHI_TRUSTED_PROXIES", "127.0.0.1")
# Logs go to the journal through stdout/stderr; the access log leaves out the Referer and the query string.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms "%(a)s"'
logger_class = "fazhi.web.gunicorn_logging.RedactingLogger"
