"""The only way annual reports are created, drafted, edited and moved through their workflow.

Who may do what:
- read: anyone whose scope (fazhi.orgs.scoping) covers the report's organisation;
- edit, draft, submit for review, publish: the writers of that organisation (党政办/法治办 and the
  other write roles held there or above), i.e. ``can_write``;
- approve (审定), or take an approval back: a 领导 of that organisation or above. 领导 are read-only
  for ledgers, but approving the report is their job, so :func:`approve` checks that role
  explicitly instead of going through ``can_write``.

``actor=None`` is the system itself (the ``fazhi annual_report`` command run by the operator on the
server): it passes the permission checks and is audited as "系统". Pages and the API always pass
the request's user, which is never None.

Every change runs in one transaction with its audit entry. Reports and paragraphs carry a
version; a change made from an old version is refused (StaleEdit), never merged silently.
"""

from __future__ import annotations

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import cn_date
from fazhi.deadlines.engine import due_for_rule
from fazhi.errors import FazhiError, NotPermitted, StaleEdit, TransitionNotAllowed
from fazhi.orgs.models import Organisation, RoleAssignment
from fazhi.orgs.scoping import can_read, can_write, unit_label

from . import drafting, figure_source, outline
from .models import AnnualReport, Paragraph, Section, Source, Status
from .values import report_codes

PUBLISH_RULE = "annual_report.publish"
APPROVER_ROLE = "leader"
REPORT_KINDS = ("street", "district")

TRANSITIONS = {
    "submit": (Status.DRAFT, Status.REVIEW, "提交审定"),
    "return": (Status.REVIEW, Status.DRAFT, "退回修改"),
    "approve": (Status.REVIEW, Status.APPROVED, "审定通过"),
    "reopen": (Status.APPROVED, Status.DRAFT, "撤销审定"),
    "publish": (Status.APPROVED, Status.PUBLISHED, "标记为已公开"),
}


# --- permissions -------------------------------------------------------------------------------


def can_edit(user, report: AnnualReport) -> bool:
    return user is None or can_write(user, report.org)


def can_approve(user, report: AnnualReport) -> bool:
    if user is None:
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    leaders = RoleAssignment.objects.filter(user=user, role=APPROVER_ROLE).select_related("org")
    return any(report.org.is_within(a.org) for a in leaders)


def can_read_report(user, report: AnnualReport) -> bool:
    return user is None or can_read(user, report.org)


def require_read(user, report: AnnualReport) -> None:
    if user is not None and not can_read(user, report.org):
        raise NotPermitted(f"您无权查看{unit_label(user, report.org)}的年度报告。")


def require_edit(user, report: AnnualReport) -> None:
    if not can_edit(user, report):
        raise NotPermitted(f"您无权编辑“{report.org}”的年度报告；请由本单位党政办/法治办人员编辑。")


def require_editable(report: AnnualReport) -> None:
    if not report.editable:
        raise TransitionNotAllowed(
            f"报告当前状态为“{report.get_status_display()}”，内容已锁定；如需修改，请领导先撤销审定。"
        )


def allowed_actions(user, report: AnnualReport) -> list[tuple[str, str]]:
    """(action, label) pairs the user may take on the report now, for buttons and the API."""
    actions = []
    for action, (source, _target, label) in TRANSITIONS.items():
        if report.status != source:
            continue
        allowed = can_approve(user, report) if action in ("approve", "reopen") else can_edit(user, report)
        if action == "return":
            allowed = can_edit(user, report) or can_approve(user, report)
        if allowed:
            actions.append((action, label))
    return actions


# --- creation and drafting ---------------------------------------------------------------------


def _locked(report: AnnualReport, expected_version: int | None) -> AnnualReport:
    fresh = AnnualReport.objects.select_for_update().select_related("org").get(pk=report.pk)
    if expected_version is not None and fresh.version != expected_version:
        who = fresh.updated_by or "其他人"
        when = timezone.localtime(fresh.updated_at)
        raise StaleEdit(
            f"操作失败：该报告已被{who}于{cn_date(when)} {when:%H:%M}修改（您看到的是旧版本）。请刷新页面后重试。"
        )
    return fresh


def _bump(report: AnnualReport, actor) -> None:
    AnnualReport.objects.filter(pk=report.pk).update(version=F("version") + 1, updated_by=actor)
    report.refresh_from_db(fields=["version", "updated_by", "updated_at"])


def create_report(
    actor,
    org: Organisation,
    year: int,
    *,
    title: str = "",
    chapters=outline.CHAPTER_KEYS,
    outline_from: AnnualReport | None = None,
):
    """A new report with the mandated outline and the chosen 纲要 chapters inside item 1, or with the
    outline of an earlier report of the office (``outline_from``: its own headings, years moved on)."""
    if actor is not None and not can_write(actor, org):
        raise NotPermitted(f"您无权为{unit_label(actor, org)}创建年度报告；请由本单位党政办/法治办人员创建。")
    if org.kind not in REPORT_KINDS:
        raise FazhiError(f"“{org}”不是街道或区，不单独编制法治政府建设年度报告；请选择所属街道。")
    if not 2000 <= year <= 2100:
        raise FazhiError(f"报告年度“{year}”无效，请填写四位年份，如2024。", fields={"year": "年份无效"})
    known = {spec.key for spec in outline.OPTIONAL_CHAPTERS + outline.CHAPTERS}
    unknown = set(chapters) - known
    if unknown:
        raise FazhiError(f"未知的纲要章节：{'、'.join(sorted(unknown))}。")
    if outline_from is not None and outline_from.org_id != org.pk:
        raise FazhiError("只能沿用本单位以往报告的提纲。")
    if AnnualReport.objects.filter(org=org, year=year).exists():
        raise FazhiError(f"“{org}”{year}年度的报告已存在，请直接打开编辑。", code="duplicate")
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(
                org=org,
                year=year,
                title=title.strip() or AnnualReport.default_title(org, year),
                publish_due=due_for_rule(PUBLISH_RULE, datetime.date(year, 12, 31)).due,
                created_by=actor,
                updated_by=actor,
            )
            if outline_from is not None:
                _copy_sections(report, outline_from)
            else:
                _create_sections(report, set(chapters))
            renumber(report)
            record(
                Action.CREATE,
                actor=actor,
                target=report,
                changes={"title": [None, report.title], "year": [None, year], "org": [None, org.pk]},
            )
    except IntegrityError:
        raise FazhiError(f"“{org}”{year}年度的报告已存在，请直接打开编辑。", code="duplicate") from None
    return report


def last_report(org: Organisation, year: int) -> AnnualReport | None:
    """The office's latest report before ``year``, whose outline a new report may reuse."""
    return AnnualReport.objects.filter(org=org, year__lt=year).order_by("-year").first()


def _create_sections(report: AnnualReport, chapters: set[str]) -> None:
    order = 0

    def make(spec: outline.SectionSpec, parent: Section | None) -> None:
        nonlocal order
        order += 1
        section = Section.objects.create(
            report=report,
            key=spec.key,
            parent=parent,
            order=order,
            title=spec.title_for(report.year),
            mandated=spec.mandated,
            heading=spec.heading,
        )
        children = spec.children
        if spec.key == outline.MEASURES:
            offered = outline.OPTIONAL_CHAPTERS + outline.CHAPTERS
            children = tuple(chapter for chapter in offered if chapter.key in chapters)
        for child in children:
            make(child, section)

    for spec in outline.OUTLINE:
        make(spec, None)


def _copy_sections(report: AnnualReport, source: AnnualReport) -> None:
    """The earlier report's sections (titles, order, placements), its years moved to this report's."""
    shift = report.year - source.year
    years = re.compile(r"(?<![0-9])(19|20)[0-9]{2}(?=年)")

    def moved(title: str) -> str:
        return years.sub(lambda m: str(int(m.group(0)) + shift), title)

    sections = list(source.sections.all())

    def copy(parent_id, parent: Section | None) -> None:
        for section in sorted((s for s in sections if s.parent_id == parent_id), key=lambda s: s.order):
            created = Section.objects.create(
                report=report,
                key=section.key,
                parent=parent,
                order=section.order,
                title=moved(section.title),
                mandated=section.mandated,
                heading=section.heading,
                draft_keys=list(section.draft_keys),
            )
            copy(section.pk, created)

    copy(None, None)


def renumber(report: AnnualReport) -> None:
    """Store each section's heading number as the export will print it."""
    from .compose import section_numbers

    numbers = section_numbers(report)
    for section in report.sections.all():
        number = numbers.get(section.pk, "")
        if section.number != number:
            Section.objects.filter(pk=section.pk).update(number=number)


def draft(actor, report: AnnualReport, expected_version: int | None = None) -> AnnualReport:
    """(Re)write the drafted paragraphs from the figures. Paragraphs staff edited are never touched."""
    require_edit(actor, report)
    with transaction.atomic():
        report = _locked(report, expected_version)
        require_editable(report)
        values = figure_source.fetch(report.org, drafting.template_codes(), report.year)
        wanted = {d.key: d for d in _all_drafts(report, values)}
        sections = {s.key: s for s in report.sections.all()}
        existing = {
            p.draft_key: p for p in Paragraph.objects.filter(section__report=report).exclude(draft_key="")
        }
        written, kept, removed = [], [], []
        for key, paragraph in existing.items():
            fresh = wanted.get(key)
            if paragraph.source == Source.EDITED:
                kept.append(key)
                if fresh is not None and paragraph.template != fresh.text:
                    Paragraph.objects.filter(pk=paragraph.pk).update(template=fresh.text)
                continue
            if fresh is None:
                paragraph.delete()
                removed.append(key)
            elif paragraph.text != fresh.text or paragraph.template != fresh.text:
                Paragraph.objects.filter(pk=paragraph.pk).update(
                    template=fresh.text, text=fresh.text, version=F("version") + 1, updated_by=actor
                )
                written.append(key)
        for key, fresh in wanted.items():
            section = _home(sections, key, fresh.section)
            if key in existing or section is None:
                continue
            Paragraph.objects.create(
                section=section,
                order=_next_order(section),
                draft_key=key,
                template=fresh.text,
                text=fresh.text,
                source=Source.DRAFTED,
                updated_by=actor,
            )
            written.append(key)
        renumber(report)
        _bump(report, actor)
        record(
            Action.UPDATE,
            actor=actor,
            target=report,
            changes={
                "起草": [
                    None,
                    {"写入": sorted(written), "保留人工编辑": sorted(kept), "删除": sorted(removed)},
                ]
            },
        )
    return report


def _all_drafts(report: AnnualReport, values) -> list[drafting.Draft]:
    """From the figures, then from the office's own records (last year's 不足, next year's plans)."""
    from .shortcomings import record_drafts

    return drafting.drafts(report.org, report.year, values, drafting.Wording.of(report)) + record_drafts(
        report
    )


def _home(sections: dict[str, Section], draft_key: str, default: str) -> Section | None:
    """Where a drafted paragraph goes: the section the office placed it in, else its section of the
    standard outline, else the nearest item above that (a 纲要 chapter the office dropped → item 一)."""
    placed = [s for s in sections.values() if draft_key in (s.draft_keys or [])]
    if placed:
        return min(placed, key=lambda s: s.order)
    for key in [default, *outline.ancestors(default)]:
        if key in sections:
            return sections[key]
    return None


def draft_report(actor, org: Organisation, year: int) -> AnnualReport:
    """The org's report for the year, created if needed and drafted from the figures: ready to render."""
    report = AnnualReport.objects.filter(org=org, year=year).first()
    if report is None:
        report = create_report(actor, org, year, outline_from=last_report(org, year))
    if report.editable:
        report = draft(actor, report)
    return report


def _next_order(section: Section) -> int:
    return (section.paragraphs.aggregate(top=Max("order"))["top"] or 0) + 1


# --- paragraphs --------------------------------------------------------------------------------


def _locked_paragraph(actor, paragraph: Paragraph, expected_version: int) -> Paragraph:
    fresh = Paragraph.objects.select_for_update().select_related("section__report__org").get(pk=paragraph.pk)
    report = fresh.section.report
    require_edit(actor, report)
    require_editable(report)
    if fresh.version != expected_version:
        who = fresh.updated_by or "其他人"
        when = timezone.localtime(fresh.updated_at)
        raise StaleEdit(
            f"保存失败：该段落已被{who}于{cn_date(when)} {when:%H:%M}修改（您编辑的是旧版本）。"
            "请刷新页面查看最新内容后重新修改。"
        )
    return fresh


def _saved(actor, paragraph: Paragraph, before: str, action: str = Action.UPDATE) -> Paragraph:
    paragraph.updated_by = actor
    paragraph.version += 1
    paragraph.save()
    report = paragraph.section.report
    _bump(report, actor)
    record(
        action,
        actor=actor,
        target=report,
        changes={f"段落{paragraph.pk}（{paragraph.section.title}）": [before, paragraph.text]},
    )
    return paragraph


def save_paragraph(actor, paragraph: Paragraph, expected_version: int, text: str) -> Paragraph:
    """Keep a person's wording; from now on re-drafting leaves this paragraph alone."""
    text = text.strip().replace("\r\n", "\n")
    with transaction.atomic():
        fresh = _locked_paragraph(actor, paragraph, expected_version)
        before = fresh.text
        if text == before:
            return fresh
        fresh.text = text
        fresh.source = Source.EDITED
        return _saved(actor, fresh, before)


def redraft_paragraph(actor, paragraph: Paragraph, expected_version: int) -> Paragraph:
    """Replace a paragraph by its freshly drafted text (重新生成), dropping the staff's edits to it."""
    with transaction.atomic():
        fresh = _locked_paragraph(actor, paragraph, expected_version)
        report = fresh.section.report
        if not fresh.draft_key:
            raise FazhiError("该段落是人工添加的，没有可以重新生成的起草模板。")
        values = figure_source.fetch(report.org, drafting.template_codes(), report.year)
        drafted = {d.key: d.text for d in _all_drafts(report, values)}
        text = drafted.get(fresh.draft_key)
        if text is None:
            raise FazhiError("该段落引用的指标目前没有数据，无法重新生成；可以直接编辑或删除该段落。")
        before = fresh.text
        fresh.template = fresh.text = text
        fresh.source = Source.DRAFTED
        return _saved(actor, fresh, before)


def add_paragraph(actor, section: Section, text: str = "") -> Paragraph:
    report = section.report
    require_edit(actor, report)
    require_editable(report)
    with transaction.atomic():
        paragraph = Paragraph.objects.create(
            section=section,
            order=_next_order(section),
            text=text.strip(),
            source=Source.EDITED,
            updated_by=actor,
        )
        _bump(report, actor)
        record(Action.UPDATE, actor=actor, target=report, changes={f"新增段落{paragraph.pk}": [None, text]})
    renumber(report)
    return paragraph


def delete_paragraph(actor, paragraph: Paragraph, expected_version: int) -> None:
    with transaction.atomic():
        fresh = _locked_paragraph(actor, paragraph, expected_version)
        report = fresh.section.report
        record(Action.UPDATE, actor=actor, target=report, changes={f"删除段落{fresh.pk}": [fresh.text, None]})
        fresh.delete()
        _bump(report, actor)
    renumber(report)


WORDING_FIELDS = ("issuer", "keyword", "count_word", "money_style")


def update_report(
    actor, report: AnnualReport, expected_version: int, *, title=None, signed=None, **wording
) -> AnnualReport:
    """Title, 成文日期 and the office's wording choices (落款, keyword, 件/宗, money)."""
    unknown = set(wording) - set(WORDING_FIELDS)
    if unknown:
        raise FazhiError(f"未知的报告信息：{'、'.join(sorted(unknown))}。")
    if wording.get("count_word") not in (None, "件", "宗"):
        raise FazhiError("案件量词只能是“件”或“宗”。")
    if wording.get("money_style") not in (None, "exact", "about"):
        raise FazhiError("金额写法只能是“exact”（两位小数）或“about”（约数）。")
    require_edit(actor, report)
    with transaction.atomic():
        fresh = _locked(report, expected_version)
        require_editable(fresh)
        changes = {}
        if title is not None and title.strip() and title.strip() != fresh.title:
            changes["title"] = [fresh.title, title.strip()]
            fresh.title = title.strip()
        if signed is not None and signed != fresh.signed:
            changes["signed"] = [str(fresh.signed or ""), str(signed)]
            fresh.signed = signed
        for name, value in wording.items():
            value = (value or "").strip()
            settable = value or name in ("issuer", "keyword")  # those two may be cleared
            if settable and value != getattr(fresh, name):
                changes[name] = [getattr(fresh, name), value]
                setattr(fresh, name, value)
        if not changes:
            return fresh
        fresh.updated_by = actor
        fresh.save()
        _bump(fresh, actor)
        record(Action.UPDATE, actor=actor, target=fresh, changes=changes)
    return fresh


# --- values and workflow -----------------------------------------------------------------------


def _transition(actor, report, expected_version, action, apply=None) -> AnnualReport:
    source, target, label = TRANSITIONS[action]
    with transaction.atomic():
        fresh = _locked(report, expected_version)
        if fresh.status != source:
            raise TransitionNotAllowed(
                f"报告当前状态为“{fresh.get_status_display()}”，不能“{label}”。"
                f"只有“{Status(source).label}”的报告可以{label}。"
            )
        before = fresh.status
        fresh.status = target
        if apply:
            apply(fresh)
        fresh.updated_by = actor
        fresh.save()
        _bump(fresh, actor)
        record(Action.TRANSITION, actor=actor, target=fresh, changes={"status": [before, target]})
    return fresh


def submit(actor, report: AnnualReport, expected_version: int) -> AnnualReport:
    require_edit(actor, report)
    return _transition(actor, report, expected_version, "submit")


def return_to_draft(actor, report: AnnualReport, expected_version: int) -> AnnualReport:
    if not (can_edit(actor, report) or can_approve(actor, report)):
        raise NotPermitted(f"您无权退回“{report.org}”的年度报告。")
    return _transition(actor, report, expected_version, "return")


def approve(actor, report: AnnualReport, expected_version: int, *, signed: datetime.date | None = None):
    """审定: only a 领导 of the org (or above), only a complete report; the figures are frozen."""
    from .completeness import problems

    if not can_approve(actor, report):
        raise NotPermitted(f"只有“{report.org}”或上级单位的领导可以审定年度报告。")
    found = problems(report)
    if found:
        raise FazhiError("报告尚不完整，不能审定：" + "；".join(found) + "。", code="incomplete")

    def freeze(fresh: AnnualReport) -> None:
        values = figure_source.fetch(fresh.org, report_codes(fresh), fresh.year)
        fresh.frozen_values = {code: value.as_json() for code, value in sorted(values.items())}
        fresh.approved_at = timezone.now()
        fresh.approved_by = actor
        fresh.signed = signed or fresh.signed or timezone.localdate()

    return _transition(actor, report, expected_version, "approve", freeze)


def reopen(actor, report: AnnualReport, expected_version: int) -> AnnualReport:
    """Take an approval back: the text is editable again and the figures follow the ledgers again."""
    if not can_approve(actor, report):
        raise NotPermitted(f"只有“{report.org}”或上级单位的领导可以撤销审定。")

    def thaw(fresh: AnnualReport) -> None:
        fresh.frozen_values = {}
        fresh.approved_at = None
        fresh.approved_by = None

    return _transition(actor, report, expected_version, "reopen", thaw)


def publish(actor, report: AnnualReport, expected_version: int, *, published_on: datetime.date | None = None):
    require_edit(actor, report)

    def stamp(fresh: AnnualReport) -> None:
        fresh.published_on = published_on or timezone.localdate()

    return _transition(actor, report, expected_version, "publish", stamp)


def run_action(actor, report: AnnualReport, action: str, expected_version: int) -> AnnualReport:
    """Dispatch a workflow action by name (pages and API)."""
    handlers = {
        "submit": submit,
        "return": return_to_draft,
        "approve": approve,
        "reopen": reopen,
        "publish": publish,
    }
    if action not in handlers:
        raise FazhiError(f"未知的操作“{action}”，可选：{'、'.join(handlers)}。")
    return handlers[action](actor, report, expected_version)


def record_export(actor, report: AnnualReport, fmt: str) -> None:
    with transaction.atomic():
        record(Action.EXPORT, actor=actor, target=report, changes={"format": [None, fmt]})


# --- item 二 suggestions and item 四 plan notes ----------------------------------------------------


def adopt_suggestion(actor, report: AnnualReport, key: str) -> Paragraph:
    """Write one of the ledgers' suggested 不足 into this year's shortcomings, as staff text."""
    from .shortcomings import find

    item = find(key)
    if item is None:
        raise FazhiError(f"没有代码为“{key}”的问题建议，请刷新页面后重试。")
    sections = {s.key: s for s in report.sections.all()}
    section = sections.get(outline.CURRENT_SHORTCOMINGS) or sections.get(outline.SHORTCOMINGS)
    if section is None:
        raise FazhiError("报告中没有“存在的不足和原因”部分，无法加入。")
    return add_paragraph(actor, section, item.text + "。")


def add_plan_note(actor, org: Organisation, year: int, text: str):
    """Note a plan for ``year`` during the year before; the report of ``year - 1`` drafts it in item 四."""
    from .models import PlanNote

    if actor is not None and not can_write(actor, org):
        raise NotPermitted(f"您无权为{unit_label(actor, org)}记录工作打算。")
    text = " ".join((text or "").split())
    if not text:
        raise FazhiError("请填写工作打算的内容。", fields={"text": "请填写内容"})
    if not 2000 <= year <= 2100:
        raise FazhiError(f"计划年度“{year}”无效，请填写四位年份。", fields={"year": "年份无效"})
    with transaction.atomic():
        note = PlanNote.objects.create(org=org, year=year, text=text, created_by=actor)
        record(Action.CREATE, actor=actor, target=note, changes={"text": [None, text], "year": [None, year]})
    return note


def delete_plan_note(actor, note) -> None:
    if actor is not None and not can_write(actor, note.org):
        raise NotPermitted(f"您无权删除{unit_label(actor, note.org)}的工作打算。")
    with transaction.atomic():
        record(Action.DELETE, actor=actor, target=note, changes={"text": [note.text, None]})
        note.delete()
