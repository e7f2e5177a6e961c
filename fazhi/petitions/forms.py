"""Forms of the petition pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.ledger import holders
from fazhi.ledger.forms import DATE, ScopedForm, UnitChoiceField, VersionForm, party_formset
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import (
    DEMAND_SATISFACTION,
    Channel,
    CitizenDemand,
    Decision,
    Form,
    Petition,
    PetitionerRole,
    ResidentCouncil,
    Result,
    ReviewResult,
    Satisfaction,
)

TEXT = forms.Textarea(attrs={"rows": 3})


class _Details(forms.Form):
    received_on = forms.DateField(label="收到日期", widget=DATE)
    form = forms.ChoiceField(label="信访形式", choices=Form.choices, initial=Form.VISIT)
    transferred_from = forms.CharField(
        label="转送、交办机关",
        required=False,
        max_length=100,
        help_text="上级或其他机关转送、交办的信访事项填写；直接提出的不填",
    )
    identity_unclear = forms.BooleanField(
        label="信访人姓名（名称）、住址不清",
        required=False,
        help_text="无法书面告知是否受理的勾选（《信访工作条例》第二十三条第二款）；转送、交办的事项不适用",
    )
    matter = forms.CharField(label="信访事项", widget=TEXT)
    category = forms.CharField(label="问题类别", required=False, max_length=40)
    persons = forms.IntegerField(label="来访人数", min_value=1, initial=1)
    leader_reception = forms.BooleanField(label="领导接访日接待", required=False)
    receiving_leader = forms.CharField(label="接访领导", required=False, max_length=50)


class DetailsForm(VersionForm, _Details):
    pass


class RegisterForm(ScopedForm, _Details):
    model = Petition  # its units: the ledger's holder_kinds (ledger_units.py)
    field_order = ["org"]
    org = UnitChoiceField(label="承办单位")
    starts_today = ("received_on",)


class PetitionerForm(forms.Form):
    role = forms.ChoiceField(label="身份", choices=PetitionerRole.choices, initial=PetitionerRole.PETITIONER)
    name = forms.CharField(label="姓名", max_length=100)
    id_number = forms.CharField(label="身份证号码", required=False, max_length=32)
    phone = forms.CharField(label="联系电话", required=False, max_length=32)
    address = forms.CharField(label="住址", required=False, max_length=200)


PetitionerFormSet = party_formset(
    PetitionerForm,
    [{"role": PetitionerRole.PETITIONER}, {"role": PetitionerRole.PETITIONER}],
)


class AcceptanceForm(VersionForm):
    decision = forms.ChoiceField(label="受理决定", choices=Decision.choices, widget=forms.RadioSelect)
    decided_on = forms.DateField(label="书面告知日期", widget=DATE)
    note = forms.CharField(label="告知内容或不予受理（异议）理由", required=False, widget=TEXT)


class ExtensionForm(VersionForm):
    days = forms.IntegerField(label="延长日数", min_value=1)
    reason = forms.CharField(label="延期理由", widget=TEXT)
    approved_by = forms.CharField(label="批准延期的本机关负责人", max_length=50)
    told_on = forms.DateField(label="告知信访人延期理由的日期", widget=DATE)


class OpinionForm(VersionForm):
    opinion_on = forms.DateField(label="出具处理意见书日期", widget=DATE)
    result = forms.ChoiceField(label="处理意见", choices=Result.choices)
    text = forms.CharField(label="处理意见书要点", widget=TEXT)


class RequestForm(VersionForm):
    requested_on = forms.DateField(label="收到请求日期", widget=DATE)


class ReviewForm(VersionForm):
    reviewed_on = forms.DateField(label="复查意见日期", widget=DATE)
    result = forms.ChoiceField(label="复查意见", choices=ReviewResult.choices)
    text = forms.CharField(label="复查意见要点", required=False, widget=TEXT)


class HearingForm(VersionForm):
    hearing_from = forms.DateField(label="听证开始日期", widget=DATE)
    hearing_to = forms.DateField(label="听证结束日期", widget=DATE)


class ReexaminationForm(VersionForm):
    reexamined_on = forms.DateField(label="复核意见日期", widget=DATE)
    result = forms.ChoiceField(label="复核意见", choices=ReviewResult.choices)
    text = forms.CharField(label="复核意见要点", required=False, widget=TEXT)


class SatisfactionForm(VersionForm):
    evaluated_on = forms.DateField(label="评价日期", widget=DATE)
    satisfaction = forms.ChoiceField(label="信访人评价", choices=Satisfaction.choices)


def mediation_units(user):
    """The units a dispute may be handed to: the dispute ledger's holder_kinds."""
    from fazhi.disputes.models import Dispute

    return holders.holder_units(Dispute, visible_orgs(user, write=True))


class ToDisputeForm(VersionForm):
    org = UnitChoiceField(
        label="调解单位", queryset=Organisation.objects.none(), empty_label="请选择调解单位"
    )
    dispute_type = forms.ModelChoiceField(label="纠纷类型", queryset=None, empty_label="请选择")
    summary = forms.CharField(label="纠纷简况", required=False, widget=TEXT, help_text="不填则引用信访事项")

    def __init__(self, *args, user, record, **kwargs):
        from fazhi.disputes.models import DisputeType

        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = mediation_units(user)
        self.fields["dispute_type"].queryset = DisputeType.objects.filter(active=True)


# --- citizen demands -----------------------------------------------------------------------------


class _DemandDetails(forms.Form):
    channel = forms.ChoiceField(label="来源渠道", choices=Channel.choices)
    external_number = forms.CharField(label="平台工单编号", required=False, max_length=60)
    received_on = forms.DateField(label="受理日期", widget=DATE)
    category = forms.CharField(label="诉求类别", required=False, max_length=40)
    content = forms.CharField(label="诉求内容", widget=TEXT)
    due_date = forms.DateField(label="平台办理时限", required=False, widget=DATE)


class DemandDetailsForm(VersionForm, _DemandDetails):
    pass


class DemandForm(ScopedForm, _DemandDetails):
    model = CitizenDemand
    field_order = ["org"]
    org = UnitChoiceField(label="承办单位")
    starts_today = ("received_on",)


class HandleDemandForm(VersionForm):
    handled_on = forms.DateField(label="办结日期", widget=DATE)
    reply = forms.CharField(label="办理情况", widget=TEXT)
    resolved = forms.BooleanField(label="诉求已解决", required=False)
    satisfaction = forms.ChoiceField(
        label="群众评价", required=False, choices=[("", "未评价"), *DEMAND_SATISFACTION.items()]
    )


# --- 居民议事会 ----------------------------------------------------------------------------------


class _CouncilDetails(forms.Form):
    held_on = forms.DateField(label="召开日期", widget=DATE)
    topics_raised = forms.IntegerField(label="提出议题（条）", min_value=1, initial=1)
    topics_resolved = forms.IntegerField(label="解决议题（条）", min_value=0, initial=0)
    topics = forms.CharField(label="议题", widget=TEXT)
    participants = forms.IntegerField(label="参加人数", min_value=0, initial=0)


class CouncilDetailsForm(VersionForm, _CouncilDetails):
    pass


class CouncilForm(ScopedForm, _CouncilDetails):
    model = ResidentCouncil
    field_order = ["org"]
    org = UnitChoiceField(label="社区", role="council")  # a community's (ledger_units.py)
    starts_today = ("held_on",)
