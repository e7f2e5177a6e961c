"""The system administrator's 数据备份 page: the backups on the server, a backup now, checking one, and on an
installation that is not production a generated test district. Each is a job with its progress page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.dates import today
from fazhi.jobs import services as jobs_services
from fazhi.jobs.models import Kind
from fazhi.orgs.scoping import role_codes

from . import backups, jobs

ROLE = "sys_admin"


def _system_admin(request) -> None:
    if ROLE not in role_codes(request.user):
        raise PermissionDenied("数据备份页面仅供系统管理员使用。")


class GenerateForm(forms.Form):
    # A full district (10 × 5 × 1.0, about 1.5 million rows) takes some minutes; more is for the command.
    streets = forms.IntegerField(label="街道数", initial=2, min_value=1, max_value=10)
    years = forms.IntegerField(label="年数", initial=2, min_value=1, max_value=5)
    scale = forms.FloatField(
        label="记录数倍率",
        initial=0.05,
        min_value=0.01,
        max_value=1.0,
        help_text="1.0 为每街道每年约3000件纠纷",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = today().year  # a form's bounds that move with the calendar are made per form
        self.fields["start_year"] = forms.IntegerField(
            label="起始年份", initial=this_year - 1, min_value=2015, max_value=this_year
        )
        self.order_fields(["streets", "years", "start_year", "scale"])
        for field in self.fields.values():
            field.error_messages.update(
                required=f"请填写{field.label}。",
                invalid=f"{field.label}须为数字。",
                min_value=f"{field.label}不能小于 %(limit_value)s。",
                max_value=f"{field.label}不能大于 %(limit_value)s。",
            )


def _page(request, form=None, status=200):
    _system_admin(request)
    context = {
        "backups": backups.listed(),
        "folder": backups.folder(),
        "jobs": jobs_services.visible_to(request.user).filter(kind=Kind.OPS)[:10],
        "generation_allowed": jobs.generation_allowed(),
        "form": form or GenerateForm(),
    }
    return render(request, "ops/backups.html", context, status=status)


@login_required
def backups_page(request):
    return _page(request)


@login_required
@require_POST
def backup_now(request):
    _system_admin(request)
    return redirect(jobs.queue_backup(request.user))


@login_required
@require_POST
def check(request):
    _system_admin(request)
    name = request.POST.get("name", "")
    if backups.backup_path(name) is None:
        messages.error(request, "没有找到这个备份文件；请从列表中选择。")
        return redirect("ops:backups")
    return redirect(jobs.queue_check(request.user, name))


@login_required
@require_POST
def generate(request):
    _system_admin(request)
    if not jobs.generation_allowed():
        raise PermissionDenied("生产环境（FAZHI_ENV=production）不生成测试数据。")
    form = GenerateForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    return redirect(jobs.queue_generate(request.user, **form.cleaned_data))
