from django import forms

from fazhi.ledger.forms import DATE, ScopedForm, UnitChoiceField, VersionForm

from .models import Notice


class NewForm(ScopedForm):
    model = Notice  # its units: the ledger's holder_kinds, in the person's write scope
    org = UnitChoiceField(label="承办单位")
    title = forms.CharField(label="事项名称", max_length=200)
    issued_on = forms.DateField(label="交办日期", widget=DATE)
    note = forms.CharField(label="情况说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DetailsForm(VersionForm):
    title = forms.CharField(label="事项名称", max_length=200)
    issued_on = forms.DateField(label="交办日期", widget=DATE)
    note = forms.CharField(label="情况说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class FinishForm(VersionForm):
    done_on = forms.DateField(label="办结日期", widget=DATE)
    result = forms.CharField(label="办理结果", widget=forms.Textarea(attrs={"rows": 3}))


class CancelForm(VersionForm):
    reason = forms.CharField(label="撤销原因", widget=forms.Textarea(attrs={"rows": 2}))
