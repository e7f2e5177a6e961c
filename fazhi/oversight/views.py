"""Pages of the oversight items: suggestions received (the work line's list, /oversight/) and the
法治督察提醒函 (/oversight/reminders/). Every queryset starts from ``Model.objects.visible_to(user)``
(through the filters module)."""

from fazhi.ledger.pages import LedgerPages, ListPage, NewPage, PageAction, current, is_open, on_today

from . import forms, services
from .filters import REMINDER_FILTERS, SUGGESTION_FILTERS, reminder_queryset, suggestion_queryset
from .timeline import reminder_timeline, suggestion_timeline

# --- suggestions ------------------------------------------------------------------------------------------


SUGGESTION_ACTIONS = {
    "reply": PageAction(
        "登记回复",
        forms.SuggestionReplyForm,
        services.reply_suggestion,
        initial=on_today("replied_on"),
        available=is_open,
    ),
    "edit": PageAction(
        "修改建议书信息",
        forms.SuggestionEditForm,
        services.update_suggestion,
        initial=current(*services.SUGGESTION_EDITABLE),
        label=lambda item: "修改",
        secondary=True,
    ),
}

SUGGESTION_PAGES = LedgerPages(
    namespace="oversight",
    queryset=suggestion_queryset,
    lists=(
        ListPage(
            "司法建议书和检察建议书",
            "oversight/suggestions.html",
            SUGGESTION_FILTERS,
            empty="没有符合条件的建议书。",
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
        title="登记司法建议书或检察建议书",
    ),
    detail_template="oversight/suggestion.html",
    detail=lambda request, item: {"events": suggestion_timeline(item)},
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
