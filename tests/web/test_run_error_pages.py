"""`make run` answers like production: an unknown address is the Chinese 404 page and an error the
Chinese 500 page, never Django's English debug pages; static files are still served.

The first test starts the development server exactly as `make run` does (settings fazhi.settings, the
environment's defaults: no FAZHI_ENV, no FAZHI_DEBUG) on a free port and asks it over HTTP."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.urls import path

from fazhi import urls as product_urls

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.fixture
def make_run_server(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAZHI_", "DJANGO_"))}
    env.update(FAZHI_VAR_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("开发服务器未能启动")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_make_run_answers_an_unknown_address_with_the_chinese_404_and_serves_static_files(make_run_server):
    status, body = _get(make_run_server + "/no-such-page/")
    assert status == 404
    assert "没有找到" in body and "法治街道工作台" in body
    assert "Page not found" not in body and "Django" not in body and "URLconf" not in body

    status, css = _get(make_run_server + "/static/web/fazhi.css")
    assert status == 200 and css.strip()
    status, _ = _get(make_run_server + "/static/vendor/htmx.min.js")
    assert status == 200


def test_the_development_default_has_debug_off():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAZHI_", "DJANGO_"))}
    env.update(PYTHONPATH=str(ROOT), FAZHI_VAR_DIR=os.environ.get("FAZHI_VAR_DIR", str(ROOT / "var")))
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import fazhi.settings as s; print(s.DEBUG, 'whitenoise' in ' '.join(s.MIDDLEWARE))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.stdout.split() == ["False", "True"], shown.stderr


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", _broken), *product_urls.urlpatterns]
handler404 = product_urls.handler404
handler500 = product_urls.handler500


@pytest.mark.django_db
@pytest.mark.urls("tests.web.test_run_error_pages")
def test_an_error_is_the_chinese_500_page(client, settings):
    settings.DEBUG = False  # what the development default now is (test above)
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "系统出现错误" in body and "Traceback" not in body and "Django" not in body
