"""Completeness, the draft → review → approved → published workflow, and freezing at approval."""

import datetime

import pytest
from report_fakes import install_fake_figures

from fazhi.audit.models import AuditEntry
from fazhi.errors import FazhiError, NotPermitted, StaleEdit, TransitionNotAllowed
from fazhi.reports import services
from fazhi.reports.completeness import problems
from fazhi.reports.compose import to_document
from fazhi.reports.models import Paragraph, Section, Status
from fazhi.reports.render_text import render_text


@pytest.fixture
def figures(monkeypatch):
    return install_fake_figures(monkeypatch)


@pytest.fixture
def writer(tree, person):
    return person("fazhiban", "office", tree["a"])


@pytest.fixture
def leader(tree, person):
    return person("lingdao", "leader", tree["a"])


def fill_mandated(actor, report, *, remedy=True):
    texts = {
        "shortcomings_current": "一是法治政府建设责任还需进一步压实。",
        "leadership": "街道党工委坚持领导干部学法制度。",
        "plans": "一是聚焦法治建设，强化依法行政决策。",
    }
    if remedy:
        texts["remedy"] = "针对2023年存在的普法形式不够生动的问题，2024年作出如下改进。"
    for key, text in texts.items():
        services.add_paragraph(actor, Section.objects.get(report=report, key=key), text)
    report.refresh_from_db()
    return report


def test_empty_report_lists_each_missing_item(tree, writer, figures):
    report = services.create_report(writer, tree["a"], 2024)
    found = problems(report)
    assert "“一、2024年推进法治政府建设的主要举措和成效”尚未填写内容" in found
    # the 整改 part is optional (the 规定 lists five items; the analyzer agrees): not asked for
    assert not any("整改情况" in p for p in found)
    assert any("2025年推进法治政府建设的主要安排" in p for p in found)
    assert any("其他需要报告的情况" in p for p in found)


def test_drafted_and_filled_report_is_complete_without_the_remedy(tree, writer, figures):
    report = services.draft_report(writer, tree["a"], 2024)
    report = fill_mandated(writer, report, remedy=False)
    assert problems(report) == []
    report = fill_mandated(writer, report)
    assert problems(report) == []


def test_placeholder_without_value_is_a_problem(tree, writer, figures):
    report = services.draft_report(writer, tree["a"], 2024)
    report = fill_mandated(writer, report)
    figures.numbers["disputes.mediated_success"][2024] = None
    found = problems(report)
    assert len(found) == 1
    assert "调解成功" in found[0] and "disputes.mediated_success" in found[0]
    assert "【缺：调解成功】" in render_text(to_document(report))


def test_only_a_leader_approves_and_approval_freezes_the_figures(tree, writer, leader, figures):
    report = fill_mandated(writer, services.draft_report(writer, tree["a"], 2024))
    report = services.submit(writer, report, report.version)
    assert report.status == Status.REVIEW
    with pytest.raises(NotPermitted):
        services.approve(writer, report, report.version)
    report = services.approve(leader, report, report.version, signed=datetime.date(2025, 2, 18))
    assert report.status == Status.APPROVED
    assert report.frozen_values["disputes.received"] == {"unit": "件", "value": "3218", "previous": "2722"}
    before = render_text(to_document(report))
    assert "共接收矛盾纠纷3218件，同比上升18.22%" in before

    figures.numbers["disputes.received"][2024] = 9999
    figures.numbers["disputes.received"][2023] = 1
    report.refresh_from_db()
    assert render_text(to_document(report)) == before

    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    with pytest.raises(TransitionNotAllowed):
        services.save_paragraph(writer, paragraph, paragraph.version, "审定后不能再改。")
    with pytest.raises(TransitionNotAllowed):
        services.draft(writer, report, report.version)

    report = services.publish(writer, report, report.version, published_on=datetime.date(2025, 3, 1))
    assert report.status == Status.PUBLISHED
    assert render_text(to_document(report)) == before
    assert to_document(report).signed_text == "2025年2月18日"
    transitions = AuditEntry.objects.filter(target_id=str(report.pk), action="transition").count()
    assert transitions == 3


def test_reopening_lets_figures_follow_the_ledgers_again(tree, writer, leader, figures):
    report = fill_mandated(writer, services.draft_report(writer, tree["a"], 2024))
    report = services.submit(writer, report, report.version)
    report = services.approve(leader, report, report.version)
    figures.numbers["disputes.received"][2024] = 4000
    report = services.reopen(leader, report, report.version)
    assert report.frozen_values == {}
    assert "共接收矛盾纠纷4000件" in render_text(to_document(report))


def test_incomplete_report_cannot_be_approved(tree, writer, leader, figures):
    report = services.draft_report(writer, tree["a"], 2024)
    report = services.submit(writer, report, report.version)
    with pytest.raises(FazhiError) as caught:
        services.approve(leader, report, report.version)
    assert "报告尚不完整，不能审定" in caught.value.message
    assert "主要安排" in caught.value.message


def test_transition_from_an_old_version_is_refused(tree, writer, figures):
    report = services.draft_report(writer, tree["a"], 2024)
    stale = report.version
    services.update_report(writer, report, report.version, title="新标题")
    with pytest.raises(StaleEdit):
        services.submit(writer, report, stale)


def test_wrong_transition_says_what_is_possible(tree, writer, figures):
    report = services.create_report(writer, tree["a"], 2024)
    with pytest.raises(TransitionNotAllowed) as caught:
        services.publish(writer, report, report.version)
    assert "只有“已审定”的报告可以标记为已公开" in caught.value.message


def test_people_of_another_street_can_neither_create_nor_edit(tree, writer, person, figures):
    report = services.draft_report(writer, tree["a"], 2024)
    other = person("other", "office", tree["b"])
    other_leader = person("otherleader", "leader", tree["b"])
    with pytest.raises(NotPermitted):
        services.create_report(other, tree["a"], 2023)
    with pytest.raises(NotPermitted):
        services.draft(other, report, report.version)
    paragraph = Paragraph.objects.filter(section__report=report).first()
    with pytest.raises(NotPermitted):
        services.save_paragraph(other, paragraph, paragraph.version, "改写")
    report = services.submit(writer, report, report.version)
    with pytest.raises(NotPermitted):
        services.approve(other_leader, report, report.version)


def test_a_district_leader_may_approve_a_street_report(tree, writer, person, figures):
    report = fill_mandated(writer, services.draft_report(writer, tree["a"], 2024))
    report = services.submit(writer, report, report.version)
    district_leader = person("quzhang", "leader", tree["district"])
    assert services.approve(district_leader, report, report.version).status == Status.APPROVED


def test_a_report_per_org_and_year(tree, writer):
    services.create_report(writer, tree["a"], 2024)
    with pytest.raises(FazhiError, match="已存在"):
        services.create_report(writer, tree["a"], 2024)
    with pytest.raises(FazhiError, match="不是街道或区"):
        services.create_report(writer, tree["a-tw"], 2024)
