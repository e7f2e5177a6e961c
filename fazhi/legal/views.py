"""Pages of the legality review ledger. Every queryset starts from ReviewItem.objects.visible_to(user)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from fazhi.ledger.errors import FazhiError
from fazhi.ledger.services import today
from fazhi.orgs.scoping import visible_orgs
from fazhi.web.forms import add_service_error
from fazhi.web.paging import paginate

from . import forms, services
from .filters import base_queryset, filter_items
from .models import CONCLUDED, STATES, ReviewKind, ReviewOpinion
from .opinion_letter import opinion_docx
from .timeline import timeline

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def item_list(request):
    queryset = filter_items(base_queryset(request.user), request.GET)
    return render(
        request,
        "legal/list.html",
        {
            **paginate(request, queryset),
            "params": request.GET,
            "states": STATES.choices,
            "kinds": ReviewKind.choices,
            "opinions": ReviewOpinion.choices,
            "orgs": visible_orgs(request.user),
        },
    )


@login_required
def submit(request):
    form = forms.SubmitForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.submit(request.user, **form.cleaned_data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            due = f"，审查期限{item.due_date:%Y年%m月%d日}" if item.due_date else ""
            messages.success(request, f"已送审：{item.number}{due}。")
            return redirect("legal:detail", pk=item.pk)
    return render(request, "legal/submit.html", {"form": form})


@login_required
def detail(request, pk: int):
    item = get_object_or_404(base_queryset(request.user), pk=pk)
    rounds = list(item.rounds.select_related("reviewer_org", "reviewer"))
    for r in rounds:
        r.warning = services.timing_warning(r) if r.opinion_on else ""
    return render(
        request,
        "legal/detail.html",
        {
            "item": item,
            "rounds": rounds,
            "events": timeline(item),
            "allowed": STATES.allowed(item.status),
            "may_file": item.requires_filing
            and item.status == CONCLUDED
            and item.opinion != ReviewOpinion.UNLAWFUL
            and not item.filed_on,
        },
    )


@login_required
def letter(request, pk: int, seq: int):
    item = get_object_or_404(base_queryset(request.user), pk=pk)
    try:
        round_ = services.letter_round(item, seq)
    except FazhiError as exc:
        raise Http404(exc.message) from exc
    services.audit_letter_download(request.user, item, round_)
    response = HttpResponse(opinion_docx(item, round_), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''legal-opinion-{item.pk}-{seq}.docx"
    return response


# --- one form per action: GET shows it, POST runs the service, errors keep the input -----------

ACTIONS = {
    # URL name: (form class, page title)
    "edit": (forms.DetailsForm, "修改基本信息"),
    "assign": (forms.AssignForm, "指派审查"),
    "conclude": (forms.ConcludeForm, "出具审查意见"),
    "return": (forms.ReturnForm, "退回修改"),
    "resubmit": (forms.ResubmitForm, "修改后重新送审"),
    "withdraw": (forms.WithdrawForm, "撤回"),
    "filing": (forms.FilingForm, "合同备案"),
}


def _run(name: str, user, item, data: dict):
    version = data.pop("version")
    if name == "edit":
        return services.update_details(user, item, version, **data)
    if name == "assign":
        return services.assign(user, item, version, data["reviewer_org"], data["reviewer"])
    if name == "conclude":
        return services.conclude(user, item, version, **data)
    if name == "return":
        return services.return_for_revision(user, item, version, **data)
    if name == "resubmit":
        return services.resubmit(user, item, version, **data)
    if name == "withdraw":
        return services.withdraw(user, item, version, **data)
    return services.file_contract(user, item, version, **data)


def _initial(name: str, user, item) -> dict:
    initial = {"version": item.version}
    if name == "edit":
        initial |= {field: getattr(item, field) for field in services.EDITABLE}
    elif name == "assign":
        initial |= {"reviewer_org": item.reviewer_org_id, "reviewer": item.reviewer_id}
    elif name == "conclude":
        initial |= {"opinion_on": today(), "opinion": ReviewOpinion.LAWFUL, "letter_issued": True}
    elif name == "return":
        initial |= {"opinion_on": today(), "letter_issued": True}
    elif name == "resubmit":
        initial |= {"submitted_on": today()}
    elif name == "filing":
        initial |= {"filed_on": today()}
    return initial


@login_required
def item_action(request, pk: int, name: str):
    if name not in ACTIONS:
        raise Http404("没有这个操作。")
    item = get_object_or_404(base_queryset(request.user, write=True), pk=pk)
    form_class, title = ACTIONS[name]
    kwargs = {"user": request.user, "item": item} if name == "assign" else {}
    if request.method == "POST":
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            try:
                saved = _run(name, request.user, item, dict(form.cleaned_data))
            except FazhiError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, f"{title}已保存。")
                if name in ("conclude", "return"):
                    current = saved.rounds.order_by("-seq").first()
                    if warning := services.timing_warning(current):
                        messages.warning(request, warning)
                return redirect("legal:detail", pk=item.pk)
    else:
        form = form_class(initial=_initial(name, request.user, item), **kwargs)
    return render(request, "legal/action.html", {"item": item, "form": form, "title": title, "name": name})
