"""Item 二 from the ledgers' evidence (offered, adopted by staff), last year's 不足 as this year's 整改
checklist (optional, for the approval check and the analyzer alike), item 四 from plans noted in the year."""

import pytest
from report_fakes import install_fake_figures

from fazhi.errors import FazhiError
from fazhi.figures import registry
from fazhi.figures.registry import Figure
from fazhi.reports import outline, services
from fazhi.reports.analyzer.mandated import RULES
from fazhi.reports.completeness import problems
from fazhi.reports.compose import to_document
from fazhi.reports.models import Paragraph, Section
from fazhi.reports.render_text import render_text
from fazhi.reports.shortcomings import suggestions
from fazhi.reports.values import current_values


@pytest.fixture
def fake_figures(monkeypatch):
    data = install_fake_figures(monkeypatch)
    for code, label, unit, value in (
        ("litigation.corrected", "行政复议纠错", "件", 1),
        ("litigation.appearance_rate", "出庭率", "%", 100),
    ):
        data.numbers[code] = {2024: value, 2023: 0}
        registry.declare(Figure(code=code, label=label, unit=unit, compute=data.compute_for(code)))
    return data


@pytest.fixture
def writer(tree, person):
    return person("fazhiban", "office", tree["a"])


def test_the_remedy_is_optional_for_the_approval_check_and_the_analyzer_alike():
    analyzer = {rule.key: rule.required for rule in RULES}
    assert analyzer["remedy"] is False
    assert outline.spec_for(outline.REMEDY).mandated is False
    assert outline.REMEDY not in outline.MANDATED_ITEMS
    # every item the analyzer requires is one the approval check requires, and no other
    assert {key for key, required in analyzer.items() if required} == set(outline.MANDATED_ITEMS)


def test_ledger_evidence_is_offered_and_adopted_only_by_staff(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    from fazhi.reports.figure_source import fetch
    from fazhi.reports.shortcomings import evidence_codes

    values = fetch(report.org, evidence_codes(), 2024)
    offered = [s.key for s in suggestions(report, values)]
    assert offered == ["litigation.corrected"]  # the 100% appearance rate is no shortcoming
    assert "纠错" not in render_text(to_document(report))  # offered, not written

    paragraph = services.adopt_suggestion(writer, report, "litigation.corrected")
    assert paragraph.section.key == outline.CURRENT_SHORTCOMINGS
    assert "行政复议纠错案件仍有发生（1件）" in render_text(to_document(report))
    assert suggestions(report, values) == []  # once in the text, no longer offered
    with pytest.raises(FazhiError, match="没有代码"):
        services.adopt_suggestion(writer, report, "nonsense")


def test_last_years_shortcomings_become_this_years_checklist(tree, writer, fake_figures):
    last = services.draft_report(writer, tree["a"], 2023)
    services.add_paragraph(
        writer,
        Section.objects.get(report=last, key=outline.CURRENT_SHORTCOMINGS),
        "一是普法形式不够生动；二是行政复议纠错案件仍有发生。",
    )
    report = services.draft_report(writer, tree["a"], 2024)
    checklist = Paragraph.objects.get(section__report=report, draft_key="remedy.checklist")
    assert checklist.section.key == outline.REMEDY
    assert checklist.text.splitlines() == [
        "针对2023年度报告指出的问题，逐项整改如下：",
        "1.普法形式不够生动。整改情况：（请填写）",
        "2.行政复议纠错案件仍有发生。整改情况：（请填写）",
    ]
    assert any("（请填写）" in p for p in problems(report))
    # drafting again gives the same text (deterministic) and keeps what staff wrote in it
    edited = services.save_paragraph(
        writer, checklist, checklist.version, checklist.text.replace("（请填写）", "已整改", 1)
    )
    services.draft(writer, report)
    assert Paragraph.objects.get(pk=edited.pk).text == edited.text


def test_plans_noted_during_the_year_draft_item_four(tree, writer, person, fake_figures):
    services.add_plan_note(writer, tree["a"], 2025, "聚焦法治建设，强化依法行政决策")
    services.add_plan_note(writer, tree["a"], 2025, "聚焦社会稳定，强化矛盾纠纷化解。")
    services.add_plan_note(writer, tree["a"], 2026, "不属于本年度报告")
    report = services.draft_report(writer, tree["a"], 2024)
    plans = Paragraph.objects.get(section__report=report, draft_key="plans.notes")
    assert plans.section.key == outline.PLANS
    assert plans.text == "一是聚焦法治建设，强化依法行政决策。二是聚焦社会稳定，强化矛盾纠纷化解。"
    with pytest.raises(FazhiError, match="请填写"):
        services.add_plan_note(writer, tree["a"], 2025, "  ")
    from fazhi.errors import NotPermitted

    with pytest.raises(NotPermitted):
        services.add_plan_note(person("other", "office", tree["b"]), tree["a"], 2025, "越权")
    assert current_values(report) is not None
