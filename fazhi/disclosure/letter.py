"""The reply letter (政府信息公开申请答复书) as Word, A4 and 仿宋: one wording per outcome, the article it
rests on, and the remedies with the organs configured for the installation (DisclosureSettings) — the
reconsideration organ over this office within 60 日 (行政复议法 第二十条) or the court within 6 个月
(行政诉讼法 第四十六条), never typed per letter. Only names and addresses appear, no ID numbers or phones.
The letter's number is the record's own (the kit's numbering, e.g. 五常公〔2026〕0001号): one rule, no second
sequence of letter numbers. The reply stores the letter (and the worker its PDF, jobs.py) in the attachments."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from fazhi.dates import cn_date

from .models import ApplicantRole, DisclosureSettings, outcome_group

WORDING = {
    "public": "经审查，您申请获取的政府信息属于公开范围，本机关予以公开，现向您提供（见附件）。",
    "partial": "经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，"
    "本机关向您提供可以公开的政府信息内容（见附件），并对不予公开的内容说明理由：{reason}。",
    "withheld": "经审查，您申请获取的政府信息{reason}，依法不予公开。",
    "unavailable_not_held": "经检索查找，本机关未制作或者获取您申请的政府信息，该政府信息不存在。",
    "unavailable_not_made": "您申请获取的政府信息需要本机关对现有政府信息进行加工、分析，本机关依法可以不予提供。",
    "unavailable_unclear": "您补正后的申请内容仍不明确，本机关无法确定您申请获取的政府信息，依法无法提供。",
    "refused": "经审查，您的申请属于{reason}的情形，本机关依法不予处理。",
    "other": "{reason}。",
}


def wording(request) -> str:
    reason = request.get_outcome_display().split("：", 1)[-1]
    if request.outcome == "partial":
        reason = request.reply_summary or "相关内容依法不予公开"
    text = WORDING.get(request.outcome) or WORDING[outcome_group(request.outcome)]
    return text.format(reason=reason.removeprefix("属于") if "属于" in text else reason)


def _paragraph(doc, text, *, align=None, bold=False, size=None, indent=True):
    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(32)
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return p


LETTER_NAME = "政府信息公开申请答复书"


def letter_filename(request, suffix: str = "docx") -> str:
    return f"{request.number}{LETTER_NAME}.{suffix}"


def letter_attachment(request, suffix: str = "docx"):
    """The letter kept in the record's attachments (the Word file the reply put there, the PDF the worker
    made from it), or None."""
    from django.contrib.contenttypes.models import ContentType

    from fazhi.ledger.models import Attachment

    return (
        Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(request),
            object_id=request.pk,
            name=letter_filename(request, suffix),
        )
        .order_by("-pk")
        .first()
    )


def stored_letter(request, suffix: str = "docx") -> bytes | None:
    """The content of that stored letter, or None."""
    stored = letter_attachment(request, suffix)
    if stored is None:
        return None
    with stored.file.open("rb") as handle:
        return handle.read()


def sent_letter(request) -> bytes:
    """The letter as it was sent: the Word file the reply put into the record's attachments (the organs
    named in it do not change when the settings do later); made anew only for a reply recorded without
    one (imported or demo replies)."""
    return stored_letter(request) or letter_docx(request)


def letter_docx(request) -> bytes:
    settings = DisclosureSettings.current()
    organ = request.org.street or request.org
    applicant = next((p for p in request.parties.all() if p.role == ApplicantRole.APPLICANT), None)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    style = doc.styles["Normal"]
    style.font.name = "仿宋"
    style.font.size = Pt(16)
    _paragraph(doc, f"{organ.name}", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=22, indent=False)
    _paragraph(
        doc, "政府信息公开申请答复书", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=22, indent=False
    )
    _paragraph(doc, request.number, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _paragraph(doc, f"{applicant.name if applicant else '申请人'}：", indent=False)
    _paragraph(
        doc,
        f"本机关于{cn_date(request.received_on)}收到您提出的政府信息公开申请"
        f"（申请方式：{request.get_channel_display()}），申请获取：{request.content}",
    )
    if request.correction_received_on:
        _paragraph(doc, f"本机关于{cn_date(request.correction_requested_on)}告知您补正，"
                   f"于{cn_date(request.correction_received_on)}收到补正后的申请。")  # fmt: skip
    if request.extension_days:
        _paragraph(doc, f"经政府信息公开工作机构负责人同意，答复期限延长{request.extension_days}个工作日，"
                   f"已于{cn_date(request.extension_notified_on)}告知您。")  # fmt: skip
    _paragraph(doc, wording(request))
    _paragraph(doc, f"依据：{request.outcome_basis}。")
    _paragraph(doc, settings.remedy_text())
    _paragraph(doc, "")
    _paragraph(doc, organ.name, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    _paragraph(doc, cn_date(request.replied_on), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
