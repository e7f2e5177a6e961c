"""Pages of the dispute ledger. Every queryset starts from Dispute.objects.visible_to(user)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.ledger.errors import FazhiError
from fazhi.ledger.parties import masked_parties
from fazhi.ledger.services import reveal_parties, today
from fazhi.orgs.scoping import sees_personal_data, visible_orgs
from fazhi.web.forms import add_service_error
from fazhi.web.paging import paginate

from . import forms, services
from .agreement import agreement_docx
from .filters import base_queryset, filter_disputes
from .models import DISPATCHED, STATES, SUCCESS, Channel, DisputeType
from .timeline import timeline

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _list_context(request, queryset, title: str) -> dict:
    return {
        **paginate(request, queryset.prefetch_related("parties")),
        "title": title,
        "params": request.GET,
        "states": STATES.choices,
        "channels": Channel.choices,
        "types": DisputeType.objects.all(),
        "orgs": visible_orgs(request.user),
        "today": today(),
    }


@login_required
def dispute_list(request):
    queryset = filter_disputes(base_queryset(request.user), request.GET, user=request.user)
    return render(request, "disputes/list.html", _list_context(request, queryset, "矛盾纠纷台账"))


@login_required
def inbox(request):
    """Disputes dispatched to the person's own units and not yet taken up."""
    own_units = request.user.roles.values_list("org", flat=True)
    queryset = base_queryset(request.user).filter(status=DISPATCHED, org__in=own_units)
    context = _list_context(
        request, filter_disputes(queryset, request.GET, user=request.user), "待办收件箱（分派给本单位）"
    )
    context["inbox"] = True
    return render(request, "disputes/list.html", context)


@login_required
def intake(request):
    user = request.user
    form = forms.IntakeForm(request.POST or None, user=user)
    parties = forms.PartyFormSet(request.POST or None, prefix="p", initial=forms.PARTY_ROWS)
    if request.method == "POST" and form.is_valid() and parties.is_valid():
        rows = [services.PartyData(**p.cleaned_data) for p in parties if p.has_changed() and p.cleaned_data]
        data = dict(form.cleaned_data)
        units = list(data.pop("assisting_units", []))
        try:
            dispute = services.intake(user, parties=rows, assisting_units=units, **data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"已登记：{dispute.number}，办理期限{dispute.due_date:%Y年%m月%d日}。")
            return redirect("disputes:detail", pk=dispute.pk)
    return render(request, "disputes/intake.html", {"form": form, "parties": parties})


@login_required
def detail(request, pk: int):
    dispute = get_object_or_404(base_queryset(request.user), pk=pk)
    parties = masked_parties(request.user, dispute)
    return render(
        request,
        "disputes/detail.html",
        {
            "d": dispute,
            "parties": parties,
            "events": timeline(dispute),
            "may_reveal": sees_personal_data(request.user, dispute.org),
            "allowed": STATES.allowed(dispute.status),
            # Dispatching needs the right to write the target unit too (a 街道-level person usually).
            "can_dispatch": forms.DispatchForm(user=request.user, dispute=dispute)
            .fields["to_org"]
            .queryset.exists(),
            "is_success": dispute.status == SUCCESS,
        },
    )


@login_required
@require_POST
def reveal(request, pk: int):
    dispute = get_object_or_404(base_queryset(request.user), pk=pk)
    try:
        revealed = reveal_parties(request.user, dispute)
    except FazhiError as exc:
        return HttpResponse(exc.message, status=403)
    return render(request, "disputes/_revealed.html", {"parties": revealed})


@login_required
def agreement(request, pk: int):
    dispute = get_object_or_404(base_queryset(request.user), pk=pk, status=SUCCESS)
    parties = masked_parties(request.user, dispute, in_file=True)
    with transaction.atomic():
        record(Action.EXPORT, actor=request.user, target=dispute, changes={"导出": [None, "人民调解协议书"]})
    response = HttpResponse(agreement_docx(dispute, parties), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''agreement-{dispute.pk}.docx"
    return response


# --- one form per action: GET shows it, POST runs the service, errors keep the input -----------

ACTIONS = {
    # URL name: (form class, page title)
    "edit": (forms.DetailsForm, "修改基本信息"),
    "dispatch": (forms.DispatchForm, "分派/委派"),
    "session": (forms.SessionForm, "登记调解记录"),
    "conclude": (forms.ConcludeForm, "办结"),
    "withdraw": (forms.WithdrawForm, "撤回"),
    "confirmation": (forms.ConfirmationForm, "司法确认"),
    "visit": (forms.VisitForm, "回访"),
}


def _run(name: str, user, dispute, data: dict):
    version = data.pop("version")
    if name == "edit":
        return services.update_details(user, dispute, version, **data)
    if name == "dispatch":
        return services.dispatch(user, dispute, version, data["to_org"], data["note"])
    if name == "session":
        return services.add_session(user, dispute, version, **data)
    if name == "conclude":
        outcome = data.pop("outcome")
        if outcome == "success":
            for key in ("referred_to", "reason"):
                data.pop(key)
            return services.conclude_success(user, dispute, version, **data)
        return services.conclude_failure(
            user,
            dispute,
            version,
            concluded_on=data["concluded_on"],
            referred_to=data["referred_to"],
            reason=data["reason"],
        )
    if name == "withdraw":
        return services.withdraw(user, dispute, version, **data)
    if name == "confirmation":
        return services.record_confirmation(user, dispute, version, **data)
    return services.record_visit(user, dispute, version, **data)


def _initial(name: str, user, dispute) -> dict:
    initial = {"version": dispute.version}
    if name == "edit":
        for field in services.EDITABLE:
            initial[field] = getattr(dispute, field)
    elif name == "session":
        initial |= {"held_on": today(), "mediators": getattr(user, "full_name", "") or str(user)}
    elif name in ("conclude", "withdraw"):
        initial |= {"concluded_on": today(), "outcome": "success"}
    elif name == "confirmation":
        initial |= {"applied_on": today(), "result": "pending"}
    elif name == "visit":
        initial |= {"visited_on": today(), "satisfaction": "satisfied"}
    return initial


@login_required
def dispute_action(request, pk: int, name: str):
    if name not in ACTIONS:
        raise Http404("没有这个操作。")
    dispute = get_object_or_404(base_queryset(request.user, write=True), pk=pk)
    form_class, title = ACTIONS[name]
    kwargs = {"user": request.user, "dispute": dispute} if name == "dispatch" else {}
    if request.method == "POST":
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            try:
                _run(name, request.user, dispute, dict(form.cleaned_data))
            except FazhiError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, f"{title}已保存。")
                return redirect("disputes:detail", pk=dispute.pk)
    else:
        form = form_class(initial=_initial(name, request.user, dispute), **kwargs)
    return render(request, "disputes/action.html", {"d": dispute, "form": form, "title": title, "name": name})
