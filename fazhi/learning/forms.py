"""Forms of the learning pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.dates import today
from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import (
    SERVICE_UNIT_KINDS,
    ActKind,
    Audience,
    ClientKind,
    HonourLevel,
    MaterialKind,
    MaterialUnit,
    PufaKind,
    ServiceKind,
    StudyKind,
)

TEXT = forms.Textarea(attrs={"rows": 3})
# Units whose leaders' acts are the 第一责任人's: the 街道 (党工委/办事处), its offices and communities.
LEADING_KINDS = ("district", "street", "office", "community")


class _Registering(forms.Form):
    """A registration form: the unit among those the person may write (``units`` narrows the kinds)."""

    unit_kinds: tuple[str, ...] = ()
    day_field = "held_on"

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = visible_orgs(user, write=True)
        if self.unit_kinds:
            units = units.filter(kind__in=self.unit_kinds)
        self.fields["org"].queryset = units
        if not self.is_bound:
            self.initial.setdefault(self.day_field, today())
        default_unit(self, user, units)


def _unit(label: str) -> UnitChoiceField:
    return UnitChoiceField(label=label, queryset=Organisation.objects.none(), empty_label=None)


class _SessionFields(forms.Form):
    held_on = forms.DateField(label="日期", widget=DATE)
    kind = forms.ChoiceField(label="类别", choices=StudyKind.choices)
    title = forms.CharField(label="主题", max_length=200)
    topics = forms.CharField(label="学习内容（一行一项）", required=False, widget=TEXT)
    audience = forms.ChoiceField(label="参加对象", choices=Audience.choices)
    attendance = forms.IntegerField(label="参加人次", min_value=1)
    speaker = forms.CharField(label="主讲人", required=False, max_length=100)
    hosted_by_head = forms.BooleanField(label="党政主要负责人主持", required=False)
    note = forms.CharField(label="备注", required=False, widget=TEXT)


class SessionForm(_Registering, _SessionFields):
    field_order = ["org"]
    org = _unit("组织单位")


class SessionEditForm(VersionForm, _SessionFields):
    pass


class _EventFields(forms.Form):
    held_on = forms.DateField(label="日期", widget=DATE)
    kind = forms.ChoiceField(label="类别", choices=PufaKind.choices)
    title = forms.CharField(label="活动名称", max_length=200)
    place = forms.CharField(label="地点", required=False, max_length=200)
    audience = forms.CharField(label="面向群体", required=False, max_length=200)
    people_reached = forms.IntegerField(label="惠及群众（人）", min_value=0, initial=0)
    consultations = forms.IntegerField(label="接受法律咨询（人次）", min_value=0, initial=0)
    media_reports = forms.IntegerField(label="媒体报道（篇）", min_value=0, initial=0)
    outlets = forms.CharField(label="报道媒体", required=False, max_length=200)
    note = forms.CharField(label="备注", required=False, widget=TEXT)


class EventForm(_Registering, _EventFields):
    field_order = ["org"]
    org = _unit("组织单位")


class EventEditForm(VersionForm, _EventFields):
    pass


class MaterialForm(VersionForm):
    kind = forms.ChoiceField(label="资料类别", choices=MaterialKind.choices)
    unit = forms.ChoiceField(
        label="单位", choices=MaterialUnit.choices, help_text="份、只、本分开登记，不相加"
    )
    quantity = forms.IntegerField(label="数量", min_value=1)


class _ServiceFields(forms.Form):
    served_on = forms.DateField(label="日期", widget=DATE, help_text="按周或按月汇总登记的，填期末日期")
    kind = forms.ChoiceField(label="服务类别", choices=ServiceKind.choices)
    count = forms.IntegerField(
        label="数量", min_value=1, initial=1, help_text="咨询为次，体检为家，讲座为场，宣传为篇"
    )
    client_kind = forms.ChoiceField(
        label="服务对象", required=False, choices=[("", "—"), *ClientKind.choices]
    )
    lawyer = forms.CharField(label="律师或法律顾问", required=False, max_length=100)
    summary = forms.CharField(label="事项摘要", required=False, max_length=300)


class ServiceForm(_Registering, _ServiceFields):
    field_order = ["org"]
    unit_kinds = SERVICE_UNIT_KINDS
    day_field = "served_on"
    org = _unit("驿站或法律顾问室")


class ServiceEditForm(VersionForm, _ServiceFields):
    pass


class _ActFields(forms.Form):
    held_on = forms.DateField(label="日期", widget=DATE)
    kind = forms.ChoiceField(label="类别", choices=ActKind.choices)
    leader = forms.CharField(label="负责人", max_length=100)
    title = forms.CharField(label="事项", max_length=200)
    topics = forms.CharField(label="研究议题或内容", required=False, widget=TEXT)
    planned_sessions = forms.IntegerField(label="计划会前学法次数（学法计划）", required=False, min_value=1)
    dispute_number = forms.CharField(label="包案的纠纷编号（包案化解）", required=False, max_length=60)
    petition_number = forms.CharField(label="包案的信访事项编号（包案化解）", required=False, max_length=60)
    note = forms.CharField(label="备注", required=False, widget=TEXT)


class ActForm(_Registering, _ActFields):
    field_order = ["org"]
    unit_kinds = LEADING_KINDS
    org = _unit("单位")


class ActEditForm(VersionForm, _ActFields):
    pass


class _LiterateFields(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    appointed_on = forms.DateField(label="聘任日期", widget=DATE)
    occupation = forms.CharField(label="身份", required=False, max_length=100)
    trainings_attended = forms.IntegerField(label="参加培训次数", min_value=0, initial=0)
    left_on = forms.DateField(label="退出日期", required=False, widget=DATE)
    note = forms.CharField(label="备注", required=False, widget=TEXT)


class LiterateForm(_Registering, _LiterateFields):
    field_order = ["org"]
    unit_kinds = ("community",)
    day_field = "appointed_on"
    org = _unit("社区")


class LiterateEditForm(VersionForm, _LiterateFields):
    pass


class _ExamFields(forms.Form):
    held_on = forms.DateField(label="考试日期", widget=DATE)
    title = forms.CharField(label="考试名称", max_length=200)
    enrolled = forms.IntegerField(label="应考人数", min_value=1)
    sat = forms.IntegerField(label="参考人数", min_value=0)
    passed = forms.IntegerField(label="合格人数", min_value=0, initial=0)
    excellent = forms.IntegerField(label="优秀人数", min_value=0, initial=0)
    note = forms.CharField(label="备注", required=False, widget=TEXT)


class ExamForm(_Registering, _ExamFields):
    field_order = ["org"]
    org = _unit("组织单位")


class ExamEditForm(VersionForm, _ExamFields):
    pass


class _AdviserFields(forms.Form):
    lawyer = forms.CharField(label="法律顾问（律师）", max_length=50)
    law_firm = forms.CharField(label="所在律师事务所", max_length=100)
    phone = forms.CharField(
        label="联系电话",
        required=False,
        max_length=32,
        help_text="手机号11位，座机带区号；页面上只显示后四位",
    )
    term_start = forms.DateField(label="聘期开始", widget=DATE)
    term_end = forms.DateField(label="聘期结束", required=False, widget=DATE, help_text="不填为长期")
    rota = forms.CharField(
        label="值班安排", required=False, max_length=200, help_text="如每周三下午在社区值班"
    )
    duties_per_month = forms.IntegerField(label="每月值班次数", required=False, min_value=0)
    note = forms.CharField(label="备注", required=False, widget=TEXT)


class AdviserForm(_Registering, _AdviserFields):
    field_order = ["org"]
    unit_kinds = ("community",)
    day_field = "term_start"
    org = _unit("社区")


class AdviserEditForm(VersionForm, _AdviserFields):
    """The phone is not shown again (it is personal data): typed, it replaces the old one; left empty, the
    old one stays."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = "原号码不再显示；填写则替换，留空则保留原号码"

    def clean(self):
        data = super().clean()
        if not data.get("phone"):
            data.pop("phone", None)
        return data


class _HonourFields(forms.Form):
    level = forms.ChoiceField(label="级别", choices=HonourLevel.choices)
    title = forms.CharField(label="荣誉称号", max_length=200, help_text="如“全国民主法治示范社区”")
    awarded_on = forms.DateField(label="命名日期", widget=DATE)
    awarded_by = forms.CharField(label="命名机关", required=False, max_length=200)
    revoked_on = forms.DateField(
        label="撤销命名日期", required=False, widget=DATE, help_text="仍保有称号的不填"
    )
    note = forms.CharField(label="备注", required=False, widget=TEXT)


class HonourForm(_Registering, _HonourFields):
    field_order = ["org"]
    unit_kinds = ("community",)
    day_field = "awarded_on"
    org = _unit("社区")


class HonourEditForm(VersionForm, _HonourFields):
    pass
