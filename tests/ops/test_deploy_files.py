"""The deployment files (deploy/) are checked by the tools that will run them: `systemd-analyze verify`
for the units, gunicorn's --check-config, `nginx -t` for the site. Paths of the production layout
(/opt/fazhi, /etc/fazhi, /var/lib/fazhi) are pointed at this checkout and a temporary folder first."""

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.conftest import unavailable

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name) or (f"/usr/sbin/{name}" if os.path.exists(f"/usr/sbin/{name}") else None)
    if not found:
        unavailable(f"未安装 {name}：部署文件无法检查（以 root 运行 make test 会自动安装）。")
    return found


def localised(text: str, tmp_path: Path) -> str:
    """The production paths of a deployment file, pointed at this checkout and tmp_path."""
    for production, here in (
        ("/opt/fazhi/.venv/bin", str(VENV_BIN)),
        ("/opt/fazhi", str(ROOT)),
        ("/etc/fazhi/fazhi.env", str(tmp_path / "fazhi.env")),
        ("/etc/fazhi/tls", str(tmp_path / "tls")),
        ("/etc/nginx/fazhi-proxy.conf", str(tmp_path / "fazhi-proxy.conf")),
        ("/var/lib/fazhi/static", str(tmp_path / "static")),
        ("/var/log/nginx", str(tmp_path)),
    ):
        text = text.replace(production, here)
    return text


def units() -> list[Path]:
    return sorted((DEPLOY / "systemd").glob("fazhi-*.*"))


LONG_RUNNING = ("fazhi-web.service", "fazhi-worker.service")


def test_every_service_has_its_timer_or_is_the_web_server_or_the_worker():
    names = {p.name for p in units()}
    assert set(LONG_RUNNING) <= names
    for service in (n for n in names if n.endswith(".service") and n not in LONG_RUNNING):
        assert service.replace(".service", ".timer") in names


def test_the_worker_unit_runs_the_worker_with_its_heartbeat_and_lets_a_job_finish():
    from django.core.management import load_command_class

    unit = (DEPLOY / "systemd" / "fazhi-worker.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/fazhi/.venv/bin/fazhi db_worker --no-reload" in unit
    assert "Restart=always" in unit and "KillSignal=SIGTERM" in unit
    # Our db_worker (django-tasks-db's, plus the heartbeat /healthz reads) is the one the command name runs.
    from django.core.management import get_commands

    assert get_commands()["db_worker"] == "fazhi.jobs"
    assert load_command_class("fazhi.jobs", "db_worker").help.startswith("运行后台任务")


@pytest.mark.parametrize("unit", units(), ids=lambda p: p.name)
def test_systemd_accepts_the_unit(unit, tmp_path):
    analyze = tool("systemd-analyze")
    (tmp_path / "fazhi.env").write_text((DEPLOY / "fazhi.env.example").read_text(encoding="utf-8"))
    for each in units():  # a timer is verified with its service beside it
        (tmp_path / each.name).write_text(localised(each.read_text(encoding="utf-8"), tmp_path))
    result = subprocess.run(
        [analyze, "verify", "--man=no", str(tmp_path / unit.name)], capture_output=True, text=True
    )
    # Only the unit's own problems count: a container without systemd running reports its absence too.
    problems = [
        line for line in (result.stdout + result.stderr).splitlines() if unit.stem in line or "fazhi" in line
    ]
    assert not problems, problems


def test_the_units_run_the_commands_that_exist():
    from django.core.management import get_commands

    commands = set(get_commands())
    for unit in units():
        for line in unit.read_text(encoding="utf-8").splitlines():
            if line.startswith("ExecStart=/opt/fazhi/.venv/bin/fazhi "):
                assert line.split()[1] in commands, line


def test_gunicorn_accepts_its_configuration():
    result = subprocess.run(
        [str(VENV_BIN / "gunicorn"), "--check-config", "--config", str(DEPLOY / "gunicorn.conf.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"DJANGO_SETTINGS_MODULE": "fazhi.settings"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def self_signed(folder: Path) -> None:
    folder.mkdir()
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fazhi.example.gov.cn")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "fullchain.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )


def test_nginx_accepts_the_site(tmp_path):
    nginx = tool("nginx")
    self_signed(tmp_path / "tls")
    (tmp_path / "static").mkdir()
    (tmp_path / "fazhi-proxy.conf").write_text(
        localised((DEPLOY / "nginx" / "fazhi-proxy.conf").read_text(encoding="utf-8"), tmp_path)
    )
    (tmp_path / "site.conf").write_text(
        localised((DEPLOY / "nginx" / "fazhi.conf").read_text(encoding="utf-8"), tmp_path)
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\n  access_log off;\n  include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_access_logs_leave_out_query_strings_and_referers():
    site = (DEPLOY / "nginx" / "fazhi.conf").read_text(encoding="utf-8")
    log_format = site.split("log_format fazhi_redacted", 1)[1].split(";", 1)[0]
    assert "$uri" in log_format
    for leaking in ("$request ", "$request_uri", "$args", "$query_string", "$http_referer"):
        assert leaking not in log_format
    for line in (line for line in site.splitlines() if line.strip().startswith("access_log /")):
        assert line.rstrip(";").endswith("fazhi_redacted")
