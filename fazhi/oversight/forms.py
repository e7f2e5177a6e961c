"""Forms of the oversight pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.dates import today
from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit, model_form, show_by_choice
from fazhi.ledger.holders import holder_units
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import KIND_FIELDS, KIND_SPECIFIC, Contact, Measure, MeasureStatus, Suggestion, SuggestionKind

REPLY_DUE_HELP = (
    "来文载明的回复期限：司法建议书以此为准，未载明的按收到之日起2个月计算；"
    "检察建议书载明的期限早于收到之日起2个月的，以建议书为准（公益诉讼诉前检察建议：2个月，紧急情形15日）；人大代表建议、政协提案自交办之日起3个月"
    "（涉及面广、处理难度大的6个月），载明更早期限的以来文为准；督办、审计、督察事项按来文填写。"
)


def _writable_units(user):
    """The units that handle a suggestion: the ledger's holder_kinds (communities' mediation bodies and the 区
    receive none)."""
    return holder_units(Suggestion, visible_orgs(user, write=True))


# The fields of one kind or another (KIND_FIELDS), from the model; the page shows only the chosen kind's
# (show_by_choice below). All are optional here: the service says which the kind requires, and clears those of
# other kinds.
KindFields = model_form(Suggestion, *KIND_SPECIFIC, base=forms.Form)
KindFields.base_fields["proposer_phone"].widget = forms.TextInput()  # one line, like every phone number
for _field in KindFields.base_fields.values():
    _field.required = False


class SuggestionForm(KindFields):
    org = UnitChoiceField(label="承办单位", queryset=Organisation.objects.none(), empty_label=None)
    kind = forms.ChoiceField(label="类别", choices=SuggestionKind.choices)
    issuer = forms.CharField(label="发出（交办）机关", max_length=100)
    letter_number = forms.CharField(label="文号", required=False, max_length=80)
    received_on = forms.DateField(label="收到（交办）日期", widget=DATE)
    content = forms.CharField(label="建议内容", widget=forms.Textarea(attrs={"rows": 3}))
    reply_due = forms.DateField(
        label="回复期限",
        required=False,
        widget=DATE,
        help_text=REPLY_DUE_HELP,
    )

    field_order = ["org", "kind", "issuer", "letter_number", "received_on", "content", "reply_due"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = _writable_units(user)
        self.initial.setdefault("received_on", today())
        default_unit(self, user, self.fields["org"].queryset)


show_by_choice(SuggestionForm, "kind", KIND_FIELDS)


class SuggestionEditForm(KindFields, VersionForm):
    issuer = forms.CharField(label="发出（交办）机关", max_length=100)
    letter_number = forms.CharField(label="文号", required=False, max_length=80)
    content = forms.CharField(label="建议内容", widget=forms.Textarea(attrs={"rows": 3}))
    reply_due = forms.DateField(
        label="回复期限",
        required=False,
        widget=DATE,
        help_text=REPLY_DUE_HELP,
    )

    field_order = ["issuer", "letter_number", "content", "reply_due"]

    def __init__(self, *args, user=None, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if record is not None:  # only the item's own kind's fields
            for name in set(KIND_SPECIFIC) - set(record.kind_fields):
                del self.fields[name]


class SuggestionReplyForm(VersionForm):
    replied_on = forms.DateField(label="回复日期", widget=DATE)
    reply_text = forms.CharField(label="回复（整改）情况", widget=forms.Textarea(attrs={"rows": 4}))


class DraftForm(VersionForm):
    drafted_on = forms.DateField(label="起草日期", widget=DATE)
    reply_text = forms.CharField(
        label="答复稿",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="已按本类事项的答复模板预填，请修改完善。",
    )


ApproveForm = model_form(Suggestion, "approved_on", "approved_by", required=("approved_on", "approved_by"))


class AssignForm(VersionForm):
    unit = UnitChoiceField(label="承办单位", empty_label="请选择")
    lead = forms.BooleanField(label="牵头单位", required=False, help_text="不勾选为协办单位")
    part = forms.CharField(label="承办内容", max_length=300)
    assigned_on = forms.DateField(label="分办日期", widget=DATE)

    def __init__(self, *args, user=None, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["unit"].queryset = _writable_units(user)


ContactForm = model_form(Contact, "on", "mode", "note")

SatisfactionForm = model_form(
    Suggestion, "satisfaction", "satisfaction_on", required=("satisfaction", "satisfaction_on")
)
SatisfactionForm.base_fields["second_reply_due"] = forms.DateField(
    label="再次答复期限", required=False, widget=DATE, help_text="不满意的必填：第二轮办理的答复期限"
)

MeasureForm = model_form(Measure, "problem", "action", "owner", "due_on")


class MeasureUpdateForm(VersionForm):
    # the measure by its number (an integer in the API); the page offers the item's own measures
    measure = forms.IntegerField(label="整改措施", widget=forms.Select)
    status = forms.ChoiceField(label="整改状态", choices=MeasureStatus.choices)
    done_on = forms.DateField(label="完成日期", required=False, widget=DATE)
    note = forms.CharField(label="完成情况或说明", required=False, max_length=500)

    def __init__(self, *args, user=None, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if record is not None:
            self.fields["measure"].widget.choices = [
                (m.pk, f"{m.problem}：{m.action}（{m.get_status_display()}）") for m in record.measures.all()
            ]


CloseForm = model_form(Suggestion, "closed_on", required=("closed_on",))


class ReminderForm(forms.Form):
    org = UnitChoiceField(label="发函单位", queryset=Organisation.objects.none(), empty_label=None)
    to_unit = UnitChoiceField(label="被提醒单位", queryset=Organisation.objects.none(), empty_label="请选择")
    issued_on = forms.DateField(label="发出日期", widget=DATE)
    matter = forms.CharField(label="提醒事项", widget=forms.Textarea(attrs={"rows": 4}))
    follow_up_due = forms.DateField(label="反馈期限（按提醒函填写）", required=False, widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = visible_orgs(user, write=True)
        self.fields["org"].queryset = writable.filter(kind__in=["street", "office"])
        self.fields["to_unit"].queryset = writable.exclude(kind="district")
        self.initial.setdefault("issued_on", today())
        default_unit(self, user, self.fields["org"].queryset)


class FollowUpForm(VersionForm):
    followed_on = forms.DateField(label="反馈日期", widget=DATE)
    follow_up = forms.CharField(label="整改反馈情况", widget=forms.Textarea(attrs={"rows": 4}))
