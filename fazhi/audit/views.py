"""The audit administrator's filtered view of the trail (审计管理员)."""

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from fazhi.dates import DATE_INPUT_ATTRS
from fazhi.orgs.scoping import role_codes
from fazhi.paging import paginate

from .models import Action, AuditEntry
from .readable import Reader


class AuditFilter(forms.Form):
    actor = forms.CharField(label="操作人", required=False)
    action = forms.ChoiceField(label="操作", required=False, choices=[("", "全部"), *Action.choices])
    target = forms.CharField(label="对象（编号或名称）", required=False)
    start = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs=DATE_INPUT_ATTRS))
    end = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs=DATE_INPUT_ATTRS))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("起始日期不能晚于截止日期，请重新选择。")
        return data


def filtered(form: AuditFilter):
    entries = AuditEntry.objects.all().order_by("-seq")
    if not form.is_valid():
        return entries.none()
    data = form.cleaned_data
    if data["actor"]:
        entries = entries.filter(actor_name__icontains=data["actor"])
    if data["action"]:
        entries = entries.filter(action=data["action"])
    if data["target"]:
        entries = entries.filter(target_repr__icontains=data["target"]) | entries.filter(
            target_id=data["target"]
        )
    if data["start"]:
        entries = entries.filter(at__date__gte=data["start"])
    if data["end"]:
        entries = entries.filter(at__date__lt=data["end"] + datetime.timedelta(days=1))
    return entries


@login_required
def trail(request):
    if "audit_admin" not in role_codes(request.user):
        raise PermissionDenied("只有审计管理员可以查看审计日志。")
    form = AuditFilter(request.GET or None)
    entries = filtered(form) if request.GET else AuditEntry.objects.order_by("-seq")
    context = paginate(request, entries, per_page=50)
    context["rows"] = Reader(context["page"].object_list).rows()
    return render(request, "audit/trail.html", {"form": form, **context})
