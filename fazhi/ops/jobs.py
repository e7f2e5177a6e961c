"""The system administrator's long work, done by the worker with a progress page (issue 20):

- a backup now, besides the nightly one (the same archive as `fazhi backup`, written under var/backups/);
- checking a backup as restore would before writing anything (signature, checksums), beside the live system;
- generating a test district (`fazhi gen_data`) on an installation that is not production.

Restoring is not a job: it replaces every table, the jobs and the audit trail that would record it among
them, so it is done with the services stopped (`fazhi restore`, README "Installing in an office")."""

from django.conf import settings
from django.tasks import task
from django.urls import reverse

from fazhi.jobs import services as jobs
from fazhi.jobs.models import Kind
from fazhi.jobs.progress import Cancelled

from .backup import STEPS, BackupError, create_backup, default_output
from .backups import backup_path
from .gen import AlreadyGenerated, generate
from .restore import verify_backup

CHECK = "校验签名与每个文件"
GENERATE = "生成各台账数据"


def _back() -> str:
    return reverse("ops:backups")


def queue_backup(user):
    return jobs.create(user, Kind.OPS, "立即备份全部数据与附件", make_backup)


@task
def make_backup(job_id: int) -> str:
    # Packing is the last step and short; a cancel then would leave the archive half written.
    return jobs.run(job_id, _backup, STEPS, final=(STEPS[-1],), unit="项")


def _backup(job, progress) -> jobs.Outcome:
    output = default_output()

    def tick(step, done, total):
        progress.report(done, total=total, step=step)

    try:
        manifest = create_backup(output, tick)
    except (BackupError, OSError) as exc:
        raise jobs.Failed(f"备份失败：{exc}") from exc
    rows = sum(manifest["row_counts"].values())
    media = sum(1 for name in manifest["files"] if name.startswith("media/"))
    return jobs.Outcome(
        summary=f"已备份 {len(manifest['models'])} 张表共 {rows} 行、{media} 个附件文件到 {output.name}。",
        link=_back(),
    )


def queue_check(user, name: str):
    return jobs.create(user, Kind.OPS, f"校验备份：{name}", check_backup, params={"name": name})


@task
def check_backup(job_id: int) -> str:
    return jobs.run(job_id, _check, (CHECK,), unit="个文件")


def _check(job, progress) -> jobs.Outcome:
    name = job.params["name"]
    path = backup_path(name)
    if path is None:
        raise jobs.Failed(f"备份“{name}”已不在备份目录中，未校验。")
    try:
        manifest = verify_backup(path, lambda done, total: progress.report(done, total=total))
    except (BackupError, OSError) as exc:
        raise jobs.Failed(f"校验未通过：{exc}") from exc
    rows = sum(manifest["row_counts"].values())
    return jobs.Outcome(
        summary=(
            f"校验通过：{name} 签名有效，{len(manifest['files'])} 个文件的校验值全部相符"
            f"（{len(manifest['models'])} 张表共 {rows} 行，备份于 {manifest['created_at'][:19].replace('T', ' ')}），"
            "可用于恢复。"
        ),
        link=_back(),
    )


def generation_allowed() -> bool:
    """Generated records are fiction: never in a production database."""
    return not settings.PRODUCTION


def queue_generate(user, *, streets: int, years: int, start_year: int, scale: float):
    size = {"streets": streets, "years": years, "start_year": start_year, "scale": scale}
    label = f"生成测试数据：{streets}个街道 × {years}年（{start_year}年起，倍率{scale:g}）"
    return jobs.create(user, Kind.OPS, label, generate_district, params=size)


@task
def generate_district(job_id: int) -> str:
    return jobs.run(job_id, _generate, (GENERATE,), unit="个街道年度")


def _generate(job, progress) -> jobs.Outcome:
    if not generation_allowed():
        raise jobs.Failed("生产环境（FAZHI_ENV=production）不生成测试数据。")
    finished = []

    def tick(done, total):
        finished[:] = [done]
        progress.report(done, total=total)

    try:
        totals = generate(seed=1, out=lambda line: None, tick=tick, **job.params)
    except AlreadyGenerated as exc:
        raise jobs.Failed(str(exc)) from exc
    except Cancelled as stop:
        # Each 街道-year is its own transaction (others keep saving meanwhile): what was made stays.
        kept = finished[0] if finished else 0
        raise Cancelled(
            f"已按要求取消：此前生成的 {kept} 个街道年度的数据已保留（每个街道年度是一个整体）；"
            "如需清除，请换用空数据库。"
        ) from stop
    return jobs.Outcome(summary=f"已生成测试数据 {sum(totals.values()):,} 行（模拟区“gen”）。", link=_back())
