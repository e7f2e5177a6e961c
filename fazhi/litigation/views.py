"""Pages of reconsideration and litigation, suggestions and reminders. Every queryset starts from
``Model.objects.visible_to(user)`` (through the filters module)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fazhi.deadlines.engine import due_for_rule
from fazhi.ledger.attachments import attachments_of
from fazhi.ledger.errors import FazhiError
from fazhi.ledger.history import audit_events
from fazhi.ledger.parties import masked_parties
from fazhi.ledger.services import reveal_parties, today
from fazhi.orgs.scoping import sees_personal_data, visible_orgs
from fazhi.web.forms import add_service_error
from fazhi.web.paging import paginate

from . import forms, services
from .filters import (
    case_queryset,
    filter_cases,
    filter_reminders,
    filter_suggestions,
    reminder_queryset,
    suggestion_queryset,
)
from .models import (
    CASE_STATES,
    REPLY_RULES,
    AnalysisMeeting,
    CaseKind,
    CaseStage,
    LitigationOutcome,
    Reminder,
    Suggestion,
    SuggestionKind,
)


def _page(request, queryset):
    return {**paginate(request, queryset), "params": request.GET, "today": today()}


# --- cases ---------------------------------------------------------------------------------------------


@login_required
def case_list(request):
    queryset = filter_cases(case_queryset(request.user), request.GET, user=request.user).prefetch_related(
        "parties"
    )
    context = _page(request, queryset) | {
        "states": CASE_STATES.choices,
        "kinds": CaseKind.choices,
        "outcomes": LitigationOutcome.choices,
        "orgs": visible_orgs(request.user),
    }
    return render(request, "litigation/list.html", context)


@login_required
def case_new(request):
    user = request.user
    form = forms.CaseForm(request.POST or None, user=user)
    parties = forms.PartyFormSet(request.POST or None, prefix="p", initial=forms.PARTY_ROWS)
    if request.method == "POST" and form.is_valid() and parties.is_valid():
        rows = [services.PartyData(**p.cleaned_data) for p in parties if p.has_changed() and p.cleaned_data]
        try:
            case = services.register_case(user, parties=rows, **form.cleaned_data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            due = f"，答辩（答复）期限{case.reply_due:%Y年%m月%d日}" if case.reply_due else ""
            messages.success(request, f"已登记：{case.number}{due}。")
            return redirect("litigation:detail", pk=case.pk)
    return render(request, "litigation/case_form.html", {"form": form, "parties": parties})


@login_required
def case_detail(request, pk: int):
    case = get_object_or_404(case_queryset(request.user), pk=pk)
    parties = masked_parties(request.user, case)
    explanation = []
    if case.reply_due:
        explanation = due_for_rule(REPLY_RULES[case.kind], case.copy_received_on).explanation
    appeal = services.appeal_deadline(case)
    return render(
        request,
        "litigation/detail.html",
        {
            "c": case,
            "parties": parties,
            "documents": case.documents.select_related("attachment"),
            "hearings": case.hearings.all(),
            "meetings": case.meetings.all(),
            "follow_ups": case.follow_ups.all(),
            "attachments": attachments_of(case),
            "explanation": explanation,
            "appeal": appeal,
            "today": today(),
            "events": audit_events(case),
            "may_reveal": sees_personal_data(request.user, case.org),
            "allowed": CASE_STATES.allowed(case.status),
        },
    )


@login_required
@require_POST
def case_reveal(request, pk: int):
    case = get_object_or_404(case_queryset(request.user), pk=pk)
    try:
        revealed = reveal_parties(request.user, case)
    except FazhiError as exc:
        return HttpResponse(exc.message, status=403)
    return render(request, "litigation/_revealed.html", {"parties": revealed})


CASE_ACTIONS = {
    # URL name: (form class, page title)
    "edit": (forms.CaseEditForm, "修改案件信息"),
    "reply": (forms.ReplyForm, "登记答辩（答复）"),
    "document": (forms.DocumentForm, "登记收到文书"),
    "hearing": (forms.HearingForm, "登记庭审"),
    "conclude": (forms.ConcludeForm, "结案"),
    "appeal": (forms.AppealForm, "登记上诉或再审"),
}


def _run_case(name: str, user, case, data: dict):
    if name == "appeal":
        return services.appeal(user, case, **data)
    version = data.pop("version")
    if name == "edit":
        return services.update_case(user, case, version, **data)
    if name == "reply":
        return services.record_reply(user, case, version, **data)
    if name == "document":
        return services.add_document(user, case, version, **data)
    if name == "hearing":
        return services.add_hearing(user, case, version, **data)
    return services.conclude(user, case, version, **data)


def _case_initial(name: str, case) -> dict:
    initial = {"version": case.version}
    if name == "edit":
        initial |= {field: getattr(case, field) for field in services.CASE_EDITABLE}
    elif name == "reply":
        initial["replied_on"] = today()
    elif name == "document":
        initial["received_on"] = today()
    elif name == "hearing":
        initial["held_on"] = today()
    elif name == "conclude":
        initial["concluded_on"] = today()
    elif name == "appeal":
        initial |= {"stage": CaseStage.APPEAL, "copy_received_on": today(), "court": "杭州市中级人民法院"}
    return initial


@login_required
def case_action(request, pk: int, name: str):
    if name not in CASE_ACTIONS:
        raise Http404("没有这个操作。")
    case = get_object_or_404(case_queryset(request.user, write=True), pk=pk)
    form_class, title = CASE_ACTIONS[name]
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = _run_case(name, request.user, case, dict(form.cleaned_data))
            except FazhiError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, f"{title}已保存。")
                return redirect("litigation:detail", pk=result.pk)
    else:
        form = form_class(initial=_case_initial(name, case))
    return render(
        request,
        "litigation/action.html",
        {"record": case, "back": "litigation:detail", "form": form, "title": title},
    )


# --- analysis meetings -----------------------------------------------------------------------------------


@login_required
def meeting_list(request):
    queryset = (
        AnalysisMeeting.objects.filter(org__in=visible_orgs(request.user))
        .select_related("org")
        .prefetch_related("cases")
    )
    return render(request, "litigation/meetings.html", _page(request, queryset))


@login_required
def meeting_new(request):
    cases = case_queryset(request.user).filter(org__in=visible_orgs(request.user, write=True))
    form = forms.MeetingForm(request.POST or None, user=request.user, cases=cases)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.record_meeting(request.user, cases=list(data.pop("cases")), **data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "涉诉案件分析会已登记。")
            return redirect("litigation:meetings")
    return render(request, "litigation/form.html", {"form": form, "title": "登记涉诉案件分析会",
                                                     "back": "litigation:meetings"})  # fmt: skip


# --- suggestions ------------------------------------------------------------------------------------------


@login_required
def suggestion_list(request):
    queryset = filter_suggestions(suggestion_queryset(request.user), request.GET)
    context = _page(request, queryset) | {
        "kinds": SuggestionKind.choices,
        "states": Suggestion.STATES.choices,
        "orgs": visible_orgs(request.user),
    }
    return render(request, "litigation/suggestions.html", context)


@login_required
def suggestion_new(request):
    form = forms.SuggestionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.receive_suggestion(request.user, **form.cleaned_data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            due = f"，回复期限{item.reply_due:%Y年%m月%d日}" if item.reply_due else "，未填写回复期限"
            messages.success(request, f"已登记：{item.number}{due}。")
            return redirect("litigation:suggestion", pk=item.pk)
    return render(request, "litigation/form.html", {"form": form, "title": "登记司法建议书或检察建议书",
                                                     "back": "litigation:suggestions"})  # fmt: skip


@login_required
def suggestion_detail(request, pk: int):
    item = get_object_or_404(suggestion_queryset(request.user), pk=pk)
    return render(request, "litigation/suggestion.html", {"s": item, "events": audit_events(item)})


@login_required
def suggestion_edit(request, pk: int):
    item = get_object_or_404(suggestion_queryset(request.user, write=True), pk=pk)
    initial = {name: getattr(item, name) for name in services.SUGGESTION_EDITABLE} | {"version": item.version}
    form = forms.SuggestionEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_suggestion(request.user, item, data.pop("version"), **data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "建议书信息已保存。")
            return redirect("litigation:suggestion", pk=item.pk)
    return render(
        request,
        "litigation/action.html",
        {"record": item, "back": "litigation:suggestion", "form": form, "title": "修改建议书信息"},
    )


@login_required
def suggestion_reply(request, pk: int):
    item = get_object_or_404(suggestion_queryset(request.user, write=True), pk=pk)
    form = forms.SuggestionReplyForm(
        request.POST or None, initial={"version": item.version, "replied_on": today()}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.reply_suggestion(request.user, item, data.pop("version"), **data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "回复已登记。")
            return redirect("litigation:suggestion", pk=item.pk)
    return render(
        request,
        "litigation/action.html",
        {"record": item, "back": "litigation:suggestion", "form": form, "title": "登记回复"},
    )


# --- reminders ------------------------------------------------------------------------------------------


@login_required
def reminder_list(request):
    queryset = filter_reminders(reminder_queryset(request.user), request.GET)
    context = _page(request, queryset) | {
        "states": Reminder.STATES.choices,
        "orgs": visible_orgs(request.user),
    }
    return render(request, "litigation/reminders.html", context)


@login_required
def reminder_new(request):
    form = forms.ReminderForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.issue_reminder(request.user, **form.cleaned_data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"已登记：{item.number}。")
            return redirect("litigation:reminder", pk=item.pk)
    return render(request, "litigation/form.html", {"form": form, "title": "发出法治督察提醒函",
                                                     "back": "litigation:reminders"})  # fmt: skip


@login_required
def reminder_detail(request, pk: int):
    item = get_object_or_404(reminder_queryset(request.user), pk=pk)
    return render(request, "litigation/reminder.html", {"r": item, "events": audit_events(item)})


@login_required
def reminder_follow_up(request, pk: int):
    item = get_object_or_404(reminder_queryset(request.user, write=True), pk=pk)
    form = forms.FollowUpForm(request.POST or None, initial={"version": item.version, "followed_on": today()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.record_follow_up(request.user, item, data.pop("version"), **data)
        except FazhiError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "整改反馈已登记。")
            return redirect("litigation:reminder", pk=item.pk)
    return render(
        request,
        "litigation/action.html",
        {"record": item, "back": "litigation:reminder", "form": form, "title": "登记整改反馈"},
    )
