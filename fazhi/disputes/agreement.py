"""人民调解协议书 as Word, with the content 《人民调解法》第二十九条 requires: the parties' basic
facts; the main facts of the dispute, the matters in dispute and each party's responsibility; the
agreed terms with the manner and time of performance; signatures, the mediator and the committee's seal."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .models import PartyKind, PartyRole


def _fmt(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "____年__月__日"


def _party_line(party) -> str:
    kind = "单位" if party.kind == PartyKind.ORGANISATION else "自然人"
    parts = [f"{party.get_role_display()}：{party.name}（{kind}）"]
    if party.id_number:
        parts.append(f"身份证号码：{party.id_number}")
    if party.phone:
        parts.append(f"联系电话：{party.phone}")
    if party.address:
        parts.append(f"住所：{party.address}")
    return "，".join(parts)


def agreement_docx(dispute, parties) -> bytes:
    """``parties``: the dispute's parties, with ID numbers and phones already masked if the reader may not see them."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "仿宋"
    style.font.size = Pt(14)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("人民调解协议书")
    run.bold = True
    run.font.size = Pt(22)
    number = doc.add_paragraph(dispute.number)
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    doc.add_heading("一、当事人基本情况", level=2)
    for party in parties:
        doc.add_paragraph(_party_line(party))

    doc.add_heading("二、纠纷的主要事实、争议事项及各方当事人的责任", level=2)
    doc.add_paragraph(f"纠纷类型：{dispute.dispute_type}。受理日期：{_fmt(dispute.received_on)}。")
    doc.add_paragraph(dispute.summary)

    doc.add_heading("三、经调解，各方当事人自愿达成如下协议", level=2)
    doc.add_paragraph(dispute.agreement_text)
    if dispute.amount_agreed is not None:
        doc.add_paragraph(f"协议金额：人民币{dispute.amount_agreed}元。")
    doc.add_heading("四、履行方式和期限", level=2)
    doc.add_paragraph(f"履行方式：{dispute.performance_method or '按上述协议内容履行'}。")
    doc.add_paragraph(
        f"履行期限：{_fmt(dispute.performance_due) if dispute.performance_due else '协议生效后即时履行'}。"
    )

    doc.add_paragraph(
        "本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"
        "本协议书一式三份，双方当事人、人民调解委员会各执一份。"
        "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。"
    )
    doc.add_paragraph("")
    for party in parties:
        prefix = "申请人" if party.role == PartyRole.APPLICANT else "被申请人"
        doc.add_paragraph(f"{prefix}（签名、盖章或按指印）：______________  {party.name}")
    mediators = "、".join(dict.fromkeys(s.mediators for s in dispute.sessions.all())) or "______________"
    doc.add_paragraph(f"人民调解员（签名）：{mediators}")
    seal = doc.add_paragraph(f"{dispute.org.name}（印章）")
    seal.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    day = doc.add_paragraph(_fmt(dispute.concluded_on))
    day.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
