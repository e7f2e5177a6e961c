"""Forms of the disclosure pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.dates import today
from fazhi.ledger.forms import DATE, UnitChoiceField, VersionForm, default_unit, model_form, party_formset
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import (
    HOLDER_KINDS,
    ApplicantKind,
    ApplicantRole,
    Channel,
    ConsultationKind,
    DisclosureRequest,
    Outcome,
    Posting,
)


class _Details(forms.Form):
    channel = forms.ChoiceField(label="申请方式", choices=Channel.choices, initial=Channel.IN_PERSON)
    submitted_on = forms.DateField(label="申请提交日期", widget=DATE)
    received_on = forms.DateField(
        label="收到申请日期",
        widget=DATE,
        help_text="当面提交为提交之日；邮寄为签收之日；平常信函、互联网、传真为双方确认之日（条例第三十一条）",
    )
    applicant_kind = forms.ChoiceField(
        label="申请人类别", choices=ApplicantKind.choices, initial=ApplicantKind.PERSON
    )
    content = forms.CharField(label="申请公开的政府信息", widget=forms.Textarea(attrs={"rows": 3}))


class DetailsForm(VersionForm, _Details):
    pass


class RegisterForm(_Details):
    field_order = ["org"]
    org = UnitChoiceField(label="办理单位", queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = visible_orgs(user, write=True).filter(kind__in=HOLDER_KINDS)
        self.fields["org"].queryset = writable
        if not self.is_bound:
            self.initial.setdefault("submitted_on", today())
            self.initial.setdefault("received_on", today())
        office = writable.filter(kind="office").values_list("pk", flat=True).first()
        default_unit(self, user, writable, preferred=office)


class ApplicantForm(forms.Form):
    role = forms.ChoiceField(label="身份", choices=ApplicantRole.choices, initial=ApplicantRole.APPLICANT)
    name = forms.CharField(label="姓名或名称", max_length=100)
    id_number = forms.CharField(label="身份证号码或统一社会信用代码", required=False, max_length=32)
    phone = forms.CharField(label="联系电话", required=False, max_length=32)
    address = forms.CharField(label="通信地址", required=False, max_length=200)


ApplicantFormSet = party_formset(
    ApplicantForm, [{"role": ApplicantRole.APPLICANT}, {"role": ApplicantRole.AGENT}]
)


class CorrectionForm(VersionForm):
    requested_on = forms.DateField(label="告知补正日期", widget=DATE)
    points = forms.CharField(
        label="需要补正的事项（一次性告知全部事项）", widget=forms.Textarea(attrs={"rows": 3})
    )
    until = forms.DateField(
        label="补正期限", required=False, widget=DATE, help_text="告知申请人的合理补正期限"
    )


class CorrectedForm(VersionForm):
    received_on = forms.DateField(label="收到补正日期", widget=DATE, help_text="答复期限自此日起重新计算")


class ConsultForm(VersionForm):
    kind = forms.ChoiceField(label="征求意见类型", choices=ConsultationKind.choices)
    addressee = forms.CharField(label="征求意见对象", max_length=200)
    sent_on = forms.DateField(label="送达征求意见书日期", widget=DATE)


class OpinionForm(VersionForm):
    answered_on = forms.DateField(
        label="收到意见日期", required=False, widget=DATE, help_text="逾期未提出意见的留空，期满后登记"
    )
    opinion = forms.CharField(label="意见", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(VersionForm):
    days = forms.IntegerField(label="延长工作日数", min_value=1, max_value=20, initial=20)
    approved_by = forms.CharField(label="批准人（政府信息公开工作机构负责人）", max_length=50)
    approved_on = forms.DateField(label="批准日期", widget=DATE)
    notified_on = forms.DateField(label="告知申请人日期", widget=DATE)


class DeferForm(VersionForm):
    until = forms.DateField(label="延迟答复期限", widget=DATE)
    reason = forms.CharField(
        label="理由（申请数量、频次明显超过合理范围，理由合理但无法按期答复）",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notified_on = forms.DateField(label="告知申请人日期", widget=DATE)


class ReplyForm(VersionForm):
    replied_on = forms.DateField(label="答复日期", widget=DATE)
    outcome = forms.ChoiceField(label="办理结果", choices=[("", "请选择"), *Outcome.choices])
    reply_summary = forms.CharField(
        label="答复内容", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, case):
        return f"{case.number} {case.get_kind_display()} {case.court}"


class LinkCaseForm(VersionForm):
    case = CaseChoiceField(label="复议或诉讼案件", queryset=None, empty_label="请选择")

    def __init__(self, *args, user, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = linkable_cases(user, record)


def linkable_cases(user, record):
    Case = DisclosureRequest.cases.field.related_model
    return (
        Case.objects.visible_to(user)
        .filter(kind__in=("reconsideration", "administrative"))
        .exclude(pk__in=record.cases.values("pk"))
        .order_by("-copy_received_on")
    )


# --- 主动公开 postings ------------------------------------------------------------------------------------

POSTING_FIELDS = ("kind", "title", "document_number", "venue", "formed_on", "decisions", "fee_amount", "link")
POSTING_HINTS = {
    "formed_on": "规范性文件为印发日期；许可、处罚、强制为决定日期；应自该日起20个工作日内公开（条例第二十六条）",
    "decisions": "行政许可、处罚、强制决定：本条公示的决定件数（表二“本年处理决定数量”）",
    "fee_amount": "行政事业性收费：本条公开的收费金额（表二“本年收费金额”）",
}


class _PostingUnit(forms.Form):
    org = UnitChoiceField(label="公开单位", queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = visible_orgs(user, write=True).filter(kind__in=HOLDER_KINDS)
        self.fields["org"].queryset = writable
        for name, hint in POSTING_HINTS.items():
            self.fields[name].help_text = hint
        self.fields["published_on"].help_text = "已公开的填写公开日期；尚待公开的留空，系统按20个工作日提示"
        if not self.is_bound:
            self.initial.setdefault("formed_on", today())
        office = writable.filter(kind="office").values_list("pk", flat=True).first()
        default_unit(self, user, writable, preferred=office)


PostingNewForm = model_form(Posting, *POSTING_FIELDS, "published_on", base=_PostingUnit)
PostingDetailsForm = model_form(Posting, *POSTING_FIELDS)
PublishForm = model_form(Posting, "published_on", "link", required=("published_on",))
RepealForm = model_form(
    Posting,
    "repealed_on",
    "note:repeal_note",
    required=("repealed_on",),
    labels={"note": "废止说明（文号等）"},
)


class ReportTextForm(forms.Form):
    """Part 五 or 六 of the yearly report for the unit and year the page shows (carried in the form, checked
    again by the page and the service). One form per part, told apart by its prefix."""

    org = forms.CharField(widget=forms.HiddenInput)
    year = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(
        label="内容",
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=False,
        required=False,  # the service words the refusal of an empty text
        help_text="一段一行；导出 Word 和 Excel 时使用保存的内容",
    )
