from django import forms
from django.utils import timezone

from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from . import outline
from .services import REPORT_KINDS

CHAPTER_CHOICES = [(spec.key, spec.title) for spec in outline.CHAPTERS]


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

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = visible_orgs(user, write=True).filter(kind__in=REPORT_KINDS)
        self.fields["year"].initial = timezone.localdate().year - 1
        self.fields["chapters"].initial = list(outline.CHAPTER_KEYS)


class ReportMetaForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label="标题", max_length=200)
    signed = forms.DateField(label="成文日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class ParagraphForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label="段落文字", required=False, widget=forms.Textarea(attrs={"rows": 5}))
