"""法律意见书 (legality review opinion letter) of one review round, as Word, and its download (the page's
and the API's: one audited answer)."""

import io

from django.http import HttpResponse
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from fazhi.ledger.downloads import docx_download

from .services import letter_round


def letter_download(user, item, seq=None) -> HttpResponse:
    """Round ``seq``'s letter (the latest round with one unless given), its download in the audit trail;
    a round without a letter is refused (404) by ``letter_round``."""
    round_ = letter_round(item, seq)
    content, what = opinion_docx(item, round_), f"第{round_.seq}轮法律意见书"
    return docx_download(
        user, item, content, filename=f"法律意见书-{item.number}-第{round_.seq}轮.docx", what=what
    )


def _fmt(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "____年__月__日"


def opinion_docx(item, round_) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "仿宋"
    style.font.size = Pt(14)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("合法性审查法律意见书")
    run.bold = True
    run.font.size = Pt(22)
    number = doc.add_paragraph(f"{item.number}（第{round_.seq}轮）")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    doc.add_paragraph(f"{item.submitted_by.name}：")
    doc.add_paragraph(
        f"你单位于{_fmt(round_.submitted_on)}送审的{item.get_kind_display()}《{item.title}》"
        "收悉。经审查，现提出如下意见："
    )
    doc.add_heading("一、审查事项", level=2)
    lines = [f"事项类别：{item.get_kind_display()}", f"事项名称：{item.title}"]
    if item.counterparty:
        lines.append(f"合同相对方：{item.counterparty}")
    if item.amount is not None:
        lines.append(f"合同金额：人民币{item.amount}元")
    for line in lines:
        doc.add_paragraph(line)
    if round_.materials:
        doc.add_paragraph(f"送审材料：{round_.materials}")
    doc.add_heading("二、审查结论", level=2)
    doc.add_paragraph(f"审查结论：{round_.get_opinion_display()}。")
    doc.add_heading("三、审查意见", level=2)
    for paragraph in round_.opinion_text.splitlines() or [""]:
        doc.add_paragraph(paragraph)
    if round_.returned:
        doc.add_paragraph("请按上述意见修改后重新送审。")
    if item.requires_filing:
        doc.add_paragraph("该合同金额达到备案标准，签订后请按规定办理备案。")
    doc.add_paragraph("")
    if round_.reviewer:
        doc.add_paragraph(f"审查人：{round_.reviewer}")
    unit = doc.add_paragraph(f"{round_.reviewer_org.name if round_.reviewer_org else item.org.name}（盖章）")
    unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    day = doc.add_paragraph(_fmt(round_.opinion_on))
    day.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
