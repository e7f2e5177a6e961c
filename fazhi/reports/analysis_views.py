"""Pages for analysing published reports: upload one or several, compare them, import a baseline.

Nothing is written to disk: results live in the response; what an import needs (the chosen value
per registry code) travels with the import form as a signed token. Not in the session: every request
saves the session (the idle timeout), so a request running alongside the analysis could overwrite it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from fazhi.errors import FazhiError
from fazhi.figures.manual import import_baseline
from fazhi.ledger.downloads import xlsx_download
from fazhi.orgs.scoping import visible_orgs

from . import jobs as report_jobs
from .analysis_excel import comparison_filename, comparison_payload, comparison_workbook
from .analysis_forms import (
    BaselineImportForm,
    UploadForm,
    baseline_candidates,
    figure_label,
    issuer_org,
    plain,
    read_upload,
    writable_orgs,
)
from .analyzer import ReportUnreadable, analyze

TOKEN_SALT = "fazhi.reports.analysis-import"
COMPARISON_SALT = "fazhi.reports.analysis-excel"
TOKEN_MAX_AGE = 2 * 60 * 60  # an analysis can be imported for two hours


def _require_ledger_role(user) -> None:
    if not visible_orgs(user).exists():
        raise PermissionDenied("报告分析仅供有台账角色的人员使用；如需使用，请联系系统管理员分配角色。")


def _remember(request, report, salt: str = TOKEN_SALT) -> str:
    """What the import (or the Excel download) needs, signed for this person: the form carries it back
    unaltered or not at all."""
    return signing.dumps({"user": request.user.pk, "report": report}, salt=salt, compress=True)


def _recall(request, token: str, salt: str = TOKEN_SALT):
    try:
        payload = signing.loads(token, salt=salt, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # altered, or older than TOKEN_MAX_AGE
        return None
    return payload["report"] if payload.get("user") == request.user.pk else None


def _figure_rows(result) -> list[dict]:
    rows = []
    for mention in result.figures:
        rows.append(
            {
                "mention": mention,
                "value": plain(mention.value),
                "base_value": plain(mention.base_value),
                "label": figure_label(mention.code),
            }
        )
    return rows


def _analyse(request, upload, can_import: bool) -> dict:
    entry = {"name": upload.name}
    data, problem = read_upload(upload)
    if problem:
        entry["error"] = problem
        return entry
    try:
        result = analyze(data, filename=upload.name)
    except ReportUnreadable as exc:
        entry["error"] = exc.message
        return entry
    candidates = baseline_candidates(result.figures)
    entry.update(
        result=result,
        figure_rows=_figure_rows(result),
        enumeration_items=sum(len(e.items) for e in result.enumerations),
        candidates=candidates,
        chosen={c["code"]: c for c in candidates},
    )
    if can_import and candidates:
        # Nothing is chosen for the person: the unit only when the report is its own (by the issuer),
        # the year only when the report says it, and no figure ticked.
        org = issuer_org(request.user, result.issuer)
        report = {"name": upload.name, "issuer": result.issuer, "year": result.year, "candidates": candidates}
        token = _remember(request, report)
        entry["import_form"] = BaselineImportForm(
            request.user, candidates, initial={"token": token, "year": result.year, "org": org, "codes": []}
        )
        entry["import_target"] = org
        entry["checked"] = []
    return entry


def _comparison(reports: list[dict]) -> list[dict]:
    """Rows for the codes at least two reports give a figure for; cells in the reports' order."""
    counts: dict[str, int] = {}
    for report in reports:
        for code in report["chosen"]:
            counts[code] = counts.get(code, 0) + 1
    shared = sorted(code for code, n in counts.items() if n >= 2)
    return [
        {
            "code": code,
            "label": figure_label(code),
            "cells": [report["chosen"].get(code) for report in reports],
        }
        for code in shared
    ]


def _mandated_matrix(reports: list[dict]) -> list[dict]:
    if not reports:
        return []
    rows = []
    for index, item in enumerate(reports[0]["result"].mandated):
        rows.append(
            {
                "label": item.label,
                "required": item.required,
                "cells": [report["result"].mandated[index] for report in reports],
            }
        )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def analysis(request):
    _require_ledger_role(request.user)
    can_import = writable_orgs(request.user).exists()
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    context = {"form": form, "can_import": can_import, "entries": []}
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["files"]
        if len(uploads) >= settings.FAZHI_JOB_ANALYSIS_FILES:  # many reports: the worker reads them in turn
            read = [(upload.name, *read_upload(upload)) for upload in uploads]
            if not any(problem for *_, problem in read):
                return redirect(
                    report_jobs.queue_analysis(request.user, [(name, data) for name, data, _ in read])
                )
            for upload in uploads:  # a file too large: the page names it, as for a few files
                upload.seek(0)
        entries = [_analyse(request, upload, can_import) for upload in uploads]
        reports = [e for e in entries if "result" in e]
        context.update(
            entries=entries,
            reports=reports,
            several=len(reports) > 1,
            matrix=_mandated_matrix(reports),
            comparison=_comparison(reports) if len(reports) > 1 else [],
            excel_token=_remember(request, comparison_payload(reports), COMPARISON_SALT)
            if len(reports) > 1
            else "",
        )
    return render(request, "reports/analysis/page.html", context)


@login_required
@require_POST
def analysis_excel(request):
    """The reports compared on the page, as an Excel workbook (figures per code, mandated items)."""
    _require_ledger_role(request.user)
    reports = _recall(request, request.POST.get("token", ""), COMPARISON_SALT)
    if not reports:
        context = {"form": UploadForm(), "entries": [], "excel_expired": True}
        return render(request, "reports/analysis/page.html", context, status=400)
    names = "、".join(report["issuer"] or report["name"] for report in reports)
    return xlsx_download(
        request.user,
        comparison_workbook(reports),
        filename=comparison_filename(reports),
        what=f"年度报告分析对比（{len(reports)}份：{names}）"[:200],
        target_type="reports.analysis",
    )


@login_required
@require_POST
def analysis_import(request):
    _require_ledger_role(request.user)
    if not writable_orgs(request.user).exists():
        raise PermissionDenied("您的角色只能查看，不能导入基线；请由本单位登记或法治办人员导入。")
    token = request.POST.get("token", "")
    report = _recall(request, token)
    if report is None:
        return render(
            request,
            "reports/analysis/import.html",
            {"expired": True},
            status=400,
        )
    form = BaselineImportForm(request.user, report["candidates"], data=request.POST)
    if form.is_valid() and request.POST.get("confirm") != "yes":
        return _confirm(request, report, form)
    if form.is_valid():
        org, year = form.cleaned_data["org"], form.cleaned_data["year"]
        try:
            outcome = import_baseline(request.user, org, year, form.figures())
        except FazhiError as exc:
            form.add_error(None, exc.message)
        else:
            return render(
                request,
                "reports/analysis/imported.html",
                {
                    "org": org,
                    "year": year,
                    "report": report,
                    "stored": [figure_label(code) or code for code in outcome["stored"]],
                    "kept": [figure_label(code) or code for code in outcome["kept"]],
                    "dashboard_url": f"{reverse('figures:dashboard')}?org={org.code}&year={year}",
                },
            )
    checked = request.POST.getlist("codes")
    return render(
        request,
        "reports/analysis/import.html",
        {"report": report, "form": form, "candidates": report["candidates"], "checked": checked},
        status=400,
    )


def _confirm(request, report: dict, form: BaselineImportForm):
    """Before anything is written: the unit, the year and each figure, by name, with the values."""
    org, year = form.cleaned_data["org"], form.cleaned_data["year"]
    chosen = set(form.cleaned_data["codes"])
    issuer = report.get("issuer")
    return render(
        request,
        "reports/analysis/confirm.html",
        {
            "report": report,
            "org": org,
            "year": year,
            "chosen": [c for c in report["candidates"] if c["code"] in chosen],
            "codes": sorted(chosen),
            "token": form.cleaned_data["token"],
            "other_issuer": issuer if not issuer or org.name not in issuer else None,
            "issuer_unknown": not issuer,
            "other_year": report.get("year") not in (None, year),
        },
    )
