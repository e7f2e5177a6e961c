"""The dashboard of one organisation and the district's side-by-side page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from fazhi.dates import today
from fazhi.db import reads_from_replica
from fazhi.errors import FazhiError, NotPermitted
from fazhi.orgs.models import Kind
from fazhi.orgs.scoping import can_write, visible_orgs
from fazhi.web.views import deadline_board

from . import dashboard as board
from . import drill
from .access import UnknownOrganisation, org_for, period_from, selectable_orgs, this_year
from .manual import set_value
from .models import ManualFigure, ManualValue

FIRST_YEAR = 2020


def _resolve(request):
    """(org, period) from the query, as the API resolves them; refusals become 403/404 pages."""
    try:
        org = org_for(request.user, request.GET.get("org"))
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except UnknownOrganisation as exc:
        raise Http404(exc.message) from exc
    try:
        period = period_from(request.GET)
    except FazhiError as exc:
        messages.error(request, f"{exc.message}（已改为显示今年的数据）")
        period = this_year()
    return org, period


def _filters(request, org, period):
    return {
        "years": list(range(today().year, FIRST_YEAR - 1, -1)),
        "months": list(range(1, 13)),
        "selected_year": period.start.year,
        "from_month": request.GET.get("from_month", ""),
        "to_month": request.GET.get("to_month", ""),
    }


@login_required
@reads_from_replica
def dashboard(request):
    org, period = _resolve(request)
    deadlines = deadline_board(request.user)
    for key in ("overdue", "due_soon"):
        deadlines[key] = [r for r in deadlines[key] if r.org.path.startswith(org.path)]
    query = request.GET.copy()
    query["org"] = org.code
    kpis, trend = board.kpis_and_trend(org, period)
    for kpi in kpis:  # 查看台账: the records the figure was counted from
        kpi["list_url"] = drill.list_url(kpi["code"], org, period)
    context = {
        "org": org,
        "period": period,
        "orgs": selectable_orgs(request.user),
        "kpis": kpis,
        "chart_data": {"trend": trend, "breakdowns": board.breakdowns(org, period)},
        "export_url": f"{reverse('api:figure-export')}?{query.urlencode()}",
        "can_see_district": visible_orgs(request.user).filter(kind=Kind.DISTRICT).exists(),
        **deadlines,
        **_filters(request, org, period),
    }
    context["breakdown_list"] = context["chart_data"]["breakdowns"]
    return render(request, "figures/dashboard.html", context)


@login_required
@reads_from_replica
def district(request):
    districts = visible_orgs(request.user).filter(kind=Kind.DISTRICT).order_by("path")
    if not districts.exists():
        raise PermissionDenied("区级对比页面仅供区级审阅人员查看。")
    chosen = districts.first()
    if request.GET.get("org"):
        chosen, _ = _resolve(request)
        if chosen.kind != Kind.DISTRICT:
            raise Http404("该单位不是区，请从列表中选择一个区。")
    try:
        period = period_from(request.GET)
    except FazhiError as exc:
        messages.error(request, f"{exc.message}（已改为显示今年的数据）")
        period = this_year()
    per_residents = request.GET.get("per") == "wan"
    data = board.side_by_side(chosen, period, per_residents=per_residents)
    for row in data["rows"]:
        for org, cell in zip(data["columns"], row["cells"], strict=True):
            cell["list_url"] = drill.list_url(row["code"], org, period)
    context = {
        "district": chosen,
        "districts": districts,
        "period": period,
        "columns": data["columns"],
        "rows": data["rows"],
        "per_residents": per_residents,
        "without_residents": data["without_residents"],
        "chart_data": {"district": data["chart"]},
        **_filters(request, chosen, period),
    }
    return render(request, "figures/district.html", context)


@login_required
def manual(request):
    """Enter an organisation's hand-entered figures for a year (those no ledger records)."""
    org, period = _resolve(request)
    year = period.start.year
    writable = can_write(request.user, org)
    figures = list(ManualFigure.objects.filter(kind=ManualFigure.Kind.HAND_ENTERED))
    errors = {}
    if request.method == "POST":
        if not writable:
            raise PermissionDenied(f"您无权填报“{org.name}”的指标。")
        saved = 0
        with transaction.atomic():  # all or nothing: a bad number leaves every figure as it was
            for fig in figures:
                raw = request.POST.get(fig.code, "").strip()
                if not raw:
                    continue
                note = request.POST.get(f"{fig.code}-note", "")
                try:
                    set_value(request.user, fig.code, org, year, raw, note=note)
                    saved += 1
                except FazhiError as exc:
                    errors[fig.code] = exc.message
            if errors:
                transaction.set_rollback(True)
        if not errors:
            messages.success(request, f"已保存{org.name}{year}年的{saved}项指标。")
            return redirect(f"{reverse('figures:manual')}?org={org.code}&year={year}")
    own = {
        v.figure_id: v
        for v in ManualValue.objects.filter(org=org, year=year, figure__in=figures).select_related(
            "entered_by"
        )
    }
    rows = [
        {
            "figure": fig,
            "row": own.get(fig.pk),
            "posted": request.POST.get(fig.code, "") if errors else None,
            "error": errors.get(fig.code, ""),
        }
        for fig in figures
    ]
    context = {
        "org": org,
        "year": year,
        "rows": rows,
        "writable": writable,
        "orgs": visible_orgs(request.user, write=True).order_by("path") if writable else [org],
        "years": list(range(today().year, FIRST_YEAR - 1, -1)),
    }
    return render(request, "figures/manual.html", context, status=400 if errors else 200)
