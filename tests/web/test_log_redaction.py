"""gunicorn's access and error logs never hold the value of a personal-data filter: the request line,
a bare query string and the Referer (the filtered list a person came from) are redacted, with gunicorn's
own logger driven by the repository's configuration."""

import datetime
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[2]
ID_NUMBER, PHONE = "11010519491231002X", "13812345678"
QUERY = f"status=received&contact={ID_NUMBER}&phone={PHONE}&applicant_phone={PHONE}&q=%E5%BC%A0"


def gunicorn_configs() -> list[Path]:
    """Every gunicorn configuration in the repository (the default one and any deployment's)."""
    found = {p for p in ROOT.glob("*gunicorn*.py")} | {p for p in ROOT.glob("deploy/**/*gunicorn*.py")}
    return sorted(found)


def load(path: Path, tmp_path) -> Config:
    config = Config()
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("errorlog", str(tmp_path / "error.log"))
    # The combined format, with the bare query string and the Referer: everything a site might log.
    config.set("access_log_format", '%(h)s "%(r)s" %(s)s "%(f)s" %(q)s "%(a)s"')
    return config


@pytest.fixture
def restore_gunicorn_loggers():
    logs = [logging.getLogger(name) for name in ("gunicorn.access", "gunicorn.error")]
    saved = [(log.handlers[:], log.filters[:]) for log in logs]
    yield
    for log, (handlers, filters) in zip(logs, saved, strict=True):
        for handler in log.handlers:
            if handler not in handlers:
                handler.close()
        log.handlers[:], log.filters[:] = handlers, filters


def test_there_is_a_gunicorn_configuration():
    assert ROOT / "gunicorn.conf.py" in gunicorn_configs()


@pytest.mark.parametrize("path", gunicorn_configs(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_configuration_redacts_its_logs(path, tmp_path, restore_gunicorn_loggers):
    config = load(path, tmp_path)
    logger = config.logger_class(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/disputes/?{QUERY}",
        "PATH_INFO": "/disputes/",
        "QUERY_STRING": QUERY,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.8",
        "HTTP_REFERER": f"https://fazhi.example/disputes/?{QUERY}",
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    logger.access(response, request, environ, datetime.timedelta(milliseconds=40))
    logger.exception("Error handling request %s", environ["RAW_URI"])
    for handler in logger.access_log.handlers + logger.error_log.handlers:
        handler.flush()

    access = (tmp_path / "access.log").read_text(encoding="utf-8")
    error = (tmp_path / "error.log").read_text(encoding="utf-8")
    assert "GET /disputes/?status=received&contact=***" in access  # the line is still there
    assert "q=%E5%BC%A0" in access  # other parameters are kept
    assert "Error handling request /disputes/?status=received&contact=***" in error
    for log in (access, error):
        assert ID_NUMBER not in log and PHONE not in log


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (f"GET /accounts/login/?next=/disputes/%3Fstatus%3Dx%26contact%3D{ID_NUMBER}%26q%3D1", "%26q%3D1"),
        (f"GET /accounts/login/?next=%2Fdisputes%2F%3Fphone%3D{PHONE}", "next=%2Fdisputes%2F%3Fphone%3D***"),
        (f"{QUERY}", "status=received"),
        (f'"https://fazhi.example/legal/?contact={PHONE}" "Mozilla/5.0"', "Mozilla/5.0"),
    ],
)
def test_a_query_inside_another_or_bare_is_redacted(line, kept):
    from fazhi.web.redact import redact_query

    redacted = redact_query(line)
    assert ID_NUMBER not in redacted and PHONE not in redacted, redacted
    assert kept in redacted
