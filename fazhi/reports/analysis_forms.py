"""Forms of the report-analysis page: the upload, and importing a report's figures as a baseline.

Also the rule for which mention of a figure becomes the baseline value (``baseline_candidates``).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings

from fazhi.figures import registry
from fazhi.orgs.scoping import visible_orgs

MAX_FILE_BYTES = 10 * 1024 * 1024  # a PDF with its fonts embedded runs to a few MB
MAX_FILES = 20
ACCEPT = ".txt,.text,.htm,.html,.docx,.pdf,text/plain,text/html,application/pdf"
MULTIPLIERS = {"万": Decimal(10**4), "亿": Decimal(10**8)}
# Reports count the same thing in different measure words: 调解纠纷4532宗 is the registry's 件.
SAME_UNIT = ({"件", "宗", "起"}, {"人", "名", "位"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """Several files under one name; each file is checked on its own so that one bad file fails alone."""

    widget = MultipleFileInput

    def clean(self, value):
        files = [f for f in (value or []) if f]
        if not files:
            raise forms.ValidationError("请选择至少一个报告文件（.txt、.html、.docx 或 .pdf）。")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"一次最多分析 {MAX_FILES} 份报告，请分批上传。")
        return files


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="报告文件",
        help_text=(
            "可一次选择多份：纯文本（UTF-8/GBK/GB18030）、网页另存的文字、.html、.docx 或可复制文字的 PDF，"
            "每份不超过 10 MB（扫描件 PDF 没有文字，无法分析）。"
        ),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        many = settings.FAZHI_JOB_ANALYSIS_FILES
        self.fields["files"].help_text += f"一次选择{many}份及以上时由后台分析，完成后在任务页下载对比表。"


def read_upload(upload) -> tuple[bytes | None, str | None]:
    """(content, None), or (None, a Chinese reason) when the file is too large to analyse here."""
    if upload.size > MAX_FILE_BYTES:
        return (
            None,
            f"文件过大（{upload.size / 1024 / 1024:.1f} MB，上限 10 MB）：请确认选择的是报告正文文件。",
        )
    return upload.read(), None


# Baselines ---------------------------------------------------------------------------------------


def value_in_unit(mention, unit: str) -> Decimal | None:
    """The mention's number expressed in the registry's unit, or None when the units do not match."""
    value, base = Decimal(str(mention.value)), Decimal(str(mention.base_value))
    if mention.unit == unit or any({mention.unit, unit} <= same for same in SAME_UNIT):
        return value
    if mention.base_unit and mention.base_unit == unit:
        return base
    for prefix, factor in MULTIPLIERS.items():
        if mention.base_unit and unit == prefix + mention.base_unit:
            return base / factor
    return None


def plain(value) -> str:
    """54674733.0000 → "54674733"; 83.330 → "83.33"; never an exponent."""
    if value is None:
        return ""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def figure_label(code: str | None) -> str:
    if not code:
        return ""
    try:
        return registry.get(code).label
    except KeyError:
        return ""


def baseline_candidates(figures) -> list[dict]:
    """One value per registry code: the first exact mention of kind "value"; an approximate one
    only when the report gives no exact figure for that code. Units must match the registry's."""
    by_code: dict[str, list] = {}
    for mention in figures:
        if mention.code and mention.kind == "value":
            by_code.setdefault(mention.code, []).append(mention)
    candidates = []
    for code, mentions in by_code.items():
        try:
            fig = registry.get(code)
        except KeyError:
            continue
        usable = [(m, value_in_unit(m, fig.unit)) for m in mentions]
        usable = [(m, v) for m, v in usable if v is not None]
        if not usable:
            continue
        exact = [(m, v) for m, v in usable if not m.approx]
        mention, value = (exact or usable)[0]
        candidates.append(
            {
                "code": code,
                "label": fig.label,
                "unit": fig.unit,
                "value": plain(value),
                "text": mention.text,
                "subject": mention.subject,
                "approx": "".join(mention.approx),
                "others": len(mentions) - 1,
            }
        )
    return sorted(candidates, key=lambda c: c["code"])


def writable_orgs(user):
    return visible_orgs(user, write=True).order_by("path")


def issuer_org(user, issuer: str | None):
    """The unit of one's own that published the report: the writable unit whose name the issuer holds
    ("杭州市余杭区人民政府五常街道办事处" holds "五常街道"), the longest such name; None when no unit or two
    equally long ones match. Another 街道's report thus names no target: one has to choose it."""
    if not issuer:
        return None
    matches = [org for org in writable_orgs(user) if org.name and org.name in issuer]
    if not matches:
        return None
    longest = max(len(org.name) for org in matches)
    best = [org for org in matches if len(org.name) == longest]
    return best[0] if len(best) == 1 else None


class BaselineImportForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    org = forms.ModelChoiceField(
        label="导入到单位",
        queryset=None,
        empty_label="（请选择单位）",
        error_messages={
            "invalid_choice": "您无权向该单位导入基线：只能选择您可填报的本单位或下级单位。",
            "required": "请选择导入到哪个单位。",
        },
    )
    year = forms.IntegerField(
        label="年度",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "请填写年度，如 2024。", "invalid": "年度请填写四位数字，如 2024。"},
    )
    codes = forms.MultipleChoiceField(
        label="导入的指标",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "请至少勾选一项指标。",
            "invalid_choice": "勾选的指标“%(value)s”不在本报告可导入的指标中，请重新分析后再导入。",
        },
    )

    def __init__(self, user, candidates: list[dict], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        self.fields["org"].queryset = writable_orgs(user)
        self.fields["codes"].choices = [(c["code"], c["label"]) for c in candidates]

    def figures(self) -> dict[str, str]:
        chosen = set(self.cleaned_data["codes"])
        return {c["code"]: c["value"] for c in self.candidates if c["code"] in chosen}
