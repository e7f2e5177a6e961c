"""Forms of the litigation pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.dates import today
from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit, party_formset
from fazhi.ledger.holders import holder_units
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import (
    Case,
    CaseKind,
    CasePartyRole,
    CaseStage,
    LitigationDocumentKind,
    LitigationOutcome,
    OwnRole,
)


def _writable_units(user):
    """The units answering for their own acts (the ledger's holder_kinds): mediation bodies stand in no court."""
    return holder_units(Case, visible_orgs(user, write=True))


class _Details(forms.Form):
    """What registering and editing a case share."""

    court = forms.CharField(label="法院或复议机关", max_length=100)
    external_number = forms.CharField(label="案号", required=False, max_length=80)
    own_role = forms.ChoiceField(label="本单位诉讼地位", choices=OwnRole.choices, initial=OwnRole.DEFENDANT)
    cause = forms.CharField(label="案由", required=False, max_length=100)
    disputed_act = forms.CharField(
        label="被诉（被申请）行为或争议事项", widget=forms.Textarea(attrs={"rows": 3})
    )
    copy_received_on = forms.DateField(label="收到起诉状（申请书）副本日期", widget=DATE)


class CaseEditForm(VersionForm, _Details):
    pass


class CaseForm(_Details):
    field_order = ["org", "kind"]
    org = UnitChoiceField(label="责任单位", queryset=Organisation.objects.none(), empty_label=None)
    kind = forms.ChoiceField(label="案件类别", choices=CaseKind.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = _writable_units(user)
        self.fields["org"].queryset = units
        self.initial.setdefault("copy_received_on", today())
        default_unit(self, user, units)


class PartyForm(forms.Form):
    role = forms.ChoiceField(label="诉讼地位", choices=CasePartyRole.choices, initial=CasePartyRole.PLAINTIFF)
    name = forms.CharField(label="姓名或名称", max_length=100)
    id_number = forms.CharField(label="身份证号码", required=False, max_length=32)
    phone = forms.CharField(label="联系电话", required=False, max_length=32)


PartyFormSet = party_formset(
    PartyForm, [{"role": CasePartyRole.PLAINTIFF}, {"role": CasePartyRole.THIRD_PARTY}]
)


class ReplyForm(VersionForm):
    replied_on = forms.DateField(label="提交答辩状（答复书）日期", widget=DATE)


class DocumentForm(VersionForm):
    kind = forms.ChoiceField(label="文书类别", choices=LitigationDocumentKind.choices)
    title = forms.CharField(label="文书名称或文号", required=False, max_length=200)
    received_on = forms.DateField(label="收到日期", widget=DATE)
    upload = forms.FileField(label="扫描件（可选）", required=False)


class HearingForm(VersionForm):
    held_on = forms.DateField(label="开庭（听证）日期", widget=DATE)
    head_appeared = forms.BooleanField(label="行政机关负责人出庭", required=False)
    appeared_by = forms.CharField(label="出庭人员（负责人姓名、职务）", required=False, max_length=200)
    note = forms.CharField(label="庭审情况", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ConcludeForm(VersionForm):
    outcome = forms.ChoiceField(label="结案结果", choices=LitigationOutcome.choices, widget=forms.RadioSelect)
    concluded_on = forms.DateField(label="结案日期（判决、裁定或决定日期）", widget=DATE)
    note = forms.CharField(label="结果说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AppealForm(forms.Form):
    stage = forms.ChoiceField(
        label="后续审级", choices=[c for c in CaseStage.choices if c[0] != CaseStage.FIRST]
    )
    court = forms.CharField(label="审理法院", max_length=100)
    external_number = forms.CharField(label="案号", required=False, max_length=80)
    copy_received_on = forms.DateField(label="收到上诉状（再审申请）副本日期", widget=DATE)
    note = forms.CharField(label="说明", required=False, max_length=300)


class MeetingForm(forms.Form):
    org = UnitChoiceField(label="召开单位", queryset=Organisation.objects.none(), empty_label=None)
    held_on = forms.DateField(label="会议日期", widget=DATE)
    attendees = forms.CharField(label="参会人员", max_length=300)
    conclusions = forms.CharField(label="会议结论（应诉意见）", widget=forms.Textarea(attrs={"rows": 4}))
    annual_review = forms.BooleanField(label="年度涉诉案件总结分析会", required=False)
    cases = forms.ModelMultipleChoiceField(label="分析的案件", queryset=None, required=False)

    def __init__(self, *args, user, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = _writable_units(user)
        self.fields["cases"].queryset = cases
        self.initial.setdefault("held_on", today())
        default_unit(self, user, self.fields["org"].queryset)
