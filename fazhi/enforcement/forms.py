"""Forms of the enforcement pages. They only convert input; the services decide what is allowed."""

from django import forms
from django.db.models import BooleanField, Case, Q, Value, When

from fazhi.dates import today
from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit, party_formset
from fazhi.legal.models import ReviewItem
from fazhi.orgs.models import Kind, Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import (
    ActionKind,
    ExecutionMethod,
    Field,
    InspectionBatch,
    ObjectKind,
    Officer,
    PartyKind,
    PartyRole,
    PenaltyKind,
    Procedure,
    Source,
    SpecialAction,
    SpecialActionKind,
)

TEAMS = [Kind.ENFORCEMENT_TEAM]
AV = "本环节有音像记录"  # 全过程记录, asked at each step


def team_units(user, *, write: bool = True):
    return visible_orgs(user, write=write).filter(kind__in=TEAMS)


class SpecialActionField(forms.ModelChoiceField):
    """专项行动 of the person's teams, those running on ``day`` first, each shown with its dates."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "专项行动")
        super().__init__(
            queryset=SpecialAction.objects.none(),
            required=False,
            empty_label="无（非专项行动）",
            help_text="在“专项行动”中登记的本单位行动；没有的请先登记",
            **kwargs,
        )

    def offer(self, user, day, units=None):
        units = team_units(user) if units is None else units
        running = Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        self.queryset = (
            SpecialAction.objects.visible_to(user, write=True)
            .filter(org__in=units)
            .select_related("org")
            .annotate(
                running=Case(
                    When(running, then=Value(True)), default=Value(False), output_field=BooleanField()
                )
            )
            .order_by("-running", "-starts_on", "pk")
        )
        self.several_units = units.count() > 1

    def label_from_instance(self, obj):
        unit = f"{obj.org.name}：" if getattr(self, "several_units", False) else ""
        return f"{unit}{obj.name}（{obj.period_text}）"


class _Details(forms.Form):
    filed_on = forms.DateField(label="立案日期", widget=DATE)
    procedure = forms.ChoiceField(label="程序", choices=Procedure.choices, initial=Procedure.ORDINARY)
    source = forms.ChoiceField(label="案件来源", choices=Source.choices, initial=Source.PATROL)
    field = forms.ChoiceField(label="执法领域", choices=Field.choices, initial=Field.CITY_APPEARANCE)
    object_kind = forms.ChoiceField(label="检查对象", choices=ObjectKind.choices, initial=ObjectKind.SHOP)
    special_action = SpecialActionField()
    summary = forms.CharField(label="案由及违法事实", widget=forms.Textarea(attrs={"rows": 3}))
    av_record = forms.BooleanField(label="全过程音像记录", required=False)


class DetailsForm(VersionForm, _Details):
    def __init__(self, *args, user, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["special_action"].offer(user, record.filed_on, team_units(user).filter(pk=record.org_id))


class CaseForm(_Details):
    field_order = ["org"]
    org = UnitChoiceField(label="承办单位", queryset=Organisation.objects.none(), empty_label=None)
    officers = forms.ModelMultipleChoiceField(
        label="承办执法人员",
        queryset=Officer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="至少两名持有效执法证的执法人员（行政处罚法第四十二条）",
    )
    inspection = forms.ModelChoiceField(
        label="来源执法检查",
        required=False,
        queryset=InspectionBatch.objects.none(),
        empty_label="无（非由执法检查发现）",
        help_text="由执法检查发现的隐患立案的，选择该次检查（检查页面会列出本案）",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = team_units(user)
        self.fields["org"].queryset = units
        self.fields["inspection"].queryset = InspectionBatch.objects.visible_to(user, write=True).filter(
            org__in=units
        )
        # Those certified today are offered; whether a card is in force on the filing day is the service's check.
        from .services import certified_officers

        self.fields["officers"].queryset = certified_officers(units, today())
        self.fields["special_action"].offer(user, today(), units)
        if not self.is_bound:
            self.initial.setdefault("filed_on", today())
        default_unit(self, user, units)


class PartyForm(forms.Form):
    role = forms.ChoiceField(label="地位", choices=PartyRole.choices, initial=PartyRole.PARTY)
    kind = forms.ChoiceField(label="类别", choices=PartyKind.choices, initial=PartyKind.PERSON)
    enterprise = forms.BooleanField(label="企业（涉企）", required=False)
    name = forms.CharField(label="姓名或名称", max_length=100)
    id_number = forms.CharField(label="身份证号码（自然人）", required=False, max_length=32)
    phone = forms.CharField(label="联系电话", required=False, max_length=32)
    address = forms.CharField(label="住所或经营场所", required=False, max_length=200)


PartyFormSet = party_formset(
    PartyForm,
    [
        {"role": PartyRole.PARTY, "kind": PartyKind.PERSON},
        {"role": PartyRole.AGENT, "kind": PartyKind.PERSON},
    ],
)


class InvestigateForm(VersionForm):
    investigated_on = forms.DateField(label="调查取证日期", widget=DATE)
    evidence = forms.CharField(label="调查取证情况", widget=forms.Textarea(attrs={"rows": 3}))
    av = forms.BooleanField(label=AV, required=False)


class NotifyForm(VersionForm):
    notified_on = forms.DateField(label="告知日期", widget=DATE, help_text="行政处罚事先告知书送达之日")
    hearing_right = forms.BooleanField(
        label="告知听证权利",
        required=False,
        help_text="较大数额罚款、没收较大数额财物、责令停产停业等（第六十三条）",
    )
    av = forms.BooleanField(label=AV, required=False)


class HearingForm(VersionForm):
    requested_on = forms.DateField(label="当事人申请听证日期", widget=DATE)
    notice_on = forms.DateField(label="听证通知送达日期", widget=DATE)
    hearing_on = forms.DateField(label="举行听证日期", widget=DATE)
    av = forms.BooleanField(label=AV, required=False)


class LegalReviewForm(VersionForm):
    legal_review_required = forms.BooleanField(label="属于重大执法决定，须经法制审核", required=False)
    legal_review_on = forms.DateField(label="法制审核完成日期", required=False, widget=DATE)
    review_item = forms.ModelChoiceField(
        label="合法性审查事项（可选）",
        required=False,
        queryset=ReviewItem.objects.none(),
        empty_label="不关联",
    )

    def __init__(self, *args, user, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review_item"].queryset = ReviewItem.objects.visible_to(user).order_by("-pk")


class DecideForm(VersionForm):
    decision_on = forms.DateField(label="决定日期", widget=DATE)
    penalty_kind = forms.ChoiceField(label="处罚种类", choices=PenaltyKind.choices, initial=PenaltyKind.FINE)
    fine_amount = forms.DecimalField(label="罚款金额（元）", min_value=0, decimal_places=2, initial=0)
    confiscated_amount = forms.DecimalField(label="没收金额（元）", min_value=0, decimal_places=2, initial=0)
    decision_text = forms.CharField(
        label="决定内容", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    av = forms.BooleanField(label=AV, required=False)


class ServeForm(VersionForm):
    served_on = forms.DateField(label="送达日期", widget=DATE)
    av = forms.BooleanField(label=AV, required=False)


class PublishForm(VersionForm):
    published_on = forms.DateField(label="公示日期", widget=DATE)


class ExecuteForm(VersionForm):
    executed_on = forms.DateField(label="执行日期", widget=DATE)
    execution_method = forms.ChoiceField(
        label="执行方式", choices=ExecutionMethod.choices, initial=ExecutionMethod.VOLUNTARY
    )
    av = forms.BooleanField(label=AV, required=False)


class CloseForm(VersionForm):
    closed_on = forms.DateField(label="结案日期", widget=DATE)


class EndForm(VersionForm):
    on = forms.DateField(label="日期", widget=DATE)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class FileReviewForm(VersionForm):
    reviewed_on = forms.DateField(label="评查日期", widget=DATE)
    reviewer = forms.CharField(label="评查人", max_length=100)
    score = forms.IntegerField(label="得分", min_value=0, max_value=100)
    problems = forms.CharField(label="发现的问题", required=False, widget=forms.Textarea(attrs={"rows": 3}))


# --- officers and certificates --------------------------------------------------------------------


class _Card(forms.Form):
    number = forms.CharField(label="执法证号", max_length=40)
    issuer = forms.CharField(label="发证机关", max_length=100)
    issued_on = forms.DateField(label="发证日期", widget=DATE)
    expires_on = forms.DateField(label="有效期至", widget=DATE)


class OfficerForm(_Card):
    field_order = ["org", "name", "position", "joined_on"]
    org = UnitChoiceField(label="所在执法队", queryset=Organisation.objects.none(), empty_label=None)
    name = forms.CharField(label="姓名", max_length=50)
    position = forms.CharField(label="职务", required=False, max_length=50)
    joined_on = forms.DateField(label="入队日期", widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = team_units(user)
        self.fields["org"].queryset = units
        if not self.is_bound:
            self.initial.setdefault("joined_on", today())
        default_unit(self, user, units)


class CertificateForm(VersionForm, _Card):
    pass


class RenewForm(VersionForm, _Card):
    pass


class CertificateEventForm(VersionForm):
    on = forms.DateField(label="日期", widget=DATE)
    note = forms.CharField(label="说明", required=False, max_length=300)


class TrainingForm(VersionForm):
    year = forms.IntegerField(label="年度", min_value=2000)
    training_hours = forms.DecimalField(label="该年度培训学时", min_value=0, decimal_places=1, max_digits=6)


# --- inspections ----------------------------------------------------------------------------------


class _Inspection(forms.Form):
    held_on = forms.DateField(label="检查日期", widget=DATE)
    action = forms.ChoiceField(label="行动类型", choices=ActionKind.choices, initial=ActionKind.ROUTINE)
    special_action = SpecialActionField()
    random_check = forms.BooleanField(label="双随机一公开", required=False)
    field = forms.ChoiceField(label="执法领域", choices=Field.choices, initial=Field.WORK_SAFETY)
    object_kind = forms.ChoiceField(
        label="检查对象", choices=ObjectKind.choices, initial=ObjectKind.ENTERPRISE
    )
    objects_checked = forms.IntegerField(label="检查对象数", min_value=1)
    hazards_found = forms.IntegerField(label="发现隐患（条）", min_value=0, initial=0)
    hazards_rectified = forms.IntegerField(label="已整改隐患（条）", min_value=0, initial=0)
    cases_filed_outside = forms.IntegerField(
        label="台账外立案（宗）",
        min_value=0,
        initial=0,
        help_text="未在本系统登记的立案宗数（如启用台账前）；在本系统立案并关联本次检查的案件自动计入，不要重复填写",
    )
    joint_units = forms.CharField(label="联合单位", required=False, max_length=300)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class InspectionForm(_Inspection):
    field_order = ["org"]
    org = UnitChoiceField(label="执法队", queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = team_units(user)
        self.fields["org"].queryset = units
        self.fields["special_action"].offer(user, today(), units)
        if not self.is_bound:
            self.initial.setdefault("held_on", today())
        default_unit(self, user, units)


class InspectionEditForm(VersionForm, _Inspection):
    def __init__(self, *args, user, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["special_action"].offer(user, record.held_on, team_units(user).filter(pk=record.org_id))


# --- special actions --------------------------------------------------------------------------------


class _SpecialAction(forms.Form):
    name = forms.CharField(
        label="行动名称", max_length=100, help_text="每年开展的同名行动请注明年份，如“2024年百日攻坚”"
    )
    kind = forms.ChoiceField(
        label="行动类别", choices=SpecialActionKind.choices, initial=SpecialActionKind.RECTIFICATION
    )
    starts_on = forms.DateField(label="开始日期", widget=DATE)
    ends_on = forms.DateField(label="结束日期", required=False, widget=DATE, help_text="不填为尚未结束")
    joint_departments = forms.CharField(label="联合部门", required=False, max_length=300)
    goal = forms.CharField(label="目标与说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SpecialActionForm(_SpecialAction):
    field_order = ["org"]
    org = UnitChoiceField(label="牵头执法队", queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = team_units(user)
        self.fields["org"].queryset = units
        if not self.is_bound:
            self.initial.setdefault("starts_on", today())
        default_unit(self, user, units)


class SpecialActionEditForm(VersionForm, _SpecialAction):
    pass
