"""Item 二 and item 四 from what the office already holds, rather than from a blank page.

- Evidence of shortcomings the ledgers hold (overdue reviews, 纠错 cases, lost suits, rates below
  full marks) is *offered*: the edit page lists the sentences and staff adopt the ones they agree
  with. A 不足 is the office's judgement, so nothing here is written into the report by itself.
- Last year's shortcomings, as last year's report stated them, become this year's 整改 checklist
  (drafted into the optional 整改情况 part: the 2019 规定 lists five items, and the analyzer marks
  the remedy ``required: false`` too).
- Next year's plans noted during the year (:class:`~fazhi.reports.models.PlanNote`) become item 四's
  "一是…二是…".

Everything here is deterministic: the same records give the same text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import outline
from .completeness import TO_FILL
from .document import chinese_numeral
from .drafting import Draft, is_declared
from .figure_source import FigureValue
from .models import AnnualReport, PlanNote
from .placeholders import to_text
from .values import current_values

FULL = Decimal(100)


@dataclass(frozen=True)
class Suggestion:
    key: str
    text: str  # with placeholders, so the figure follows the ledger once adopted


@dataclass(frozen=True)
class Evidence:
    key: str
    code: str
    bad: str  # "positive": any value above 0 is a shortcoming; "below_full": a rate under 100%
    text: str


EVIDENCE: tuple[Evidence, ...] = (
    Evidence(
        "litigation.corrected",
        "litigation.corrected",
        "positive",
        "行政复议纠错案件仍有发生（{{litigation.corrected}}件），行政行为的规范性有待进一步提高",
    ),
    Evidence(
        "litigation.lost",
        "litigation.lost",
        "positive",
        "发生行政诉讼败诉案件{{litigation.lost}}件，依法行政能力仍需加强",
    ),
    Evidence(
        "legal.overdue",
        "legal.overdue",
        "positive",
        "合法性审查仍有{{legal.overdue}}件未在规定期限内完成，审查力量有待充实",
    ),
    Evidence(
        "legal.unlawful",
        "legal.unlawful",
        "positive",
        "经审查发现违法或不当的事项{{legal.unlawful}}件，决策前端把关仍需加强",
    ),
    Evidence(
        "disclosure.replied_late",
        "disclosure.replied_late",
        "positive",
        "政府信息公开申请超期答复{{disclosure.replied_late}}件，办理时效有待提高",
    ),
    Evidence(
        "litigation.appearance_rate",
        "litigation.appearance_rate",
        "below_full",
        "行政机关负责人出庭应诉率为{{litigation.appearance_rate}}%，尚未实现应出尽出",
    ),
    Evidence(
        "litigation.replies_on_time_rate",
        "litigation.replies_on_time_rate",
        "below_full",
        "行政应诉答复按期率为{{litigation.replies_on_time_rate}}%，个别案件答复不够及时",
    ),
    Evidence(
        "disclosure.on_time_rate",
        "disclosure.on_time_rate",
        "below_full",
        "政府信息公开按期答复率为{{disclosure.on_time_rate}}%，仍有提升空间",
    ),
    Evidence(
        "enforcement.publicity_on_time_rate",
        "enforcement.publicity_on_time_rate",
        "below_full",
        "行政执法决定按期公示率为{{enforcement.publicity_on_time_rate}}%，执法公示制度落实还不到位",
    ),
    Evidence(
        "enforcement.av_record_rate",
        "enforcement.av_record_rate",
        "below_full",
        "执法全过程记录完整率为{{enforcement.av_record_rate}}%，音像记录仍有缺失",
    ),
)


def evidence_codes() -> set[str]:
    return {item.code for item in EVIDENCE if is_declared(item.code)}


def _shows(item: Evidence, value: FigureValue | None) -> bool:
    if value is None or value.value is None:
        return False
    if item.bad == "positive":
        return value.value > 0
    return value.value < FULL


def suggestions(report: AnnualReport, values: Mapping[str, FigureValue]) -> list[Suggestion]:
    """The sentences the ledgers support for this year's 不足, not yet in the report."""
    texts = "".join(p.text for section in report.sections.all() for p in section.paragraphs.all())
    return [
        Suggestion(item.key, item.text)
        for item in EVIDENCE
        if _shows(item, values.get(item.code)) and f"{{{{{item.code}}}}}" not in texts
    ]


def find(key: str) -> Evidence | None:
    return next((item for item in EVIDENCE if item.key == key), None)


# --- last year's shortcomings as this year's 整改 checklist ------------------------------------

POINT = re.compile(
    r"(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[0-9]+[.．、])"
)


def _points(text: str) -> list[str]:
    """Split a shortcomings text into its points (一是…二是…, （一）…, 1.…, or sentences)."""
    parts = [p.strip(" ，,；;。\n") for p in POINT.split(text)]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        parts = [p.strip() for p in re.split(r"[。；;\n]", text) if p.strip()]
    return parts


def _last_years_shortcomings(report: AnnualReport) -> tuple[AnnualReport, list[str]] | None:
    earlier = AnnualReport.objects.filter(org=report.org, year=report.year - 1).first()
    if earlier is None:
        return None
    keys = {outline.SHORTCOMINGS, outline.CURRENT_SHORTCOMINGS}
    sections = [s for s in earlier.sections.all() if s.key in keys]
    values = current_values(earlier)
    text = "\n".join(
        to_text(p.text, values)
        for section in sorted(sections, key=lambda s: s.order)
        for p in section.paragraphs.order_by("order", "pk")
        if p.text.strip()
    )
    points = _points(text)
    return (earlier, points) if points else None


def remedy_draft(report: AnnualReport) -> Draft | None:
    found = _last_years_shortcomings(report)
    if found is None:
        return None
    earlier, points = found
    lines = [f"针对{earlier.year}年度报告指出的问题，逐项整改如下："]
    for number, point in enumerate(points, 1):
        lines.append(f"{number}.{point}。整改情况：{TO_FILL}")
    return Draft("remedy.checklist", outline.REMEDY, "\n".join(lines))


# --- item 四 from the plans noted during the year ------------------------------------------------


def plans_draft(report: AnnualReport) -> Draft | None:
    notes = list(PlanNote.objects.filter(org=report.org, year=report.year + 1).order_by("created_at", "pk"))
    if not notes:
        return None
    sentences = []
    for number, note in enumerate(notes[:99], 1):
        sentences.append(f"{chinese_numeral(number)}是{note.text.strip().rstrip('。')}。")
    return Draft("plans.notes", outline.PLANS, "".join(sentences))


def record_drafts(report: AnnualReport) -> list[Draft]:
    """The drafts made from the office's own records rather than from figures."""
    return [draft for draft in (remedy_draft(report), plans_draft(report)) if draft is not None]
