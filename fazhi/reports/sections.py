"""The office's own outline: sections added, renamed, reordered and removed, paragraphs moved.

The five mandated items (LEGAL-RULES.md §3) can be renamed and reordered (观澜 puts 第一责任人 before
举措) but never removed. Anything below them, and extra top-level parts, are the office's. Headings
go four levels deep (一、/（一）/1./（1）). Moving a drafted paragraph records the section as the place
of its template, so that re-drafting writes it there again. Every change is one transaction with its
audit entry, refused on a stale version like every other report change.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.errors import FazhiError

from . import outline
from .models import AnnualReport, Paragraph, Section, Source
from .services import _bump, _locked, _locked_paragraph, _next_order, renumber, require_edit, require_editable

MAX_TITLE = 200


def depth_of(section: Section) -> int:
    depth = 1
    while section.parent_id is not None:
        section = section.parent
        depth += 1
    return depth


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise FazhiError("标题不能为空，请填写该部分的标题。", fields={"title": "请填写标题"})
    if len(title) > MAX_TITLE:
        raise FazhiError(f"标题不能超过{MAX_TITLE}个字。", fields={"title": "标题过长"})
    return title


def _begin(actor, report: AnnualReport, expected_version: int | None) -> AnnualReport:
    require_edit(actor, report)
    fresh = _locked(report, expected_version)
    require_editable(fresh)
    return fresh


def _own(report: AnnualReport, section: Section, what: str = "该部分") -> Section:
    if section.report_id != report.pk:
        raise FazhiError(f"{what}不属于这份报告。")
    return section


def _new_key(report: AnnualReport) -> str:
    taken = set(report.sections.values_list("key", flat=True))
    number = len(taken) + 1
    while f"s{number}" in taken:
        number += 1
    return f"s{number}"


def _done(actor, report: AnnualReport, changes: dict) -> None:
    renumber(report)
    _bump(report, actor)
    record(Action.UPDATE, actor=actor, target=report, changes=changes)


def add_section(
    actor,
    report: AnnualReport,
    title: str,
    *,
    parent: Section | None = None,
    expected_version=None,
    draft_keys: tuple[str, ...] = (),
) -> Section:
    """A heading at the end of ``parent``'s sub-sections (or a new top-level part), optionally the
    place of some drafting templates (an office outline set up in one go, as the demo's)."""
    title = _clean_title(title)
    with transaction.atomic():
        report = _begin(actor, report, expected_version)
        if parent is not None:
            _own(report, parent, "上级部分")
            if not parent.heading:
                raise FazhiError("导语下不能设小标题；请在报告的某一部分下新增。")
            if depth_of(parent) >= outline.MAX_DEPTH:
                raise FazhiError(
                    f"标题最多{outline.MAX_DEPTH}级（一、/（一）/1./（1）），“{parent.title}”下不能再分级。"
                )
        top = report.sections.aggregate(top=Max("order"))["top"] or 0
        section = Section.objects.create(
            report=report,
            key=_new_key(report),
            parent=parent,
            order=top + 1,
            title=title,
            draft_keys=list(draft_keys),
        )
        _done(actor, report, {f"新增部分{section.pk}": [None, title]})
    return section


def rename_section(actor, section: Section, title: str, expected_version=None) -> Section:
    title = _clean_title(title)
    with transaction.atomic():
        report = _begin(actor, section.report, expected_version)
        section = _own(report, Section.objects.select_for_update().get(pk=section.pk))
        if not section.heading:
            raise FazhiError("导语没有标题，不能改名。")
        before = section.title
        if before != title:
            section.title = title
            section.save(update_fields=["title"])
            _done(actor, report, {f"部分{section.pk}标题": [before, title]})
    return section


def move_section(actor, section: Section, direction: str, expected_version=None) -> Section:
    """One place up or down among its siblings; the preamble stays first."""
    if direction not in ("up", "down"):
        raise FazhiError("移动方向只能是上移（up）或下移（down）。")
    with transaction.atomic():
        report = _begin(actor, section.report, expected_version)
        section = _own(report, Section.objects.select_for_update().get(pk=section.pk))
        siblings = list(
            report.sections.filter(parent_id=section.parent_id, heading=True).order_by("order", "pk")
        )
        if not section.heading:
            raise FazhiError("导语固定在报告开头，不能移动。")
        index = siblings.index(section)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(siblings):
            where = "第一个" if direction == "up" else "最后一个"
            raise FazhiError(
                f"“{section.title}”已是同级的{where}，不能再{'上' if direction == 'up' else '下'}移。"
            )
        neighbour = siblings[other]
        if neighbour.order == section.order:  # never equal after creation, but keep the swap visible
            neighbour.order += 1
        section.order, neighbour.order = neighbour.order, section.order
        Section.objects.filter(pk=section.pk).update(order=section.order)
        Section.objects.filter(pk=neighbour.pk).update(order=neighbour.order)
        _done(actor, report, {f"部分{section.pk}顺序": [neighbour.title, section.title]})
    return section


def _subtree(report: AnnualReport, section: Section) -> list[Section]:
    every = list(report.sections.all())
    found, frontier = [section], [section.pk]
    while frontier:
        kids = [s for s in every if s.parent_id in frontier]
        found += kids
        frontier = [s.pk for s in kids]
    return found


def delete_section(actor, section: Section, expected_version=None) -> None:
    """Remove a part the office added or does not use. Text typed by staff is never thrown away:
    such a part must be emptied first. Drafted paragraphs go up to the part above (or, at the top
    level, are removed and come back at their usual place on the next drafting)."""
    with transaction.atomic():
        report = _begin(actor, section.report, expected_version)
        section = _own(report, Section.objects.select_for_update().get(pk=section.pk))
        doomed = _subtree(report, section)
        if any(s.mandated for s in doomed):
            raise FazhiError(
                f"“{section.title}”是或包含法定内容（《法治政府建设与责任落实督察工作规定》第二十五条），"
                "不能删除；可以改名或调整顺序。"
            )
        paragraphs = Paragraph.objects.filter(section__in=doomed)
        if paragraphs.filter(source=Source.EDITED).exclude(text="").exists():
            raise FazhiError(
                f"“{section.title}”中有人工编写的段落，请先删除这些段落或把它们移到其他部分，再删除该部分。"
            )
        if section.parent_id is not None:
            parent = section.parent
            for paragraph in paragraphs.exclude(draft_key=""):
                Paragraph.objects.filter(pk=paragraph.pk).update(section=parent, order=_next_order(parent))
        pk, title = section.pk, section.title
        section.delete()
        _done(actor, report, {f"删除部分{pk}": [title, None]})


def move_paragraph(actor, paragraph: Paragraph, target: Section, expected_version: int) -> Paragraph:
    """Put a paragraph at the end of another section; a drafted one is drafted there from now on."""
    with transaction.atomic():
        fresh = _locked_paragraph(actor, paragraph, expected_version)
        report = fresh.section.report
        _own(report, target, "目标部分")
        if target.pk == fresh.section_id:
            return fresh
        before = fresh.section.title
        if fresh.draft_key:
            for section in report.sections.select_for_update():
                keys = [k for k in section.draft_keys if k != fresh.draft_key]
                if section.pk == target.pk:
                    keys.append(fresh.draft_key)
                if keys != section.draft_keys:
                    Section.objects.filter(pk=section.pk).update(draft_keys=keys)
        fresh.order = _next_order(target)
        fresh.section = target
        fresh.version += 1
        fresh.updated_by = actor
        fresh.save()
        _done(actor, report, {f"段落{fresh.pk}所在部分": [before, target.title]})
    return fresh
