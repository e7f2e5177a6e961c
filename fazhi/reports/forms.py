from django import forms
from django.utils import timezone

from fazhi.ledger.forms import DATE
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from . import outline
from .services import REPORT_KINDS

CHAPTER_CHOICES = [(spec.key, spec.title) for spec in outline.OPTIONAL_CHAPTERS + outline.CHAPTERS]


class CreateReportForm(forms.Form):
    org = forms.ModelChoiceField(label="报告单位", queryset=Organisation.objects.none(), empty_label=None)
    year = forms.IntegerField(label="报告年度", min_value=2000, max_value=2100)
    title = forms.CharField(
        label="标题", max_length=200, required=False, help_text="不填则为“单位名称+年度+法治政府建设年度报告”"
    )
    chapters = forms.MultipleChoiceField(
        label="第一部分按《法治政府建设实施纲要》分章",
        choices=CHAPTER_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="没有内容的章节不会导出，可全部保留",
    )
    reuse_outline = forms.BooleanField(
        label="沿用本单位上一份报告的提纲",
        required=False,
        initial=True,
        help_text="有往年报告时，沿用其各部分标题（年份自动顺延）和段落位置，不再按上面的纲要章节",
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = visible_orgs(user, write=True).filter(kind__in=REPORT_KINDS)
        self.fields["year"].initial = timezone.localdate().year - 1
        self.fields["chapters"].initial = list(outline.CHAPTER_KEYS)


class DraftManyForm(forms.Form):
    """The year's reports of several units at once, drafted by the worker (reports.jobs.queue_drafts)."""

    year = forms.IntegerField(
        label="报告年度",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "请填写报告年度。", "invalid": "报告年度须为四位年份，如2024。"},
    )
    orgs = forms.ModelMultipleChoiceField(
        label="报告单位",
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "请至少选择一个单位。",
            "invalid_choice": "所选单位不在您可编制报告的范围内。",
        },
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["orgs"].queryset = (
            visible_orgs(user, write=True).filter(kind__in=REPORT_KINDS).order_by("path")
        )
        self.fields["orgs"].initial = list(self.fields["orgs"].queryset)
        self.fields["year"].initial = timezone.localdate().year - 1


class ReportMetaForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label="标题", max_length=200)
    signed = forms.DateField(label="成文日期", required=False, widget=DATE)
    issuer = forms.CharField(label="落款单位（机关全称）", max_length=200, required=False)
    keyword = forms.CharField(label="导语中的年度学习内容", max_length=100, required=False)
    count_word = forms.ChoiceField(
        label="案件量词", choices=[("件", "件"), ("宗", "宗")], initial="件", required=False
    )
    money_style = forms.ChoiceField(
        label="金额写法",
        choices=[("exact", "万元保留两位小数"), ("about", "约数（约N万元）")],
        initial="exact",
        required=False,
    )


class ParagraphForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label="段落文字", required=False, widget=forms.Textarea(attrs={"rows": 5}))
