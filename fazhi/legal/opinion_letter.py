"""合法性审查法律意见书 of one review round: a record document (fazhi.ledger.documents) from a Word
template an office may replace (default: ``document_templates/opinion_letter.docx``), and its download
(the page's per-round link, the detail page's document buttons and the API: one audited answer)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from fazhi.ledger.documents import (
    Document,
    blank,
    body,
    day_text,
    document_download,
    heading,
    money_text,
    plain,
    right,
)
from fazhi.ledger.pages import download_page

from .filters import base_queryset
from .services import letter_round

SAMPLE = {
    "round": 1,
    "submitted_by": "某某街道党政综合办公室",
    "submitted_on": "2024年3月5日",
    "kind": "合同",
    "item_title": "某某物业服务合同",
    "counterparty": "某某物业服务有限公司",
    "amount": "人民币1200000元",
    "materials": "合同文本、招标文件",
    "opinion": "修改后合法",
    "opinion_text": "一、第五条违约责任约定不明确。\n二、建议补充争议解决条款。",
    "returned": True,
    "requires_filing": True,
    "reviewer": "李某",
    "reviewer_unit": "某某街道法律顾问室",
    "opinion_on": "2024年3月12日",
}


def _has_letter(item) -> bool:
    return item.rounds.filter(letter_issued=True, opinion_on__isnull=False).exists()


def values(item, user, seq=None) -> dict:
    """Round ``seq``'s values (the latest round with a letter unless given; none: 404)."""
    round_ = letter_round(item, seq)
    return {
        "round": round_.seq,
        "submitted_by": item.submitted_by.name,
        "submitted_on": day_text(round_.submitted_on),
        "kind": item.get_kind_display(),
        "item_title": item.title,
        "counterparty": item.counterparty,
        "amount": money_text(item.amount),
        "materials": round_.materials,
        "opinion": round_.get_opinion_display(),
        "opinion_text": round_.opinion_text,
        "returned": round_.returned,
        "requires_filing": item.requires_filing,
        "reviewer": str(round_.reviewer) if round_.reviewer else "",
        "reviewer_unit": (round_.reviewer_org or item.org).name,
        "opinion_on": day_text(round_.opinion_on),
    }


OPINION_LETTER = Document(
    "opinion_letter",
    "合法性审查法律意见书",
    values,
    SAMPLE,
    blocks=(
        plain("{{ submitted_by }}："),
        body("你单位于{{ submitted_on }}送审的{{ kind }}《{{ item_title }}》收悉。经审查，现提出如下意见："),
        heading("一、审查事项"),
        body("事项类别：{{ kind }}；事项名称：{{ item_title }}（第{{ round }}轮送审）。"),
        body(
            "{% if counterparty %}合同相对方：{{ counterparty }}。{% endif %}{% if amount %}合同金额：{{ amount }}。{% endif %}"
        ),
        body("{% if materials %}送审材料：{{ materials }}{% endif %}"),
        heading("二、审查结论"),
        body("审查结论：{{ opinion }}。"),
        heading("三、审查意见"),
        body("{{ opinion_text }}"),
        body(
            "{% if returned %}请按上述意见修改后重新送审。{% endif %}"
            "{% if requires_filing %}该合同金额达到备案标准，签订后请按规定办理备案。{% endif %}"
        ),
        blank(),
        right("审查人：{{ reviewer or '______' }}"),
        right("{{ reviewer_unit }}（盖章）"),
        right("{{ opinion_on }}"),
    ),
    available=_has_letter,
)

DOCUMENTS = (OPINION_LETTER,)


def letter_download(user, item, seq=None, fmt: str = "docx") -> HttpResponse:
    """Round ``seq``'s letter (the latest round with one unless given), its download in the audit trail;
    a round without a letter is refused (404) by ``letter_round``."""
    round_ = letter_round(item, seq)
    return document_download(
        OPINION_LETTER,
        item,
        user,
        fmt,
        what=f"第{round_.seq}轮法律意见书",
        part=f"-第{round_.seq}轮",
        seq=round_.seq,
    )


@login_required
def letter_page(request, pk: int, seq: int):
    """Round ``seq``'s letter from the record's page (its rounds list one link each)."""
    item = get_object_or_404(base_queryset(request.user), pk=pk)
    return download_page(request, item, lambda: letter_download(request.user, item, seq))
