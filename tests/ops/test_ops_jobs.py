"""The system administrator's long work as jobs (issue 20): a backup now, checking a backup as restore would,
and a generated test district, each with its progress page and in the audit trail; the page is the system
administrator's alone; restore stays a command run with the services stopped (`fazhi restore --check` reads
only)."""

import io

import pytest
from backup_helpers import populate
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.accounts.testing import login_with_second_factor
from fazhi.audit.models import AuditEntry
from fazhi.disputes.models import Dispute
from fazhi.jobs import progress
from fazhi.jobs.models import Job, State
from fazhi.ops import backups
from fazhi.ops import jobs as ops_jobs
from fazhi.ops.restore import verify_backup
from fazhi.orgs.models import Organisation
from tests.jobs.job_helpers import run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.VAR_DIR


@pytest.fixture
def admin_client(client, tree, person, var_dir):
    sysadmin = person("sysadmin", "sys_admin", tree["district"])
    login_with_second_factor(client, sysadmin)
    client.user = sysadmin
    return client


def job_states(job) -> list[list]:
    entries = AuditEntry.objects.filter(target_type="jobs.job", target_id=str(job.pk)).order_by("seq")
    return [entry.changes["状态"] for entry in entries]


def tamper(path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_the_page_is_the_system_administrators_alone(client, tree, person, var_dir):
    assert client.get("/ops/backups/").status_code == 302  # to the sign-in page
    for role, org in (
        ("office", tree["a"]),
        ("sec_admin", tree["district"]),
        ("audit_admin", tree["district"]),
    ):
        someone = person(f"p-{role}", role, org)
        login_with_second_factor(client, someone)
        assert client.get("/ops/backups/").status_code == 403
        assert client.post("/ops/backups/now/").status_code == 403
        assert client.post("/ops/generate/", {"streets": 1, "years": 1, "scale": 0.01}).status_code == 403
    assert not Job.objects.exists()


def test_a_backup_now_is_a_job_whose_archive_the_page_lists_and_restore_accepts(admin_client, tree, person):
    populate(tree, person)
    page = admin_client.get("/ops/backups/").content.decode()
    assert "备份目录中还没有备份" in page and "数据备份" in page  # and in the navigation
    response = admin_client.post("/ops/backups/now/")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.owner, job.kind, job.state) == (admin_client.user, "ops", State.QUEUED)
    run_worker()
    job.refresh_from_db()
    assert job.state == State.DONE, job.error
    (archive,) = backups.folder().glob("fazhi-*.tar.gz")
    assert archive.name in job.summary and "个附件文件" in job.summary
    manifest = verify_backup(archive)
    assert manifest["row_counts"]["disputes.dispute"] == 1
    assert job_states(job) == [[None, "排队中"], ["排队中", "进行中"], ["进行中", "已完成"]]
    page = admin_client.get("/ops/backups/").content.decode()
    assert archive.name in page and "立即备份" in page and job.label in page
    assert "返回数据备份" in admin_client.get(f"/jobs/{job.pk}/").content.decode()


def test_checking_a_backup_passes_a_sound_one_and_names_a_damaged_one(admin_client, tree, person):
    populate(tree, person)
    admin_client.post("/ops/backups/now/")
    run_worker()
    (archive,) = backups.folder().glob("fazhi-*.tar.gz")
    response = admin_client.post("/ops/backups/check/", {"name": archive.name})
    checked = Job.objects.latest("pk")
    assert response["Location"] == f"/jobs/{checked.pk}/" and checked.label == f"校验备份：{archive.name}"
    run_worker()
    checked.refresh_from_db()
    assert checked.state == State.DONE and checked.summary.startswith(f"校验通过：{archive.name} 签名有效")
    tamper(archive)
    admin_client.post("/ops/backups/check/", {"name": archive.name})
    run_worker()
    damaged = Job.objects.latest("pk")
    assert damaged.state == State.FAILED and damaged.error.startswith("校验未通过：")
    assert damaged.error in admin_client.get(f"/jobs/{damaged.pk}/").content.decode()


@pytest.mark.parametrize("name", ["../../etc/passwd", "fazhi-20260101-000000.tar.gz", ""])
def test_a_name_not_in_the_backup_folder_queues_nothing(admin_client, name):
    response = admin_client.post("/ops/backups/check/", {"name": name}, follow=True)
    assert "没有找到这个备份文件" in response.content.decode()
    assert not Job.objects.exists()


def test_restore_check_on_the_command_line_reads_only(admin_client, tree, person, var_dir):
    populate(tree, person)
    path = var_dir / "manual.tar.gz"
    call_command("backup", output=path, stdout=io.StringIO())
    out = io.StringIO()
    call_command("restore", str(path), check=True, stdout=out)
    assert "校验通过" in out.getvalue()
    assert Dispute.objects.count() == 1  # nothing replaced
    tamper(path)
    with pytest.raises(CommandError, match="校验未通过"):
        call_command("restore", str(path), check=True, stdout=io.StringIO())


def test_a_generated_district_is_a_job_with_its_progress_in_street_years(admin_client):
    response = admin_client.post(
        "/ops/generate/", {"streets": 1, "years": 2, "start_year": 2024, "scale": 0.01}
    )
    job = Job.objects.get()
    assert response["Location"] == f"/jobs/{job.pk}/"
    assert job.params == {"streets": 1, "years": 2, "start_year": 2024, "scale": 0.01}
    run_worker()
    job.refresh_from_db()
    assert job.state == State.DONE, job.error
    assert Organisation.objects.filter(code="gen-s01").exists()
    assert Dispute.objects.filter(org__code__startswith="gen-", received_on__year=2025).exists()
    assert job.total == 2 and "已生成测试数据" in job.summary


def test_a_cancelled_generation_says_what_it_kept(admin_client, monkeypatch):
    real = ops_jobs.generate

    def cancel_after_the_first(**size):
        ticks = size.pop("tick")

        def tick(done, total):
            if done == 1:  # the owner presses 取消 while the second 街道-year is due
                progress.request_cancel(Job.objects.get().pk)
            ticks(done, total)

        return real(tick=tick, **size)

    monkeypatch.setattr(ops_jobs, "generate", cancel_after_the_first)
    admin_client.post("/ops/generate/", {"streets": 2, "years": 1, "start_year": 2025, "scale": 0.01})
    run_worker()
    job = Job.objects.get()
    assert job.state == State.CANCELLED
    assert "此前生成的 1 个街道年度的数据已保留" in job.summary
    assert Dispute.objects.filter(org__code__startswith="gen-s01").exists()
    assert not Dispute.objects.filter(org__code__startswith="gen-s02").exists()
    assert job.summary in admin_client.get(f"/jobs/{job.pk}/").content.decode()


def test_generation_refuses_bad_sizes_in_chinese_and_keeps_the_input(admin_client):
    response = admin_client.post(
        "/ops/generate/", {"streets": 0, "years": "两", "start_year": 2024, "scale": 5}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "街道数不能小于 1" in page and "年数须为数字" in page and "记录数倍率不能大于 1.0" in page
    assert 'value="2024"' in page and not Job.objects.exists()


def test_production_offers_no_generation(admin_client, settings):
    settings.PRODUCTION = True
    assert "生成测试数据" not in admin_client.get("/ops/backups/").content.decode()
    assert admin_client.post("/ops/generate/", {"streets": 1, "years": 1, "scale": 0.01}).status_code == 403
    assert not Job.objects.exists()
