"""Parts 五 and 六 of the 政府信息公开工作年度报告 as the office writes them: one text per unit, year and part,
kept (scoped to the units the person may write, audited) and used by the exports in place of the draft."""

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import diff, record, snapshot
from fazhi.db import locked_row
from fazhi.errors import FazhiError
from fazhi.ledger.services import MAX_TEXT_LENGTH, require_write

from .models import HOLDER_KINDS, AnnualReportText, ReportPart

AUDITED_FIELDS = ["org_id", "year", "part", "text"]


def stored_texts(org, year: int) -> dict[str, str]:
    """part → the office's own text, for the parts it has written."""
    return dict(AnnualReportText.objects.filter(org=org, year=year).values_list("part", "text"))


def save_text(actor, org, year: int, part: str, text: str) -> AnnualReportText:
    """Write (or rewrite) a unit's text of part 五 or 六 for a year; audited with what it said before."""
    require_write(actor, org)
    if org.kind not in HOLDER_KINDS:
        raise FazhiError(
            f"“{org.name}”不编制政府信息公开工作年度报告；请选择街道办事处或其党政办。",
            fields={"org": "请选择街道或党政办"},
        )
    if part not in ReportPart.values:
        raise FazhiError("请选择第五部分或第六部分。", fields={"part": "只能填写第五、第六部分"})
    label = ReportPart(part).label
    text = text.strip()
    if not text:
        raise FazhiError(
            f"“{label}”不能为空；可以在系统草稿的基础上修改。",
            fields={"text": "不能为空，请填写；可以在系统草稿的基础上修改"},
        )
    if len(text) > MAX_TEXT_LENGTH:
        too_long = f"共{len(text)}字，超过{MAX_TEXT_LENGTH}字的上限，请精简"
        raise FazhiError(f"“{label}”{too_long}。", fields={"text": too_long})
    with transaction.atomic():
        row = locked_row(AnnualReportText.objects.filter(org=org, year=year, part=part))
        before = snapshot(row, AUDITED_FIELDS) if row else {}
        if row is None:
            row = AnnualReportText(org=org, year=year, part=part)
        elif row.text == text:
            return row  # nothing changed: no entry in the audit trail
        row.text, row.updated_by = text, actor
        row.save()
        record(
            Action.UPDATE if before else Action.CREATE,
            actor=actor,
            target=row,
            changes=diff(before, snapshot(row, AUDITED_FIELDS)),
        )
    return row
