"""What a list page does with the records ticked on it: 批量分派 and the other actions a ledger declares
in ``LedgerPages.bulk``, 导出所选 (the ledger's Excel export of just those records) and 打印所选 (their
print views one after another, each on its own sheet of paper).

A bulk action is the record's own action (``PageAction``: the same form, service and audit entry per
record), run for each ticked record in ONE transaction: if any record refuses, nothing is saved and the
page names every record that refused and why, with the form as it was filled."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from fazhi.errors import FazhiError

from .filtering import MAX_IDS, parse_id
from .registry import ledger_of

NOTHING_TICKED = "请先在列表中勾选要处理的记录。"
EXPORT, PRINT = "export", "print"


def ticked_ids(params) -> list[int]:
    """The ids ticked (``ids`` repeated, or comma-separated), malformed ones left out, at most MAX_IDS."""
    values = [part for value in params.getlist("ids") for part in value.split(",")]
    ids = [number for part in values if (number := parse_id(part)) is not None]
    return list(dict.fromkeys(ids))[:MAX_IDS]


def bulk_page(pages, request):
    params = request.POST if request.method == "POST" else request.GET
    what = params.get("do", "")
    ids = ticked_ids(params)
    back = reverse(f"{pages.namespace}:{pages.list_name}")
    if what not in (EXPORT, PRINT, *pages.bulk):
        messages.error(request, "请选择要对勾选记录进行的操作（批量处理、导出所选或打印所选）。")
        return redirect(back)
    write = what in pages.bulk
    records = list(pages.queryset(request.user, write=write).filter(pk__in=ids).order_by("pk"))
    if not records:
        messages.error(request, NOTHING_TICKED if not ids else "勾选的记录您无权处理，或已不存在。")
        return redirect(back)
    if what == EXPORT:
        return redirect(_export_url(records[0]) + "?" + _ids_query(records))
    if what == PRINT:
        return _print_all(pages, request, records)
    return _run_action(pages, request, what, records, back)


def _ids_query(records) -> str:
    query = QueryDict(mutable=True)
    query["ids"] = ",".join(str(record.pk) for record in records)
    return query.urlencode()


def _export_url(record) -> str:
    ledger = ledger_of(type(record))
    excel = next((e for e in (ledger.excel if ledger else ()) if e.model is type(record)), None)
    if excel is None:
        raise Http404("这类记录没有 Excel 导出。")
    return reverse(f"{excel.namespace}:{excel.name}excel_export")


def _print_all(pages, request, records):
    """Each record as its print view draws it (``LedgerPages.print_page``'s context), one after another."""
    sheets = []
    for record in records:
        context = pages.print_context(request, record) | {"bare": True}
        sheets.append((record, render_to_string(pages.detail_template, context, request=request)))
    back = reverse(f"{pages.namespace}:{pages.list_name}")
    return render(
        request,
        "ledger/print_many.html",
        {"sheets": sheets, "printing": True, "back_url": back, "count": len(records)},
    )


def _run_action(pages, request, name, records, back):
    action, user = pages.actions[name], request.user
    title = f"批量{action.title}"
    kwargs = action.form_kwargs(user, records[0])
    refusals = []
    if request.method == "POST" and "confirm" in request.POST:
        form = _without_version(action.form(request.POST, request.FILES, **kwargs))
        if form.is_valid():
            refusals = _run_all(action, user, records, form.cleaned_data)
            if not refusals:
                messages.success(request, f"{title}已保存：{len(records)}条记录。")
                return redirect(back)
    else:
        form = _without_version(action.form(initial=action.initial_for(records[0], user), **kwargs))
        refusals = [_unavailable(action, r) for r in records if not action.available(r, user)]
    context = {
        "title": title,
        "form": form,
        "records": records,
        "refusals": refusals,
        "action": name,
        "back": back,
    }
    return render(request, "ledger/bulk_action.html", context, status=409 if refusals else 200)


def _without_version(form):
    """Each record's own version is taken when it is locked (``_run_all``): the form asks for none."""
    if "version" in form.fields:
        form.fields["version"].required = False
    return form


def _unavailable(action, record) -> str:
    from .pages import unavailable_message  # pages imports this module to serve the bulk URL

    return unavailable_message(action, record)


def _run_all(action, user, records, cleaned) -> list[str]:
    """Run the action for every record, locked, in one transaction; the refusals, or [] when all saved."""
    refusals = []
    with transaction.atomic():
        locked = {
            r.pk: r
            for r in type(records[0]).objects.select_for_update().filter(pk__in=[r.pk for r in records])
        }
        for record in records:
            current = locked.get(record.pk)
            if current is None or not action.available(current, user):
                refusals.append(_unavailable(action, current or record))
                continue
            data = dict(cleaned)
            if "version" in data:
                data["version"] = current.version  # the person saw the list, not each record's page
            try:
                action.call(user, current, data)
            except FazhiError as exc:
                refusals.append(f"{getattr(current, 'number', current)}：{exc.message}")
        if refusals:
            transaction.set_rollback(True)
    return refusals
