"""Forms of the oversight pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.dates import today
from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit
from fazhi.ledger.holders import holder_units
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import Suggestion, SuggestionKind

REPLY_DUE_HELP = (
    "建议书载明的回复期限：司法建议书以此为准，未载明的按收到之日起2个月计算；"
    "检察建议书载明的期限早于收到之日起2个月的，以建议书为准。"
)


def _writable_units(user):
    """The units that handle a suggestion: the ledger's holder_kinds (communities' mediation bodies and the 区
    receive none)."""
    return holder_units(Suggestion, visible_orgs(user, write=True))


class SuggestionForm(forms.Form):
    org = UnitChoiceField(label="承办单位", queryset=Organisation.objects.none(), empty_label=None)
    kind = forms.ChoiceField(label="建议类别", choices=SuggestionKind.choices)
    issuer = forms.CharField(label="发出机关", max_length=100)
    letter_number = forms.CharField(label="建议书文号", required=False, max_length=80)
    received_on = forms.DateField(label="收到日期", widget=DATE)
    content = forms.CharField(label="建议内容", widget=forms.Textarea(attrs={"rows": 3}))
    reply_due = forms.DateField(
        label="回复期限",
        required=False,
        widget=DATE,
        help_text=REPLY_DUE_HELP,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = _writable_units(user)
        self.initial.setdefault("received_on", today())
        default_unit(self, user, self.fields["org"].queryset)


class SuggestionEditForm(VersionForm):
    issuer = forms.CharField(label="发出机关", max_length=100)
    letter_number = forms.CharField(label="建议书文号", required=False, max_length=80)
    content = forms.CharField(label="建议内容", widget=forms.Textarea(attrs={"rows": 3}))
    reply_due = forms.DateField(
        label="回复期限",
        required=False,
        widget=DATE,
        help_text=REPLY_DUE_HELP,
    )


class SuggestionReplyForm(VersionForm):
    replied_on = forms.DateField(label="回复日期", widget=DATE)
    reply_text = forms.CharField(label="回复（整改）情况", widget=forms.Textarea(attrs={"rows": 4}))


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
