"""Forms of the dispute pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.dates import today
from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit, party_formset
from fazhi.ledger.holders import holder_units
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import (
    Channel,
    ConfirmationResult,
    Dispute,
    DisputeType,
    PartyKind,
    PartyRole,
    Referral,
    Satisfaction,
)


class _Details(forms.Form):
    """What registering and editing a dispute share."""

    received_on = forms.DateField(label="受理日期", widget=DATE)
    channel = forms.ChoiceField(label="来源渠道", choices=Channel.choices, initial=Channel.VISIT)
    external_number = forms.CharField(label="外部案件编号", required=False, max_length=60)
    dispute_type = forms.ModelChoiceField(
        label="纠纷类型", queryset=DisputeType.objects.filter(active=True), empty_label="请选择"
    )
    summary = forms.CharField(label="纠纷简况", widget=forms.Textarea(attrs={"rows": 3}))
    persons_involved = forms.IntegerField(label="涉及人数", min_value=1, initial=2)
    amount_involved = forms.DecimalField(label="涉及金额（元）", min_value=0, decimal_places=2, initial=0)


class DetailsForm(VersionForm, _Details):
    pass


class IntakeForm(_Details):
    field_order = ["org"]
    org = UnitChoiceField(label="承办单位", queryset=Organisation.objects.none(), empty_label=None)
    assisting_units = forms.ModelMultipleChoiceField(
        label="参与化解单位",
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="警民联调工作室、心理服务、律师等参与化解的单位",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = holder_units(Dispute, visible_orgs(user, write=True))  # the mediation units (ledger.py)
        self.fields["org"].queryset = writable
        self.fields["assisting_units"].queryset = visible_orgs(user).filter(
            kind__in=["police_joint", "psych_service", "lawyer_mediator", "mediation_studio", "legal_station"]
        )
        if not self.fields["assisting_units"].queryset.exists():
            del self.fields["assisting_units"]
        if not self.is_bound:
            self.initial.setdefault("received_on", today())
        # the person's own mediation unit; for a street's office, the 街道调委会 that takes most cases
        committee = writable.filter(kind="street_committee").values_list("pk", flat=True).first()
        default_unit(self, user, writable, preferred=committee)


class PartyForm(forms.Form):
    role = forms.ChoiceField(label="地位", choices=PartyRole.choices, initial=PartyRole.APPLICANT)
    kind = forms.ChoiceField(label="类别", choices=PartyKind.choices, initial=PartyKind.PERSON)
    name = forms.CharField(label="姓名或名称", max_length=100)
    id_number = forms.CharField(label="身份证号码", required=False, max_length=32)
    phone = forms.CharField(label="联系电话", required=False, max_length=32)
    address = forms.CharField(label="住所", required=False, max_length=200)


# One applicant and one respondent row, and a spare one; the service requires an applicant.
PartyFormSet = party_formset(
    PartyForm,
    [
        {"role": PartyRole.APPLICANT, "kind": PartyKind.PERSON},
        {"role": PartyRole.RESPONDENT, "kind": PartyKind.PERSON},
        {"role": PartyRole.APPLICANT, "kind": PartyKind.PERSON},
    ],
)


class DispatchForm(VersionForm):
    to_org = UnitChoiceField(
        label="分派至", queryset=Organisation.objects.none(), empty_label="请选择承办单位"
    )
    note = forms.CharField(label="分派说明", required=False, max_length=300)

    def __init__(self, *args, user, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_org"].queryset = dispatch_targets(user, record)


def dispatch_targets(user, dispute):
    """Units the person may hand the dispute to: dispatching needs the right to write the target too."""
    return holder_units(Dispute, visible_orgs(user, write=True)).exclude(pk=dispute.org_id)


class SessionForm(VersionForm):
    held_on = forms.DateField(label="调解日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=100)
    mediators = forms.CharField(label="调解员", max_length=200)
    participants = forms.CharField(label="参加人员", required=False, max_length=300)
    notes = forms.CharField(label="调解情况", widget=forms.Textarea(attrs={"rows": 4}))


class ConcludeForm(VersionForm):
    outcome = forms.ChoiceField(
        label="调解结果", choices=[("success", "调解成功"), ("failure", "调解不成")], widget=forms.RadioSelect
    )
    concluded_on = forms.DateField(label="办结日期", widget=DATE)
    agreement_text = forms.CharField(
        label="协议内容（调解成功时填写）", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    amount_agreed = forms.DecimalField(label="协议金额（元）", required=False, min_value=0, decimal_places=2)
    amount_recovered = forms.DecimalField(
        label="挽回经济损失（元）", required=False, min_value=0, decimal_places=2
    )
    performance_method = forms.CharField(label="履行方式", required=False, max_length=200)
    performance_due = forms.DateField(label="履行期限", required=False, widget=DATE)
    referred_to = forms.ChoiceField(
        label="引导去向（调解不成时填写）", required=False, choices=[("", "—"), *Referral.choices]
    )
    reason = forms.CharField(label="调解不成原因", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawForm(VersionForm):
    concluded_on = forms.DateField(label="撤回日期", widget=DATE)
    reason = forms.CharField(label="撤回原因", widget=forms.Textarea(attrs={"rows": 2}))


class ConfirmationForm(VersionForm):
    applied_on = forms.DateField(label="申请日期", widget=DATE)
    court = forms.CharField(label="受理法院", max_length=100)
    result = forms.ChoiceField(
        label="结果", choices=ConfirmationResult.choices, initial=ConfirmationResult.PENDING
    )


class VisitForm(VersionForm):
    visited_on = forms.DateField(label="回访日期", widget=DATE)
    satisfaction = forms.ChoiceField(label="满意度", choices=Satisfaction.choices)
    note = forms.CharField(label="回访情况", required=False, widget=forms.Textarea(attrs={"rows": 2}))
