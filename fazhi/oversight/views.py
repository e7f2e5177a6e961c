"""Pages of the oversight items: suggestions received (the work line's list, /oversight/) and the
法治督察提醒函 (/oversight/reminders/). Every queryset starts from ``Model.objects.visible_to(user)``
(through the filters module)."""

from fazhi.dates import today
from fazhi.ledger.pages import (
    LedgerPages,
    ListPage,
    NewPage,
    PageAction,
    allows,
    current,
    in_status,
    is_open,
    on_today,
)

from . import forms, services
from .filters import REMINDER_FILTERS, SUGGESTION_FILTERS, reminder_queryset, suggestion_queryset
from .letters import reply_letter
from .models import APPROVED, CLOSED, DRAFTED, REPLIED, WAITING
from .timeline import item_parts, reminder_timeline, suggestion_timeline

# --- suggestions ------------------------------------------------------------------------------------------


def _not_closed(record, user) -> bool:
    return record.status != CLOSED


SUGGESTION_ACTIONS = {
    "assign": PageAction(
        "分办承办单位",
        forms.AssignForm,
        services.assign_unit,
        initial=on_today("assigned_on"),
        available=_not_closed,
        form_context=True,
        secondary=True,
    ),
    "contact": PageAction(
        "登记沟通（面商）",
        forms.ContactForm,
        services.record_contact,
        initial=on_today("on"),
        available=_not_closed,
        secondary=True,
    ),
    "draft": PageAction(
        "起草答复",
        forms.DraftForm,
        services.draft_reply,
        initial=lambda item, user: {
            "drafted_on": today(),
            "reply_text": item.reply_text or reply_letter(item),
        },
        available=allows(DRAFTED),
    ),
    "approve": PageAction(
        "审核答复",
        forms.ApproveForm,
        services.approve_reply,
        initial=on_today("approved_on"),
        available=allows(APPROVED),
    ),
    "reply": PageAction(
        "登记回复",
        forms.SuggestionReplyForm,
        services.reply_suggestion,
        initial=lambda item, user: {"replied_on": today(), "reply_text": item.reply_text},
        available=in_status(WAITING, APPROVED),
    ),
    "satisfaction": PageAction(
        "登记满意度",
        forms.SatisfactionForm,
        services.record_satisfaction,
        initial=on_today("satisfaction_on"),
        available=in_status(REPLIED),
    ),
    "measure": PageAction(
        "添加整改措施", forms.MeasureForm, services.add_measure, available=_not_closed, secondary=True
    ),
    "measure_update": PageAction(
        "登记整改进展",
        forms.MeasureUpdateForm,
        services.update_measure,
        available=lambda item, user: item.status != CLOSED and item.measures.exists(),
        form_context=True,
        api_path="measure-update",
        secondary=True,
    ),
    "close": PageAction(
        "办结",
        forms.CloseForm,
        services.close_item,
        initial=on_today("closed_on"),
        available=in_status(REPLIED),
    ),
    "edit": PageAction(
        "修改基本信息",
        forms.SuggestionEditForm,
        services.update_suggestion,
        initial=current(*services.SUGGESTION_EDITABLE),
        label=lambda item: "修改",
        secondary=True,
        form_context=True,
    ),
}

SUGGESTION_PAGES = LedgerPages(
    namespace="oversight",
    queryset=suggestion_queryset,
    lists=(
        ListPage(
            "监督事项",
            "oversight/suggestions.html",
            SUGGESTION_FILTERS,
            empty="没有符合条件的监督事项。",
        ),
    ),
    new=NewPage(
        forms.SuggestionForm,
        services.receive_suggestion,
        "ledger/new.html",
        saved=lambda item: (
            f"已登记：{item.number}"
            + (f"，回复期限{item.due_label('reply_due')}" if item.reply_due else "，未填写回复期限")
            + "。"
        ),
        title="登记监督事项",
    ),
    detail_template="oversight/suggestion.html",
    detail=lambda request, item: {"events": suggestion_timeline(item), **item_parts(item)},
    actions=SUGGESTION_ACTIONS,
)


# --- reminders ------------------------------------------------------------------------------------------


REMINDER_PAGES = LedgerPages(
    namespace="oversight",
    prefix="reminders/",
    queryset=reminder_queryset,
    lists=(
        ListPage(
            "法治督察提醒函", "oversight/reminders.html", REMINDER_FILTERS, empty="没有符合条件的提醒函。"
        ),
    ),
    list_name="reminders",
    new=NewPage(
        forms.ReminderForm,
        services.issue_reminder,
        "ledger/new.html",
        saved=lambda item: f"已登记：{item.number}。",
        name="reminder_new",
        title="发出法治督察提醒函",
    ),
    detail_name="reminder",
    detail_template="oversight/reminder.html",
    detail=lambda request, item: {"events": reminder_timeline(item)},
    action_name="",
    actions={
        "follow_up": PageAction(
            "登记整改反馈",
            forms.FollowUpForm,
            services.record_follow_up,
            initial=on_today("followed_on"),
            available=is_open,
            api_path="follow-up",
        ),
    },
)
