"""Forms of the legality review pages. They only convert input; the services decide what is allowed."""

from django import forms
from django.contrib.auth import get_user_model

from fazhi.ledger.forms import DATE, ScopedForm, UnitChoiceField, UnitsField, VersionForm, model_form
from fazhi.orgs.models import RoleAssignment
from fazhi.orgs.scoping import visible_orgs

from .models import ReviewItem, ReviewKind, ReviewOpinion

# What submitting and editing an item share.
_Details = model_form(
    ReviewItem,
    *("title", "contact", "counterparty", "amount", "summary"),
    base=forms.Form,
    labels={"counterparty": "合同相对方（合同必填）", "amount": "合同金额（元，合同必填）"},
    rows={"summary": 3},
)


class DetailsForm(VersionForm, _Details):
    pass


class SubmitForm(ScopedForm, _Details):
    field_order = ["org", "kind", "title", "submitted_on"]
    org = UnitChoiceField(label="送审单位")  # the submitting units: the ledger's holder_kinds (ledger.py)
    kind = forms.ChoiceField(label="审查事项类别", choices=ReviewKind.choices)
    submitted_on = forms.DateField(label="送审日期", widget=DATE)
    materials = forms.CharField(label="送审材料", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    starts_today = ("submitted_on",)


class AssignForm(ScopedForm, VersionForm):
    reviewer_org = UnitChoiceField(label="审查单位", empty_label="请选择", role="reviewer")
    reviewer = forms.ModelChoiceField(
        label="审查人（可不填）", queryset=get_user_model().objects.none(), required=False, empty_label="—"
    )
    co_reviewers = UnitsField(
        "联合审查单位", role="reviewer", help_text="公共法律服务驿站等参与联合审查的单位"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        legal_people = RoleAssignment.objects.filter(role="legal", org__in=visible_orgs(user)).values("user")
        self.fields["reviewer"].queryset = get_user_model().objects.filter(
            pk__in=legal_people, is_active=True
        )


class ConcludeForm(VersionForm):
    opinion = forms.ChoiceField(label="审查结论", choices=ReviewOpinion.choices, widget=forms.RadioSelect)
    opinion_on = forms.DateField(label="出具意见日期", widget=DATE)
    opinion_text = forms.CharField(label="审查意见", widget=forms.Textarea(attrs={"rows": 6}))
    letter_issued = forms.BooleanField(label="出具法律意见书", required=False, initial=True)


class ReturnForm(VersionForm):
    opinion_on = forms.DateField(label="退回日期", widget=DATE)
    opinion_text = forms.CharField(label="修改意见", widget=forms.Textarea(attrs={"rows": 6}))
    letter_issued = forms.BooleanField(label="出具法律意见书", required=False, initial=True)


class ResubmitForm(VersionForm):
    submitted_on = forms.DateField(label="重新送审日期", widget=DATE)
    materials = forms.CharField(label="修改情况说明", widget=forms.Textarea(attrs={"rows": 4}))


WithdrawForm = model_form(ReviewItem, "reason:close_reason", required=("reason",))


FilingForm = model_form(ReviewItem, "filed_on", "note:filing_note", required=("filed_on",))
