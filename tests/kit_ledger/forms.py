from django import forms

from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit
from fazhi.ledger.holders import holder_units
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import Notice


class NewForm(forms.Form):
    org = UnitChoiceField(label="承办单位", queryset=Organisation.objects.none(), empty_label=None)
    title = forms.CharField(label="事项名称", max_length=200)
    issued_on = forms.DateField(label="交办日期", widget=DATE)
    note = forms.CharField(label="情况说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = holder_units(Notice, visible_orgs(user, write=True))
        self.fields["org"].queryset = units
        default_unit(self, user, units)


class DetailsForm(VersionForm):
    title = forms.CharField(label="事项名称", max_length=200)
    issued_on = forms.DateField(label="交办日期", widget=DATE)
    note = forms.CharField(label="情况说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class FinishForm(VersionForm):
    done_on = forms.DateField(label="办结日期", widget=DATE)
    result = forms.CharField(label="办理结果", widget=forms.Textarea(attrs={"rows": 3}))


class CancelForm(VersionForm):
    reason = forms.CharField(label="撤销原因", widget=forms.Textarea(attrs={"rows": 2}))
